/** Cheap test of whether a document is Chinese text, for the "every Chinese page" setting. */
const HAN = /[\u3400-\u9fff]/g;

export function hasChineseText(doc: Document): boolean {
  const lang = doc.documentElement.lang.toLowerCase();
  if (lang.startsWith('zh')) return true;
  if (lang && !lang.startsWith('zh')) return false;
  const sample = (doc.body?.textContent ?? '').slice(0, 4000);
  const han = sample.match(HAN)?.length ?? 0;
  return han >= 20 && han / Math.max(1, sample.replace(/\s+/g, '').length) > 0.2;
}
