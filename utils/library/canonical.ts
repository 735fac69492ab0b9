/**
 * The key that identifies a saved article: the canonical URL without #hash, tracking parameters,
 * `www.`, trailing `/` and the http/https difference. Pure string work; never fetches anything.
 */

/** Query parameters that only say where a reader came from. */
const TRACKING = new Set([
  'spm', 'spm_id_from', 'from', 'fbclid', 'gclid', 'dclid', 'msclkid', 'yclid', 'igshid', 'mc_cid', 'mc_eid',
  'share_token', 'share_source', 'share_medium', 'sharer_shareid', 'sharer_sharetime', 'isappinstalled',
  'scene', 'clicktime', 'enterid', 'wxfrom', 'wx_header', 'vd_source', 'ref', 'ref_src', '_hsenc', '_hsmi',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING.has(lower);
}

/** `//host/path?query` for http(s) URLs; undefined for anything else or unparsable input. */
export function canonicalKey(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  let path = url.pathname.replace(/\/+$/, '');
  if (path === '') path = '';
  const params = [...url.searchParams].filter(([name]) => !isTracking(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `//${host}${port}${path}${query}`;
}

/** Every key a page may be known by: its rel=canonical and the address it was read at. */
export function keysFor(...hrefs: (string | undefined)[]): string[] {
  const keys: string[] = [];
  for (const href of hrefs) {
    const key = href ? canonicalKey(href) : undefined;
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
