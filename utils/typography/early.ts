/**
 * The early step of enlargement, run by the always-on script at document_start: on a site the
 * reader enlarged, known article containers stay hidden until the full script has applied the
 * size, so the next page never flashes small text. Must stay tiny (it ships in content.js) and
 * always gives the page back: the full script reveals it, and a timer does if nothing else does.
 */
import { domReady } from '../page/dom-ready';
import { readPageSettings } from '../page/ext';

export const EARLY_STYLE_ID = 'qingdu-early';
/** Body containers of the content systems government sites use (TRS, UCAP, Hanweb, …). */
export const KNOWN_BODY_SELECTORS = ['#zoom', '.TRS_Editor', '.TRS_UEDITOR', '.Custom_UnionStyle', '#UCAP-CONTENT', '.pages_content', '#ivs_content', '#con_con'];

export async function hideUntilEnlarged(doc: Document, origin: string): Promise<void> {
  const { settings, rule } = await readPageSettings(origin);
  const scale = rule.scale ?? settings.scale;
  if (rule.enable === 'never' || !(typeof scale === 'number' && scale > 1) || !doc.documentElement) return;
  const style = doc.createElement('style');
  style.id = EARLY_STYLE_ID;
  style.textContent = `${KNOWN_BODY_SELECTORS.join()}{visibility:hidden!important}`;
  doc.documentElement.appendChild(style);
  await domReady(doc);
  setTimeout(() => style.remove(), 2500);
}

/** Called once the size is applied (or Qingdu decided not to act). */
export function revealEarly(doc: Document): void {
  doc.getElementById(EARLY_STYLE_ID)?.remove();
}
