/**
 * Detection: tells a government article, a government page and anything else apart.
 * Runs on every page, so it must stay cheap; it reads the page and never changes it.
 */
import type { Detection } from './types';

const GOV_HOST = /(^|\.)gov\.(cn|hk|tw|mo)$/;

export function detectPage(doc: Document, href: string): Detection {
  const url = new URL(href);
  const gov = GOV_HOST.test(url.hostname);
  const reasons = gov ? [{ id: 'host', label: `政府网站域名 ${url.hostname}`, weight: 50 }] : [];
  const paragraphs = gov ? doc.querySelectorAll('p').length : 0;
  const kind = !gov ? 'none' : paragraphs >= 3 ? 'article' : 'gov';
  return {
    kind,
    score: reasons.reduce((sum, r) => sum + r.weight, 0),
    reasons,
    meta: { canonicalUrl: url.href.replace(/#.*$/, ''), title: doc.title || undefined },
    body: null,
  };
}
