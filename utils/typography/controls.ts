/**
 * The page's own text-size controls (`字体：【大 中 小】`, also as they read after repair):
 * Qingdu takes them over, so a click changes Qingdu's remembered size instead of the page's
 * script. Only recognises controls; never changes them.
 */

export type SizeAction = 'up' | 'down' | 'reset';

const LABELS: Record<string, SizeAction> = {
  大: 'up',
  特大: 'up',
  较大: 'up',
  加大: 'up',
  放大: 'up',
  'A+': 'up',
  中: 'reset',
  默认: 'reset',
  标准: 'reset',
  標準: 'reset',
  小: 'down',
  较小: 'down',
  缩小: 'down',
  縮小: 'down',
  'A-': 'down',
};
/** The words that name such a control line: 字体 字體 字号 字號 文字 字体大小. */
const CONTEXT = /字[体體号號]|文字|字大小/;
/** Handlers the content systems use (doZoom(16), fontZoom, setFontSize, changeSize …). */
const HANDLER = /zoom|font|size/i;

function compact(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s【】\[\]（）()]+/g, '');
}

/** What a click on `target` means when it is a page's text-size control, else null. */
export function sizeControlAction(target: Element | null): SizeAction | null {
  const el = target?.closest('a, button, span, font, li, em, b, strong, label, input, td');
  if (!el) return null;
  const label = el.tagName === 'INPUT' ? compact((el as HTMLInputElement).value) : compact(el.textContent);
  const action = LABELS[label];
  if (!action) return null;
  const handler = `${el.getAttribute('onclick') ?? ''} ${el.getAttribute('href') ?? ''} ${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
  let context = false;
  for (let up: Element | null = el.parentElement, depth = 0; up && depth < 3; up = up.parentElement, depth++) {
    const text = compact(up.textContent);
    if (text.length > 80) break;
    if (CONTEXT.test(text)) {
      context = true;
      break;
    }
  }
  return context || (HANDLER.test(handler) && el.tagName !== 'TD') ? action : null;
}
