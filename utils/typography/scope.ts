/**
 * Finds what enlargement applies to: the article body, its title and its info line (date,
 * source), and the text-bearing elements inside them. Menus, navigation and footers stay out.
 * Only reads the page; never changes it.
 */
import { KNOWN_BODY_SELECTORS } from './early';

/** Known body containers, then a few generic ones. */
export const BODY_SELECTORS = [...KNOWN_BODY_SELECTORS, '#Zoom', '.article-content', '.article_content', '#content'];

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CODE', 'PRE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'SVG', 'MATH', 'IFRAME', 'CANVAS', 'VIDEO', 'AUDIO', 'OBJECT', 'EMBED']);
const NAV = /(^|[\s_-])(nav|menu|footer|foot|header|breadcrumb|position|location|sidebar|share|copyright)([\s_-]|$)/i;

/** Whether Qingdu must leave an element (and what is inside it) alone. */
export function isUntouchable(el: Element): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  if (el.getAttribute('translate') === 'no' || el.classList.contains('notranslate')) return true;
  if ((el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') === 'true' || el.getAttribute('contenteditable') === '') return true;
  return false;
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}

function isNavLike(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'NAV' || tag === 'FOOTER' || tag === 'HEADER' || tag === 'ASIDE') return true;
  return NAV.test(`${el.id} ${typeof el.className === 'string' ? el.className : ''}`);
}

/** Link text share: menus are mostly links, articles are not. */
function linkDensity(el: Element): number {
  const total = textLength(el);
  if (!total) return 1;
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += textLength(a);
  return links / total;
}

/**
 * The main text block when detection found none: a known container with text, else the
 * element whose direct paragraphs hold the most text.
 */
export function findBody(doc: Document): Element | null {
  for (const selector of BODY_SELECTORS) {
    for (const el of doc.querySelectorAll(selector)) {
      if (textLength(el) >= 20 && !isNavLike(el) && linkDensity(el) < 0.5) return el;
    }
  }
  const scores = new Map<Element, number>();
  for (const block of doc.body?.querySelectorAll('p, div, td, section, article, li, font, span') ?? []) {
    // Own text only: a paragraph-level block counts towards its parent.
    let own = 0;
    for (const node of block.childNodes) if (node.nodeType === 3) own += (node.textContent ?? '').replace(/\s+/g, '').length;
    if (own < 10) continue;
    const parent = block.tagName === 'P' || block.tagName === 'LI' || block.tagName === 'SPAN' || block.tagName === 'FONT' ? block.parentElement : block;
    if (!parent || parent === doc.body || parent === doc.documentElement) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + own);
  }
  let best: Element | null = null;
  let bestScore = 80;
  for (const [el, score] of scores) {
    if (isNavLike(el) || el.closest('nav, footer, header, aside')) continue;
    const adjusted = score * (1 - linkDensity(el));
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  return best;
}

const DATE = /(19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}/;
const INFO_WORDS = /来源|來源|发布|發布|时间|時間|作者|浏览|瀏覽|点击|點擊|字体|字體|字号|字號/;
const TITLE_SELECTOR = 'h1, h2, .title, .tit, #title, .article-title, .article_title, [class*="title"], [id*="title"], .bt, .detail_title';

function before(a: Element, b: Element): boolean {
  return !!(a.compareDocumentPosition(b) & 4 /* FOLLOWING */);
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The article title: a heading-like element before the body, preferring one the page title names. */
export function findTitle(doc: Document, body: Element, metaTitle?: string): Element | null {
  const wanted = compact(metaTitle ?? doc.title ?? '');
  let scope: Element | null = body.parentElement;
  for (let depth = 0; scope && depth < 6; depth++, scope = scope.parentElement) {
    let best: Element | null = null;
    for (const el of scope.querySelectorAll(TITLE_SELECTOR)) {
      if (!before(el, body) || el.contains(body) || isNavLike(el) || el.closest('nav, footer, aside')) continue;
      const text = compact(el.textContent ?? '');
      if (text.length < 4 || text.length > 120) continue;
      if (el.querySelector(TITLE_SELECTOR)) continue; // the innermost
      const named = wanted && (wanted.includes(text) || text.includes(wanted));
      if (named) return el;
      best = el; // the nearest one before the body
    }
    if (best) return best;
  }
  return null;
}

/** The info line (date, source): the smallest element between title and body naming a date or source. */
export function findInfo(body: Element, title: Element | null): Element | null {
  const scope = title ? commonAncestor(title, body) : body.parentElement;
  if (!scope) return null;
  let found: Element | null = null;
  for (const el of scope.querySelectorAll('div, p, span, td, li, section')) {
    if (el.contains(body) || body.contains(el) || !before(el, body)) continue;
    if (title && (el.contains(title) || title.contains(el) || !before(title, el))) continue;
    const text = el.textContent ?? '';
    if (compact(text).length > 200) continue;
    if (!DATE.test(text) && !INFO_WORDS.test(text)) continue;
    // Document order puts the outermost small match first, so the whole line grows together.
    if (!found) found = el;
  }
  return found;
}

function commonAncestor(a: Element, b: Element): Element | null {
  let el: Element | null = a;
  while (el && !el.contains(b)) el = el.parentElement;
  return el;
}

/** Elements under `root` (itself included) that hold text directly and may be restyled. */
export function textElements(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element) => {
    if (isUntouchable(el)) return;
    let own = false;
    for (const node of el.childNodes) {
      if (node.nodeType === 3 && /\S/.test(node.textContent ?? '')) own = true;
      else if (node.nodeType === 1) visit(node as Element);
    }
    if (own) out.push(el);
  };
  visit(root);
  return out;
}
