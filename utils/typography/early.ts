/**
 * The early step of enlargement, so the next page of an enlarged site never flashes small text:
 * the background registers a CSS file (public/typography-early.css) for those sites that the
 * browser applies before first paint and that keeps known article containers hidden until
 * Qingdu has applied the size. Here: what the page side needs to give the article back.
 * Must stay tiny (it ships in content.js) and must always reveal: the full script does once the
 * size is on, and the always-on script does a short while after the page is parsed regardless.
 */
import { domReady } from '../page/dom-ready';

/** Set on <html> to lift the early hiding; it stays, since the browser's injected sheet does. */
export const SHOWN_ATTRIBUTE = 'data-qingdu-shown';
/** Body containers of the content systems government sites use (TRS, UCAP, Hanweb, …). */
export const KNOWN_BODY_SELECTORS = ['#zoom', '.TRS_Editor', '.TRS_UEDITOR', '.Custom_UnionStyle', '#UCAP-CONTENT', '.pages_content', '#ivs_content', '#con_con'];

/** Lifts the early hiding, and only where it is in effect (otherwise the page is left alone). */
export function revealEarly(doc: Document): void {
  const html = doc.documentElement;
  if (!html || html.hasAttribute(SHOWN_ATTRIBUTE)) return;
  const view = doc.defaultView;
  for (const el of doc.querySelectorAll(KNOWN_BODY_SELECTORS.join())) {
    if (view?.getComputedStyle(el).visibility === 'hidden') {
      html.setAttribute(SHOWN_ATTRIBUTE, '');
      return;
    }
  }
}

/** The always-on script's safety net: whatever happens, the article shows 2.5 s after parsing. */
export function revealEarlyLater(doc: Document, delayMs = 2500): void {
  void domReady(doc).then(() => setTimeout(() => revealEarly(doc), delayMs));
}
