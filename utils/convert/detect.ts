/**
 * Tells whether a page is written in Simplified or Traditional Chinese, and which region a
 * Traditional page is from, by counting characters that exist in only one of the two scripts.
 * Small and dictionary-free on purpose: it runs before any dictionary is loaded.
 * Must never change the page.
 */

export type SourceScript = 'hans' | 'hant' | 'unknown';

/** Frequent characters that are Simplified only, and their Traditional forms at the same index. */
export const HANS_ONLY =
  '这个们来时为说国会对发经过还没进实现产开长问应关机学员与见题义车门区电业书东两从样给头观点标万难体务设将议认质热报场结统传总运资级类选备则连达论维边县乡镇单农厂广艺领导办组织讲话举习决规划党负责况项条际协调检阅读网页动态厅纪监节约环护积极识';
export const HANT_ONLY =
  '這個們來時為說國會對發經過還沒進實現產開長問應關機學員與見題義車門區電業書東兩從樣給頭觀點標萬難體務設將議認質熱報場結統傳總運資級類選備則連達論維邊縣鄉鎮單農廠廣藝領導辦組織講話舉習決規劃黨負責況項條際協調檢閱讀網頁動態廳紀監節約環護積極識';

const hans = new Set(HANS_ONLY);
const hant = new Set(HANT_ONLY);

/** Counts script-specific characters in `text`; a clear majority decides. */
export function detectScriptOfText(text: string): SourceScript {
  let s = 0;
  let t = 0;
  for (const ch of text) {
    if (hans.has(ch)) s++;
    else if (hant.has(ch)) t++;
  }
  if (s + t < 3) return 'unknown';
  if (s >= t * 3) return 'hans';
  if (t >= s * 3) return 'hant';
  return 'unknown';
}

function langScript(lang: string): SourceScript {
  const l = lang.toLowerCase();
  if (/^zh-(hant|tw|hk|mo)\b/.test(l)) return 'hant';
  if (/^zh-(hans|cn|sg)\b/.test(l) || l === 'zh') return 'hans';
  return 'unknown';
}

/** The page's script, from up to 20,000 characters of its body, then its `lang`. */
export function detectSourceScript(doc: Document, sample = 20_000): SourceScript {
  const text = (doc.body?.textContent ?? '').slice(0, sample) + doc.title;
  const byText = detectScriptOfText(text);
  if (byText !== 'unknown') return byText;
  return langScript(doc.documentElement.getAttribute('lang') ?? '');
}

/** The region of a Traditional page: Hong Kong (or Macao) by `lang` or host, else Taiwan. */
export function detectTraditionalRegion(doc: Document, url: URL): 'tw' | 'hk' {
  const lang = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  if (/^zh-(hk|mo)\b|^zh-hant-(hk|mo)\b/.test(lang)) return 'hk';
  return /\.(hk|mo)$/.test(url.hostname) ? 'hk' : 'tw';
}
