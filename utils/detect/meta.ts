/**
 * Reads an article's metadata: title without site-name suffixes, publication date as ISO 8601,
 * source, site name, agency, 文号 and canonical URL. Reads the page only; never changes it.
 */
import { canonicalUrl, cleanTitle, headMeta, parseDate } from './basic';
import { pageText } from './text';
import { FOOT_HOST } from './rules';
import type { ArticleMeta, Detection } from './types';

export { canonicalUrl, cleanTitle, headMeta, parseDate } from './basic';

const HAN = '\u4e00-\u9fff';

/** 文号 such as 国办发〔2017〕47号 or 鄂政办函[2020]12号. */
export const DOC_NUMBER = new RegExp(
  `(?<![${HAN}])[${HAN}]{2,10}\\s*[〔［\\[【（(]\\s*(?:19|20)\\d{2}\\s*[〕］\\]】）)]\\s*第?\\s*\\d{1,5}\\s*[号號]`,
);

export function findDocNumber(...texts: (string | undefined)[]): string | undefined {
  for (const t of texts) {
    const m = t && DOC_NUMBER.exec(t);
    if (m) return m[0].replace(/\s+/g, '');
  }
  return undefined;
}

/** Up to `n` characters after the first of `labels` followed by a colon. */
export function after(text: string | undefined, labels: string, n = 40): string | undefined {
  const m = text && new RegExp(`(?:${labels})\\s*[：:]\\s*`).exec(text);
  return m ? text.slice(m.index + m[0].length, m.index + m[0].length + n) : undefined;
}

/** The word (up to a space or bracket) after the first of `labels` and a colon. */
export function labelled(text: string | undefined, labels: string): string | undefined {
  return after(text, labels)?.match(/^[^\s|｜【】()（）]{2,40}/)?.[0];
}

const HEADINGS = 'h1,h2,.title,#title,.tit,.bt,.article-title,.news_title,.detail-title,.con-title,.biaoti';
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

/** The page's own heading: one the (cleaned) title contains or that contains it, else the first <h1>. */
export function heading(doc: Document, docTitle: string): string | undefined {
  const list = doc.body?.querySelectorAll(HEADINGS) ?? [];
  const t = norm(docTitle);
  let h1: string | undefined;
  for (let i = 0; i < list.length && i < 30; i++) {
    const text = (list[i].textContent ?? '').replace(/\s+/g, ' ').trim();
    const n = norm(text);
    if (n.length < 4 || n.length > 150) continue;
    if ((t.includes(n) && n.length * 2 >= t.length) || (n.includes(t) && t.length >= 4)) return text;
    if (!h1 && list[i].localName === 'h1') h1 = text;
  }
  return h1;
}

/** Text of the few elements before the body (title, info line), climbing up to three levels. */
export function infoText(body: Element | null): string {
  let s = '';
  for (let el = body, depth = 0; el && depth < 3 && s.length < 40; depth++, el = el.parentElement) {
    let sib = el.previousElementSibling;
    for (let i = 0; sib && i < 4; i++, sib = sib.previousElementSibling) s = `${pageText(sib, 400)}\n${s}`;
  }
  return s.slice(-800);
}

/** Text of the two elements after the body: Hong Kong's press releases date themselves there. */
function afterText(body: Element | null): string {
  const next = body?.nextElementSibling;
  return next ? `${pageText(next, 150)}\n${next.nextElementSibling ? pageText(next.nextElementSibling, 150) : ''}` : '';
}

const AGENCY_END = /(?:政府|政[协協]|常委[会會]|委[员員][会會]|办公[厅室]|辦公[廳室]|人民代表大[会會]|[部厅廳局署院会會])$/;

export interface MetaInput {
  metas?: Record<string, string>;
  body?: Element | null;
  /** The page's first text (breadcrumb, info line, 信息公开 fields). */
  top?: string;
  /** The page's last text (the footer). */
  tail?: string;
  /** False on pages that are not articles: their dates are not publication dates. */
  article?: boolean;
}

/** Reads the metadata record of a page. Standalone, it reads what it needs itself. */
export function readMeta(doc: Document, href: string, input: MetaInput = {}): ArticleMeta {
  const metas = input.metas ?? headMeta(doc);
  const body = input.body ?? null;
  const info = infoText(body);
  const top = input.top ?? (doc.body ? pageText(doc.body, 12000) : '');
  const tail = input.tail ?? (doc.body ? pageText(doc.body, 2000, true) : '');
  const isArticle = input.article ?? true;
  const roc = /\.tw$/.test(new URL(href).hostname);
  const siteMeta = metas.sitename || metas['og:site_name'];
  const known = [siteMeta, metas.columnname].filter((s): s is string => !!s);

  const fromTitle = cleanTitle(doc.title, known);
  const artTitle = metas.articletitle ? cleanTitle(metas.articletitle, known).title : undefined;
  const title = artTitle || heading(doc, fromTitle.title) || fromTitle.title || undefined;
  const siteName = siteMeta || fromTitle.site;

  const pub = '[发發][布佈](?:时间|時間|日期)';
  const anyDate = '[发發]文日期|成文日期|日期|时间|時間';
  const textDate = () =>
    parseDate(after(info, pub), roc) ??
    parseDate(after(info, anyDate), roc) ??
    parseDate(info, roc) ??
    parseDate(after(top, pub), roc) ??
    parseDate(after(top, anyDate), roc) ??
    parseDate(afterText(body), roc);
  const publishedAt =
    parseDate(metas.pubdate) ??
    parseDate(metas.firstpublishedtime) ??
    parseDate(metas['article:published_time']) ??
    (isArticle ? textDate() : undefined);

  const srcLabels = '[资資]料[来來]源|信息[来來]源|文章[来來]源|稿件[来來]源|[来來]源';
  const source = metas.contentsource || labelled(info, srcLabels) || labelled(top, srcLabels);

  const agencyLabels = '[发發][布佈]机关|[发發]文机[关關]|[发發]文機關|[发發][布佈]机构|[发發]布機構|[发發]文[单單]位|[发發]布[单單]位|公开主体|制[发發]机关';
  const sponsor = FOOT_HOST.exec(tail);
  let agency =
    labelled(top, agencyLabels) ?? labelled(info, agencyLabels) ?? metas.publisher ?? metas['dc.publisher'] ?? sponsor?.[1] ?? sponsor?.[2];
  if (!agency && siteName) {
    const stem = siteName.replace(/(?:门户网站|官方网站|门户|網站|网站|官网|[网網])$/, '');
    if (AGENCY_END.test(stem)) agency = stem;
  }

  const docLabel = /(?:[发發]文字[号號]|文\s*[号號]|字\s*[号號])\s*[：:]\s*(\S{4,30})/.exec(top)?.[1];
  const docNumber = findDocNumber(docLabel, artTitle ?? doc.title, (body?.textContent ?? '').slice(0, 300));

  const meta: ArticleMeta = { canonicalUrl: canonicalUrl(doc, href) };
  const put = <K extends keyof ArticleMeta>(k: K, v: ArticleMeta[K] | undefined) => {
    if (v) meta[k] = v;
  };
  put('title', title);
  put('publishedAt', publishedAt);
  put('source', source);
  put('siteName', siteName);
  put('agency', agency);
  put('docNumber', docNumber);
  return meta;
}

/**
 * The full metadata of a detected page, read once repairs are done: the feature script calls
 * this, not the always-on script.
 */
export function pageMeta(doc: Document, href: string, detection: Pick<Detection, 'kind' | 'body'>): ArticleMeta {
  return readMeta(doc, href, { body: detection.body, article: detection.kind !== 'gov' });
}
