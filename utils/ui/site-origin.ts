/**
 * Turns what a reader types for a site rule (`www.hubei.gov.cn`, a full address) into the origin
 * site rules are keyed by. Returns undefined for anything that is not an http(s) site, never throws.
 */
export function siteOrigin(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (!url.hostname || !/^[a-z0-9.-]+$/i.test(url.hostname) || !url.hostname.includes('.') && url.hostname !== 'localhost') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}
