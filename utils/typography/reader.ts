/**
 * Reading view (阅读模式): the article alone — title, date, source, body — in a shadow-root
 * overlay, with Qingdu's size and line height, a light and a dark theme, Esc to close.
 * Reads the article text as currently displayed (repaired, converted); never changes the page
 * beyond adding and removing its own host element, and gives back focus and scroll position.
 */
import { clampLineHeight, clampScale, MEASURE_EM, percentLabel, type Typography } from './style';

export const READER_TAG = 'qingdu-reader';

export type ReaderBlock =
  | { kind: 'p'; text: string }
  | { kind: 'h'; text: string }
  | { kind: 'img'; src: string; alt: string }
  | { kind: 'table'; rows: string[][] };

export interface ReaderArticle {
  title: string;
  date?: string;
  source?: string;
  blocks: ReaderBlock[];
  /** The page's language, for the article element. */
  lang?: string;
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'CENTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGURE', 'FIGCAPTION', 'HR', 'ADDRESS', 'MAIN', 'TR', 'TBODY']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA']);

const squash = (s: string) => s.replace(/[ \t\r\f\v\u00a0]+/g, ' ');

/** The body as reading-view blocks, from the text as displayed now. */
export function readBlocks(root: Element): ReaderBlock[] {
  const out: ReaderBlock[] = [];
  const view = root.ownerDocument.defaultView;
  let buf = '';
  let heading = false;
  const flush = () => {
    for (const line of squash(buf).split('\n')) {
      const text = line.trim();
      if (text) out.push({ kind: heading ? 'h' : 'p', text });
    }
    buf = '';
    heading = false;
  };
  const hidden = (el: Element) => {
    const cs = view?.getComputedStyle(el);
    return !!cs && (cs.display === 'none' || cs.visibility === 'hidden');
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      buf += squash((node as Text).data).replace(/\n/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || hidden(el)) return;
    if (tag === 'BR') {
      buf += '\n';
      return;
    }
    if (tag === 'IMG') {
      const img = el as HTMLImageElement;
      if (!img.src) return;
      flush();
      out.push({ kind: 'img', src: img.src, alt: img.alt ?? '' });
      return;
    }
    if (tag === 'TABLE') {
      flush();
      const rows: string[][] = [];
      for (const tr of (el as HTMLTableElement).rows) {
        const cells = [...tr.cells].map((c) => squash(c.textContent ?? '').trim());
        if (cells.some(Boolean)) rows.push(cells);
      }
      // A one-cell layout table is just more body.
      if (rows.length && rows.every((r) => r.length === 1)) {
        for (const child of el.childNodes) walk(child);
        flush();
      } else if (rows.length) out.push({ kind: 'table', rows });
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of el.childNodes) walk(child);
    if (block) {
      heading = /^H[1-6]$/.test(tag);
      flush();
    }
  };
  walk(root);
  flush();
  return out;
}

const DATE = /((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const SOURCE = /(?:来源|來源|信息来源|信息來源|文章来源)\s*[:：]\s*([^\s|｜丨]+)/;

/** Date and source named on the info line, when metadata has none. */
export function readInfo(text: string): { date?: string; source?: string } {
  const d = DATE.exec(text);
  const s = SOURCE.exec(text);
  return {
    date: d ? `${d[1]}-${d[2].padStart(2, '0')}-${d[3].padStart(2, '0')}` : undefined,
    source: s ? s[1] : undefined,
  };
}

const CSS = `
:host{all:initial}
.backdrop{position:fixed;inset:0;overflow:auto;overscroll-behavior:contain;background:var(--bg);color:var(--fg);
  font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC",SimSun,serif;-webkit-text-size-adjust:100%}
.backdrop[data-theme=light]{--bg:#faf8f2;--fg:#1d1d1d;--muted:#555;--line:#d9d4c7;--btn:#fff;--focus:#0b57d0}
.backdrop[data-theme=dark]{--bg:#16181b;--fg:#e8e6e1;--muted:#b5b1a8;--line:#3a3d42;--btn:#24272b;--focus:#8ab4f8}
.bar{position:sticky;top:0;display:flex;gap:.5rem;align-items:center;justify-content:flex-end;flex-wrap:wrap;padding:.6rem 1rem;
  background:var(--bg);border-bottom:1px solid var(--line);font:16px/1.4 system-ui,sans-serif}
.bar .pct{min-width:4.5em;text-align:center;color:var(--muted)}
button{font:inherit;color:var(--fg);background:var(--btn);border:1px solid var(--line);border-radius:6px;padding:.35rem .8rem;cursor:pointer;min-height:2.4rem}
button:focus-visible,.sheet:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.sheet{outline:none}
article{margin:0 auto;padding:1.5em 1.25em 4em;box-sizing:border-box}
h1{font-size:1.6em;line-height:1.35;margin:0 0 .5em}
h2{font-size:1.2em;line-height:1.4;margin:1.2em 0 .4em}
.meta{color:var(--muted);font-size:.85em;margin:0 0 1.5em;display:flex;gap:1.5em;flex-wrap:wrap}
p{margin:0 0 .9em;text-indent:2em;overflow-wrap:anywhere}
img{display:block;max-width:100%;height:auto;margin:1em auto}
table{border-collapse:collapse;margin:1em 0;max-width:100%;display:block;overflow-x:auto}
td{border:1px solid var(--line);padding:.3em .5em;vertical-align:top}
`;

export interface ReaderOptions {
  onZoom(direction: 1 | -1): void;
  onClose(): void;
}

/** One reading view per page; `open` builds it from the article given, `close` takes it away. */
export class ReadingView {
  private host: HTMLElement | null = null;
  private backdrop: HTMLElement | null = null;
  private returnFocus: Element | null = null;
  private scroll: [number, number] = [0, 0];
  private theme: 'light' | 'dark' | null = null;
  private base = 18;
  private onKey = (e: KeyboardEvent) => this.key(e);

  constructor(
    private readonly doc: Document,
    private readonly opts: ReaderOptions,
  ) {}

  get isOpen(): boolean {
    return !!this.host?.isConnected;
  }

  open(article: ReaderArticle, t: Typography, basePx: number): void {
    if (this.isOpen) {
      this.update(t);
      return;
    }
    const doc = this.doc;
    const win = doc.defaultView!;
    this.returnFocus = doc.activeElement;
    this.scroll = [win.scrollX, win.scrollY];
    this.base = Math.max(18, Math.min(24, basePx || 18));
    this.theme ??= win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

    const host = doc.createElement(READER_TAG);
    host.setAttribute('style', 'all:initial;position:fixed;inset:0;z-index:2147483647;display:block');
    const shadow = host.attachShadow({ mode: 'open' });
    const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) => {
      const el = doc.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      if (text !== undefined) el.textContent = text;
      return el;
    };
    const style = h('style', {}, CSS);
    const backdrop = h('div', { class: 'backdrop', 'data-theme': this.theme });
    const sheet = h('div', { class: 'sheet', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'qd-title', tabindex: '-1' });
    const bar = h('div', { class: 'bar', role: 'toolbar', 'aria-label': '阅读模式' });
    const smaller = h('button', { type: 'button', 'data-act': 'smaller', 'aria-label': '缩小字体' }, 'A−');
    const pct = h('span', { class: 'pct', 'aria-live': 'polite' });
    const bigger = h('button', { type: 'button', 'data-act': 'bigger', 'aria-label': '放大字体' }, 'A+');
    const theme = h('button', { type: 'button', 'data-act': 'theme', 'aria-label': '深色主题', 'aria-pressed': String(this.theme === 'dark') }, '深色');
    const close = h('button', { type: 'button', 'data-act': 'close', 'aria-label': '关闭阅读模式' }, '关闭 Esc');
    bar.append(smaller, pct, bigger, theme, close);

    const body = h('article');
    if (article.lang) body.setAttribute('lang', article.lang);
    body.append(h('h1', { id: 'qd-title' }, article.title || doc.title));
    const meta = h('p', { class: 'meta' });
    if (article.date) meta.append(h('time', { datetime: article.date }, article.date));
    if (article.source) meta.append(h('span', {}, `来源：${article.source}`));
    if (meta.childNodes.length) body.append(meta);
    for (const block of article.blocks) {
      if (block.kind === 'p') body.append(h('p', {}, block.text));
      else if (block.kind === 'h') body.append(h('h2', {}, block.text));
      else if (block.kind === 'img') body.append(h('img', { src: block.src, alt: block.alt }));
      else {
        const table = h('table');
        for (const row of block.rows) {
          const tr = h('tr');
          for (const cell of row) tr.append(h('td', {}, cell));
          table.append(tr);
        }
        body.append(table);
      }
    }
    sheet.append(bar, body);
    backdrop.append(sheet);
    shadow.append(style, backdrop);
    shadow.addEventListener('click', (e) => {
      const act = (e.target as Element).closest?.('[data-act]')?.getAttribute('data-act');
      if (act === 'smaller') this.opts.onZoom(-1);
      else if (act === 'bigger') this.opts.onZoom(1);
      else if (act === 'theme') this.toggleTheme();
      else if (act === 'close') this.close();
    });

    this.host = host;
    this.backdrop = backdrop;
    doc.documentElement.appendChild(host);
    this.update(t);
    win.addEventListener('keydown', this.onKey, true);
    sheet.focus({ preventScroll: true });
  }

  update(t: Typography): void {
    if (!this.backdrop) return;
    const article = this.backdrop.querySelector('article') as HTMLElement;
    const scale = clampScale(t.scale);
    article.style.fontSize = `${Math.round(this.base * scale * 100) / 100}px`;
    article.style.lineHeight = String(clampLineHeight(t.lineHeight));
    article.style.maxWidth = `${MEASURE_EM}em`;
    const pct = this.backdrop.querySelector('.pct');
    if (pct) pct.textContent = percentLabel(scale);
  }

  close(): void {
    if (!this.host) return;
    const win = this.doc.defaultView!;
    win.removeEventListener('keydown', this.onKey, true);
    this.host.remove();
    this.host = null;
    this.backdrop = null;
    win.scrollTo(this.scroll[0], this.scroll[1]);
    const back = this.returnFocus as HTMLElement | null;
    if (back?.isConnected && typeof back.focus === 'function') back.focus({ preventScroll: true });
    this.returnFocus = null;
    this.opts.onClose();
  }

  private toggleTheme(): void {
    this.theme = this.theme === 'dark' ? 'light' : 'dark';
    this.backdrop?.setAttribute('data-theme', this.theme);
    this.backdrop?.querySelector('[data-act=theme]')?.setAttribute('aria-pressed', String(this.theme === 'dark'));
  }

  /** Esc closes; Tab stays inside the view (it is modal). */
  private key(e: KeyboardEvent): void {
    if (!this.host) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close();
      return;
    }
    if (e.key !== 'Tab') return;
    const shadow = this.host.shadowRoot!;
    const stops = [...shadow.querySelectorAll<HTMLElement>('button')];
    if (!stops.length) return;
    const active = shadow.activeElement;
    const i = active ? stops.indexOf(active as HTMLElement) : -1;
    const next = e.shiftKey ? (i <= 0 ? stops.length - 1 : i - 1) : i === -1 || i === stops.length - 1 ? 0 : i + 1;
    e.preventDefault();
    e.stopPropagation();
    stops[next].focus();
  }
}
