/**
 * The cheap metadata reads the always-on script needs: <head> meta tags, loose dates, title
 * suffix removal and the canonical URL. Reads the page only; never touches the body.
 */
import type { ArticleMeta } from './types';

/** <head> meta tags by lower-cased name/property; the first non-empty value wins. */
export function headMeta(doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  const list = doc.head?.getElementsByTagName('meta') ?? [];
  for (let i = 0; i < list.length && i < 200; i++) {
    const m = list[i];
    const name = (m.getAttribute('name') ?? m.getAttribute('property') ?? '').trim().toLowerCase();
    const content = (m.getAttribute('content') ?? '').trim();
    if (name && content && !(name in out)) out[name] = content;
  }
  return out;
}

const DATE = /(?<!\d)(\d{2,4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?(?:\s*[-T]?\s*(\d{1,2})\s*[:：时時]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/g;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The first plausible date in `text` as ISO 8601 (`2020-10-22`, or `2020-10-22T14:20:00+08:00`
 * with a time; all four regions are on UTC+8). Takes `-`, `/`, `.`, 年月日, and gov.cn's
 * `2026-07-12-09:37:43`. With `roc`, 2–3 digit years are Taiwan's 民國 years.
 */
export function parseDate(text: string | undefined, roc = false): string | undefined {
  if (!text) return undefined;
  for (const m of text.matchAll(DATE)) {
    let y = +m[1];
    if (m[1].length < 4) {
      if (!roc || y < 1) continue;
      y += 1911;
    }
    const mo = +m[2];
    const d = +m[3];
    if (y < 1949 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    const date = `${y}-${pad(mo)}-${pad(d)}`;
    if (m[4] === undefined || +m[4] > 23 || +m[5] > 59 || +(m[6] ?? 0) > 59) return date;
    return `${date}T${pad(+m[4])}:${pad(+m[5])}:${pad(+(m[6] ?? 0))}+08:00`;
  }
  return undefined;
}

/** Title separators; a doubled em dash (——) belongs to the title and is not one. */
const SEP = /\s*(?:_+|[|｜]|－|-{2,})\s*|\s+[-—–]\s+/;
/** How site names and column names end. */
const SITE_END = /(?:政府|政[协協]|人大|常委[会會]|委[员員][会會]|[门門]户|[网網]站|[网網]|官网|办公[厅室]|辦公[廳室]|[部厅廳局署院])$/;

/** Splits `_政策文件_某某市人民政府` and the like off a page title; returns the title and the site part. */
export function cleanTitle(raw: string, known: string[] = []): { title: string; site?: string } {
  const text = raw.replace(/\s+/g, ' ').trim();
  const parts = text.split(SEP).filter(Boolean);
  if (parts.length < 2) return { title: text };
  let site: string | undefined;
  const siteLike = (s: string) => known.includes(s) || SITE_END.test(s);
  while (parts.length > 1) {
    const last = parts[parts.length - 1];
    if (siteLike(last)) site ??= last;
    else if (last.length > 8) break;
    parts.pop();
  }
  while (parts.length > 1 && siteLike(parts[0])) site ??= parts.shift();
  // Join what is left with the separators the title had.
  const start = text.indexOf(parts[0]);
  const lastPart = parts[parts.length - 1];
  const end = text.indexOf(lastPart, start) + lastPart.length;
  return { title: text.slice(start, end), site };
}

const TRACKING = /^(?:utm_\w+|spm|from|scene|isappinstalled|clicktime|enterid|share\w*|fbclid|gclid|wfr|vd_source|mc_\w+)$/i;

/** rel=canonical when the page gives one, else the URL without #hash and tracking parameters. */
export function canonicalUrl(doc: Document, href: string): string {
  const link = doc.head?.querySelector('link[rel~="canonical" i][href]');
  if (link) {
    try {
      const c = new URL(link.getAttribute('href')!, href);
      if (/^https?:$/.test(c.protocol)) return (c.hash = '', c.href);
    } catch {
      // A broken canonical link: fall back to the page URL.
    }
  }
  const url = new URL(href);
  url.hash = '';
  // forEach, not spread: a Firefox content script sees searchParams through a wrapper that is not iterable.
  const keys: string[] = [];
  url.searchParams.forEach((_value, key) => keys.push(key));
  for (const key of keys) if (TRACKING.test(key)) url.searchParams.delete(key);
  if (url.search === '?') url.search = '';
  return url.href;
}

/** What the always-on script knows without reading the body; the feature script reads the rest. */
export function headMetaRecord(doc: Document, href: string, metas: Record<string, string>): ArticleMeta {
  const siteMeta = metas.sitename || metas['og:site_name'];
  const t = cleanTitle(doc.title, [siteMeta, metas.columnname].filter((x): x is string => !!x));
  const meta: ArticleMeta = { canonicalUrl: canonicalUrl(doc, href) };
  const title = (metas.articletitle && cleanTitle(metas.articletitle).title) || t.title;
  const siteName = siteMeta || t.site;
  const publishedAt = parseDate(metas.pubdate) ?? parseDate(metas.firstpublishedtime);
  if (title) meta.title = title;
  if (siteName) meta.siteName = siteName;
  if (publishedAt) meta.publishedAt = publishedAt;
  return meta;
}
