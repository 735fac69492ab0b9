/**
 * The content-side page feature that answers `getArticle`: a snapshot of the article as the
 * reader sees it (repaired, in the displayed script) plus its text in the page's own script.
 * Read-only: it never changes the page. Kept free of storage code (it ships in the page script).
 */
import type { Feature, PageContext } from '../page/feature';
import type { ArticleSnapshot, ContentMessage, PageState } from '../messages';

export interface ArticleFeatureOptions {
  /** The text of `root` in the page's own script (the conversion feature undoes its changes). */
  originalText: (root: Element) => string;
  /** Lets the other features write their part of the state, to learn the displayed script. */
  describe?: (state: PageState) => void;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'NAV']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL', 'CENTER', 'FORM', 'CAPTION', 'TBODY', 'THEAD',
]);

function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el as HTMLElement).style;
  return !!style && (style.display === 'none' || style.visibility === 'hidden');
}

/** The text of an element as paragraphs separated by blank lines; `<br>` keeps a line break. */
export function paragraphText(root: Element): string {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const text = line.split('\n').map((l) => l.replace(/[ \t\f\r\u00a0\u3000]+/g, ' ').trim()).filter(Boolean).join('\n');
    if (text) blocks.push(text);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      line += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || hidden(el)) return;
    if (tag === 'BR') {
      line += '\n';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (tag === 'TD' || tag === 'TH') line += ' ';
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}

export function articleRoot(page: PageContext): Element {
  const doc = page.doc;
  return page.detection.body ?? doc.querySelector('article, main, [role="main"]') ?? doc.body ?? doc.documentElement;
}

function baseState(page: PageContext): PageState {
  return {
    url: page.url.href,
    origin: page.url.origin,
    kind: page.detection.kind,
    active: true,
    reasons: page.detection.reasons,
    meta: page.detection.meta,
    repair: { applied: false, total: 0, byClass: {} },
    script: { current: 'original', source: 'unknown' },
    typography: { scale: 1, lineHeight: page.settings.lineHeight, reading: false },
  };
}

export function snapshotArticle(page: PageContext, options: ArticleFeatureOptions): ArticleSnapshot {
  const state = baseState(page);
  options.describe?.(state);
  const root = articleRoot(page);
  const text = paragraphText(root);
  let originalText = text;
  if (state.script.current !== 'original') {
    try {
      originalText = options.originalText(root).trim() || text;
    } catch {
      originalText = text;
    }
  }
  const meta = { ...page.detection.meta };
  if (!meta.title) meta.title = page.doc.title.trim() || undefined;
  return { meta, url: page.url.href, script: state.script.current, text, originalText };
}

export function createArticleFeature(options: ArticleFeatureOptions): Feature {
  return {
    name: 'article',
    start() {},
    describe() {},
    handle(msg: ContentMessage, page: PageContext) {
      if (msg.type !== 'getArticle') return undefined;
      return snapshotArticle(page, options);
    },
    stop() {},
  };
}
