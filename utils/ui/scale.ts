/**
 * The popup's and options page's own text size, from Qingdu's size setting, so a reader who
 * enlarges articles also gets a larger popup. Only ever touches the extension page's own root.
 */

/** Root font size as a percentage of the browser's, so the browser's own large-font setting still applies. */
export function uiScalePercent(scale: number | undefined): number {
  const s = typeof scale === 'number' && Number.isFinite(scale) ? scale : 1;
  return Math.round(Math.min(2, Math.max(1, s)) * 100);
}

export function applyUiScale(doc: Document, scale: number | undefined): void {
  doc.documentElement.style.fontSize = `${uiScalePercent(scale)}%`;
}
