/**
 * Reads the facts the rules weigh, in stages of rising cost, each bounded: stage 0 reads only the
 * URL and <head>; stage 1 two bounded DOM reads; stage 2 (government pages only) the body.
 * Never changes the page and never walks the whole DOM before stage 2.
 */
import { cleanTitle } from './basic';
import { pageText } from './text';
import type { Facts } from './rules';

const STANDARD_META = ['sitename', 'sitedomain', 'siteidcode', 'columnname', 'columndescription', 'columnkeywords', 'columntype', 'articletitle', 'pubdate', 'contentsource'];

export function stage0(url: URL, metas: Record<string, string>, title: string): Partial<Facts> {
  const parts = title.split(/\s*(?:_+|[|｜]|－|-{2,})\s*|\s+[-—–]\s+/).filter(Boolean);
  // A site's own name is in the title's shorter parts; the longest part is the article's.
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  const titleSites = parts.length > 1 ? parts.filter((p) => p !== longest) : parts;
  return {
    host: url.hostname,
    url: url.hostname + url.pathname + url.search,
    siteId: metas.siteidcode ?? '',
    names: [metas.sitename, metas['og:site_name'], ...titleSites, cleanTitle(title).site].filter(Boolean).join('\n'),
    govMeta: STANDARD_META.filter((n) => n in metas).length,
    artMeta: metas.articletitle ?? '',
    pubMeta: metas.pubdate ?? metas.firstpublishedtime ?? '',
  };
}

/** Script sources of the 党政机关网站标识 and 政府网站找错 badges. */
const BADGE_SRC = /conac\.cn|\/exposure\/jiucuo/;

export function stage1(doc: Document): Partial<Facts> {
  // By id and among the page's scripts only: an attribute query would walk the whole DOM.
  let badge = doc.getElementById('_ideConac') ? 'conac' : doc.getElementById('_jiucuo_') ? 'jiucuo' : '';
  const scripts = doc.scripts;
  for (let i = 0; !badge && i < scripts.length && i < 100; i++) badge = BADGE_SRC.exec(scripts[i].src)?.[0] ?? '';
  return {
    badge: badge && (/conac/.test(badge) ? '党政机关网站' : '政府网站找错'),
    tail: doc.body ? pageText(doc.body, 2000, true) : '',
  };
}

/** The known body containers of government CMSs. */
export const CONTAINERS = '#zoom,#Zoom,.TRS_Editor,.TRS_UEDITOR,.Custom_UnionStyle,#UCAP-CONTENT,.pages_content,#ivs_content,#con_con';

const textLength = (el: Element) => (el.textContent ?? '').replace(/\s+/g, '').length;
const DATED = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|(?<![\d.])(?:\d{2,3}[-/.])?[01]?\d[-/.][0-3]\d(?![\d.])/;

/** The article body: a known container, else the element holding the most paragraph text. */
export function findBody(doc: Document): { body: Element | null; container: Element | null } {
  const container = doc.querySelector(CONTAINERS);
  if (container && textLength(container) >= 50) return { body: container, container };
  const score = new Map<Element, number>();
  const add = (el: Element | null, n: number) => el && score.set(el, (score.get(el) ?? 0) + n);
  const ps = doc.body?.getElementsByTagName('p') ?? [];
  for (let i = 0; i < ps.length && i < 400; i++) {
    const n = textLength(ps[i]);
    if (n >= 15) add(ps[i].parentElement, n);
  }
  // Old pages separate paragraphs with <br> inside one cell.
  const brs = doc.body?.getElementsByTagName('br') ?? [];
  for (let i = 0; i < brs.length && i < 400; i++) {
    const prev = brs[i].previousSibling;
    if (prev?.nodeType === 3) {
      const n = prev.nodeValue!.replace(/\s+/g, '').length;
      if (n >= 15) add(brs[i].parentElement, n);
    }
  }
  let body: Element | null = null;
  let best = 0;
  for (const [el, n] of score) if (n > best) [body, best] = [el, n];
  return { body, container };
}

export function stage2(doc: Document): { facts: Partial<Facts>; body: Element | null } {
  const root = doc.body ?? doc.documentElement;
  const { body, container } = findBody(doc);
  let bodyChars = 0;
  let paras = 0;
  if (body) {
    bodyChars = textLength(body);
    const links = body.getElementsByTagName('a');
    for (let i = 0; i < links.length && i < 300; i++) bodyChars -= textLength(links[i]);
    const ps = body.getElementsByTagName('p');
    for (let i = 0; i < ps.length && i < 400; i++) if (textLength(ps[i]) >= 15) paras++;
    if (!paras) paras = Math.floor(body.getElementsByTagName('br').length / 2);
  }
  let accesskey = '';
  // Links next to a date, outside the body, each list item counted once: a list page has many.
  const seen = new Set<Element>();
  const anchors = root.getElementsByTagName('a');
  for (let i = 0; i < anchors.length && i < 800; i++) {
    const a = anchors[i];
    if (a.accessKey && a.textContent === ':::') accesskey = ':::';
    if (body?.contains(a)) continue;
    for (let el = a.parentElement, up = 0; el && up < 2; el = el.parentElement, up++) {
      const text = el.textContent ?? '';
      if (text.length > 200) break;
      if (DATED.test(text)) {
        seen.add(el);
        break;
      }
    }
  }
  const name = container && CONTAINERS.split(',').find((sel) => container.matches(sel));
  return {
    body,
    facts: {
      top: pageText(root, 6000),
      container: name ?? '',
      containerChars: container ? textLength(container) : 0,
      bodyChars: Math.max(0, bodyChars),
      paras,
      datedLinks: seen.size,
      accesskey,
    },
  };
}
