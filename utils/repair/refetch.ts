/**
 * Class C: a GBK or Big5 page decoded as UTF-8 shows runs of U+FFFD; the bytes are gone from the
 * DOM, so the page's own URL is read again as bytes (GET, from the HTTP cache when it has it) and
 * decoded with the right charset. Never for no-store responses, never when the bytes do not
 * reproduce exactly the garbled text on screen (a POST result, a changed page), never a reload.
 */
import { commonShare } from './common';
import { eligibleTextNodes, type DocumentRepairs } from './dom';

const FFFD = /\uFFFD/g;

/** Whether the page looks like a legacy-charset page decoded as UTF-8. */
export function looksMisdecoded(doc: Document): boolean {
  if (!/^utf-?8$/i.test(doc.characterSet || '')) return false;
  const text = (doc.title || '') + (doc.body?.textContent ?? '').slice(0, 20000);
  const bad = text.match(FFFD)?.length ?? 0;
  const wide = text.replace(/[\u0000-\u007f\s]/g, '').length;
  return bad >= 6 && bad / Math.max(1, wide) >= 0.3;
}

/** The charset a page's bytes declare in a meta tag, when it is one Qingdu can use. */
export function declaredCharset(bytes: Uint8Array): 'gbk' | 'big5' | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096)).toLowerCase();
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/);
  if (!m) return undefined;
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(m[1])) return 'gbk';
  if (/^(big5|big5-hkscs|x-x-big5|cn-big5)$/.test(m[1])) return 'big5';
  return undefined;
}

/** Decodes page bytes with the declared legacy charset, or the one that reads best. */
export function decodeLegacyPage(bytes: Uint8Array): { charset: 'gbk' | 'big5'; html: string } | null {
  const declared = declaredCharset(bytes);
  const order: Array<'gbk' | 'big5'> = declared ? [declared] : ['gbk', 'big5'];
  let best: { charset: 'gbk' | 'big5'; html: string; share: number } | null = null;
  for (const charset of order) {
    let html: string;
    try {
      html = new TextDecoder(charset, { fatal: !declared }).decode(bytes);
    } catch {
      continue;
    }
    const share = commonShare(html.replace(/<[^>]*>/g, '')).share;
    if (!best || share > best.share) best = { charset, html, share };
  }
  return best && best.share >= 0.8 ? { charset: best.charset, html: best.html } : null;
}

function textsOf(doc: Document): string[] {
  return eligibleTextNodes(doc).map((n) => n.data);
}

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export interface RefetchResult {
  charset?: 'gbk' | 'big5';
  /** Text nodes repaired. */
  nodes: number;
  /** Why nothing was done, when nothing was. */
  skipped?: string;
}

/**
 * Reads the page's bytes again and repairs its U+FFFD text nodes in place. All of the page's
 * garbled nodes must be found, in order, in the bytes decoded as UTF-8; otherwise nothing changes.
 */
export async function repairMisdecodedPage(repairs: DocumentRepairs, href: string, fetcher: Fetcher): Promise<RefetchResult> {
  const url = new URL(href);
  url.hash = '';
  if (!/^https?:$/.test(url.protocol)) return { nodes: 0, skipped: 'not http' };
  const res = await fetcher(url.href, { method: 'GET', cache: 'force-cache', credentials: 'include', redirect: 'follow' });
  if (!res.ok) return { nodes: 0, skipped: `HTTP ${res.status}` };
  if (/no-store/i.test(res.headers.get('cache-control') ?? '')) return { nodes: 0, skipped: 'no-store' };
  const bytes = new Uint8Array(await res.arrayBuffer());
  const legacy = decodeLegacyPage(bytes);
  if (!legacy) return { nodes: 0, skipped: 'no legacy charset reads better' };
  const parser = new DOMParser();
  const asShown = textsOf(parser.parseFromString(new TextDecoder('utf-8').decode(bytes), 'text/html'));
  const asMeant = textsOf(parser.parseFromString(legacy.html, 'text/html'));
  if (asShown.length !== asMeant.length) return { nodes: 0, skipped: 'structure differs' };
  const pairs: Array<[string, string]> = [];
  asShown.forEach((t, i) => {
    if (t.includes('\uFFFD')) pairs.push([t, asMeant[i]]);
  });
  const live = eligibleTextNodes(repairs.doc).filter((n) => n.data.includes('\uFFFD'));
  if (live.length !== pairs.length || live.some((n, i) => n.data !== pairs[i][0])) {
    return { nodes: 0, skipped: 'the bytes do not reproduce the page' };
  }
  live.forEach((n, i) => repairs.set(n, pairs[i][1]));
  repairs.count('C', live.length);
  return { charset: legacy.charset, nodes: live.length };
}
