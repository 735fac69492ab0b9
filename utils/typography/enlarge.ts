/**
 * Applies a typography (scale, line height) to the article on a page: marks the text-bearing
 * elements of title, info line and body with their original size, widens fixed-width ancestors,
 * frees fixed heights that would clip, and drives everything from one injected stylesheet.
 * Never writes inline styles or classes; `revert` removes every marker and the sheet, exactly.
 */
import { ATTR, STYLE_ID, buildSheet, isNeutral, sizeKey, type Typography } from './style';
import { findBody, findInfo, findTitle, textElements } from './scope';

export interface ArticleParts {
  root: Element;
  title: Element | null;
  info: Element | null;
}

/** Finds the article parts: detection's body when it has one, else Qingdu's own search. */
export function findParts(doc: Document, detected: Element | null, metaTitle?: string): ArticleParts | null {
  const root = detected && detected.isConnected ? detected : findBody(doc);
  if (!root) return null;
  const title = findTitle(doc, root, metaTitle);
  const info = findInfo(root, title);
  return { root, title, info: info && !info.contains(root) ? info : null };
}

const BLOCKISH = new Set(['block', 'list-item', 'flow-root', 'flex', 'grid']);

export class Enlarger {
  private parts: ArticleParts | null = null;
  private style: HTMLStyleElement | null = null;
  /** Every element we put a marker on, with the attributes we added. */
  private marked = new Map<Element, Set<string>>();
  private observer: MutationObserver | null = null;
  private current: Typography | null = null;
  private pending = false;

  constructor(
    private readonly doc: Document,
    private readonly locate: () => ArticleParts | null,
  ) {}

  get active(): boolean {
    return this.current !== null;
  }

  get article(): ArticleParts | null {
    return this.parts;
  }

  /** Applies `t`; at the neutral typography the page is restored as it came. */
  apply(t: Typography): boolean {
    if (isNeutral(t)) {
      this.revert();
      return true;
    }
    if (!this.parts) {
      this.parts = this.locate();
      if (!this.parts) return false;
      this.markAll();
      this.watch();
    }
    this.current = t;
    this.writeSheet();
    this.freeClipped();
    return true;
  }

  /** Removes the sheet and every marker: inline styles and classes were never changed. */
  revert(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.style?.remove();
    this.style = null;
    for (const [el, attrs] of this.marked) for (const a of attrs) el.removeAttribute(a);
    this.marked.clear();
    this.parts = null;
    this.current = null;
  }

  private mark(el: Element, attr: string, value: string): void {
    if (el.hasAttribute(attr) && !this.marked.get(el)?.has(attr)) return;
    el.setAttribute(attr, value);
    let set = this.marked.get(el);
    if (!set) this.marked.set(el, (set = new Set()));
    set.add(attr);
  }

  /** Measures with Qingdu's sheet off, so sizes and widths are the page's own. */
  private measured<T>(fn: () => T): T {
    const sheet = this.style?.sheet;
    if (sheet) sheet.disabled = true;
    try {
      return fn();
    } finally {
      if (sheet) sheet.disabled = false;
    }
  }

  private markText(container: Element, part: string): void {
    const view = this.doc.defaultView!;
    for (const el of textElements(container)) {
      if (el.hasAttribute(ATTR.size)) continue;
      const key = sizeKey(view.getComputedStyle(el).fontSize);
      if (!key) continue;
      this.mark(el, ATTR.size, key);
      this.mark(el, ATTR.part, part);
    }
  }

  private markAll(): void {
    const { root, title, info } = this.parts!;
    this.measured(() => {
      this.mark(root, ATTR.part, 'root');
      this.markText(root, 'body');
      if (title) this.markText(title, 'title');
      if (info) this.markText(info, 'info');
      this.markFixedWidths(root);
    });
  }

  /** Ancestors of the body whose width does not follow their parent get widened with the text. */
  private markFixedWidths(root: Element): void {
    const view = this.doc.defaultView!;
    const body = this.doc.body;
    for (let el: Element | null = root; el && el !== body && el !== this.doc.documentElement; el = el.parentElement) {
      const tag = el.tagName.toUpperCase();
      if (tag === 'TD' || tag === 'TH') {
        if (el.hasAttribute('width') || (el as HTMLElement).style?.width) this.mark(el, ATTR.cell, '');
        continue;
      }
      if (tag === 'TR' || tag === 'TBODY' || tag === 'THEAD' || tag === 'TFOOT' || tag === 'FORM') continue;
      const cs = view.getComputedStyle(el);
      if (cs.position === 'absolute' || cs.position === 'fixed') break;
      const width = el.getBoundingClientRect().width;
      if (!(width > 0)) continue;
      const parent = el.parentElement;
      if (parent && BLOCKISH.has(cs.display) && cs.float === 'none') {
        const ps = view.getComputedStyle(parent);
        const room = parent.clientWidth - parseFloat(ps.paddingLeft) - parseFloat(ps.paddingRight);
        const outer = width + parseFloat(cs.marginLeft) + parseFloat(cs.marginRight);
        // Fills its parent: it follows the parent's width already.
        if (Math.abs(outer - room) < 1 && cs.maxWidth === 'none') continue;
      }
      this.mark(el, ATTR.wide, String(Math.round(width)));
    }
  }

  private writeSheet(): void {
    if (!this.current) return;
    const sizes = new Set<string>();
    const widths = new Set<string>();
    for (const [el, attrs] of this.marked) {
      if (attrs.has(ATTR.size)) sizes.add(el.getAttribute(ATTR.size)!);
      if (attrs.has(ATTR.wide)) widths.add(el.getAttribute(ATTR.wide)!);
    }
    if (!this.style || !this.style.isConnected) {
      this.style = this.doc.createElement('style');
      this.style.id = STYLE_ID;
      (this.doc.head ?? this.doc.documentElement).appendChild(this.style);
    }
    this.style.textContent = buildSheet({ ...this.current, sizes, widths });
  }

  /**
   * Enlarged text must never be clipped or run into what follows: elements (innermost first)
   * whose content is now taller or wider than their box lose their fixed height and nowrap;
   * images wider than their container are scaled down.
   */
  private freeClipped(): void {
    const { root, title, info } = this.parts!;
    const view = this.doc.defaultView!;
    const stop = this.doc.body;
    const seen = new Set<Element>();
    const chain = (from: Element) => {
      const out: Element[] = [];
      for (let el: Element | null = from; el && el !== stop && el !== this.doc.documentElement; el = el.parentElement) out.push(el);
      return out;
    };
    const starts = [...this.marked.keys()].filter((el) => el.hasAttribute(ATTR.size));
    for (const el of [...starts, ...(title ? [title] : []), ...(info ? [info] : []), root]) {
      for (const node of chain(el)) {
        if (seen.has(node)) continue;
        seen.add(node);
        const had = node.getAttribute(ATTR.free) ?? '';
        if (had === 'h w') continue;
        const cs = view.getComputedStyle(node);
        if (cs.display === 'inline' || cs.overflowY === 'auto' || cs.overflowY === 'scroll') continue;
        const h = node as HTMLElement;
        const tall = had.includes('h') || h.scrollHeight > h.clientHeight + 1;
        const wide = had.includes('w') || (h.scrollWidth > h.clientWidth + 1 && (cs.whiteSpace === 'nowrap' || cs.whiteSpace === 'pre'));
        const value = [tall && 'h', wide && 'w'].filter(Boolean).join(' ');
        if (value && value !== had) {
          node.removeAttribute(ATTR.free);
          this.mark(node, ATTR.free, value);
        }
      }
    }
    for (const img of root.querySelectorAll('img')) {
      const parent = img.parentElement;
      if (!parent || img.hasAttribute(ATTR.fit)) continue;
      if (img.getBoundingClientRect().width > parent.getBoundingClientRect().width + 1 || img.getBoundingClientRect().right > root.getBoundingClientRect().right + 1) {
        this.mark(img, ATTR.fit, '');
      }
    }
  }

  /** Text that arrives later in the body (lazy parts, a re-run repair) gets its size too. */
  private watch(): void {
    const root = this.parts?.root;
    const View = this.doc.defaultView?.MutationObserver;
    if (!root || !View) return;
    this.observer = new View(() => {
      if (this.pending) return;
      this.pending = true;
      queueMicrotask(() => {
        this.pending = false;
        if (!this.parts || !this.current) return;
        const before = this.marked.size;
        this.measured(() => this.markText(this.parts!.root, 'body'));
        if (this.marked.size !== before) {
          this.writeSheet();
          this.freeClipped();
        }
      });
    });
    this.observer.observe(root, { childList: true, subtree: true });
  }
}
