/**
 * Applies the text repairs to a document's text nodes and title, recording every original so
 * 显示原文 restores the page exactly. Never touches script, style, code, pre, textarea, inputs,
 * contenteditable or translate="no" content, and never changes a non-Chinese page.
 */
import { hasChineseText } from '../detect/chinese';
import { isPinyinSpam, pinyinStats, repairTexts, type RepairClass } from './classes';
import { LOST_MARK } from './common';

export const SKIP_SELECTOR =
  'script,style,code,pre,textarea,input,select,option,kbd,samp,noscript,svg,math,template,' +
  '[contenteditable]:not([contenteditable="false"]),[translate="no"],.notranslate';

export interface RepairCounts {
  total: number;
  byClass: Partial<Record<RepairClass, number>>;
}

interface Record_ {
  original: string;
  repaired: string;
  /** Nodes added after this one to show lost text (mark spans and the text between them). */
  added: Node[];
}

/** The class and tooltip of the mark shown where text is lost for good. */
export const LOST_CLASS = 'qingdu-lost';
const LOST_TITLE = '此处原文已丢失，无法恢复';
const LOST_STYLE = 'color:#8a8a8a;border-bottom:1px dotted currentColor;cursor:help';

function marks(s: string): number {
  return s.split(LOST_MARK).length - 1;
}

/** Everything repair changed on one document. */
export class DocumentRepairs {
  readonly doc: Document;
  private records = new WeakMap<Text, Record_>();
  private nodes: Text[] = [];
  applied = false;
  counts: RepairCounts = { total: 0, byClass: {} };

  constructor(doc: Document) {
    this.doc = doc;
  }

  /** Sets a node's text, remembering the first original it had. */
  set(node: Text, text: string): void {
    if (node.data === text) return;
    const rec = this.records.get(node);
    if (rec) rec.repaired = text;
    else {
      this.records.set(node, { original: node.data, repaired: text, added: [] });
      this.nodes.push(node);
    }
    node.data = text;
  }

  count(cls: RepairClass, n: number): void {
    if (n <= 0) return;
    this.counts.byClass[cls] = (this.counts.byClass[cls] ?? 0) + n;
    this.counts.total += n;
  }

  /**
   * Wraps each mark of lost text that repair introduced in a subtle span with a tooltip, so the
   * reader sees that (and why) something is missing. Not in the title, which holds only text.
   */
  showLost(): void {
    for (const node of this.nodes) {
      const rec = this.records.get(node);
      if (!rec || rec.added.length || marks(rec.original) || !marks(rec.repaired)) continue;
      if (!node.parentElement || node.parentElement.closest('title')) continue;
      let rest: Text = node;
      for (let at = rest.data.indexOf(LOST_MARK); at >= 0; at = rest.data.indexOf(LOST_MARK)) {
        const mark = rest.splitText(at);
        rest = mark.splitText(1);
        const span = this.doc.createElement('span');
        span.className = LOST_CLASS;
        span.title = LOST_TITLE;
        span.setAttribute('style', LOST_STYLE);
        mark.replaceWith(span);
        span.append(mark);
        rec.added.push(span, rest);
      }
    }
  }

  /** Puts every original back; text the page itself changed since is left as the page set it. */
  revert(): void {
    for (const node of this.nodes) {
      const rec = this.records.get(node);
      if (rec) {
        const now = node.data + rec.added.map((n) => n.textContent ?? '').join('');
        if (now === rec.repaired) {
          for (const n of rec.added) n.parentNode?.removeChild(n);
          node.data = rec.original;
        }
      }
      this.records.delete(node);
    }
    this.nodes = [];
    this.applied = false;
    this.counts = { total: 0, byClass: {} };
  }

  get changedNodes(): number {
    return this.nodes.length;
  }
}

/** The text nodes repair may change: body text outside skipped elements, and the title. */
export function eligibleTextNodes(doc: Document): Text[] {
  const out: Text[] = [];
  const title = doc.querySelector('head > title, title');
  if (title) for (const n of Array.from(title.childNodes)) if (n.nodeType === 3) out.push(n as Text);
  const root = doc.body;
  if (!root) return out;
  const skipCache = new Map<Element, boolean>();
  const skipped = (el: Element | null): boolean => {
    if (!el) return false;
    let v = skipCache.get(el);
    if (v === undefined) {
      v = el.closest(SKIP_SELECTOR) !== null;
      skipCache.set(el, v);
    }
    return v;
  };
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (!/\S/.test(t.data)) continue;
    if (skipped(t.parentElement)) continue;
    out.push(t);
  }
  return out;
}

// A node worth a closer look: anything outside ASCII, or a literal reference.
const WORTH = /[^\u0000-\u007f]|&#|\\u[0-9a-fA-F]{4}|%[0-9A-Fa-f]{2}/;

/** Whether repairs may run on this page: Chinese by its language, text, charset or host. */
export function isChinesePage(doc: Document, href: string): boolean {
  const lang = (doc.documentElement.lang || '').toLowerCase();
  if (lang.startsWith('zh')) return true;
  if (lang && !lang.startsWith('zh')) return false;
  if (/^(gbk|gb2312|gb18030|big5)$/i.test(doc.characterSet || '')) return true;
  try {
    if (/(^|\.)gov\.(cn|hk|tw|mo)$|\.cn$/.test(new URL(href).hostname)) return true;
  } catch {
    // not a URL: decide on the text alone
  }
  return hasChineseText(doc);
}

/** Runs the text classes (A, B, D–I) over the document, recording into `repairs`. */
export function repairDocumentText(repairs: DocumentRepairs): void {
  const nodes = eligibleTextNodes(repairs.doc).filter((n) => WORTH.test(n.data));
  const texts = nodes.map((n) => n.data);
  const stats = { notes: 0, traditionalOnly: 0 };
  for (const t of texts) pinyinStats(t, stats);
  const results = repairTexts(texts, { pinyinPage: isPinyinSpam(stats) });
  results.forEach((r, i) => {
    if (r.text === texts[i]) return;
    repairs.set(nodes[i], r.text);
    for (const [cls, n] of Object.entries(r.counts)) repairs.count(cls as RepairClass, n ?? 0);
  });
  repairs.showLost();
}

const sessions = new WeakMap<Document, DocumentRepairs>();

export function repairsOf(doc: Document): DocumentRepairs {
  let s = sessions.get(doc);
  if (!s) sessions.set(doc, (s = new DocumentRepairs(doc)));
  return s;
}
