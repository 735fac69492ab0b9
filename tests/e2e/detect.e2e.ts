import { describe, expect, it } from 'vitest';
import { labelledPages, type LabelledPage } from '../fixtures/detect/load';
import { browserName, qingduKind, useE2E, type E2E } from './harness/setup';

const KIND_TEXT = { article: '政务文章', gov: '政务网站', none: '普通网页' } as const;

const pages = labelledPages();
const page = (file: string, garble?: string): LabelledPage => pages.find((p) => p.file.endsWith(file) && p.garble === garble)!;

/** Serves a labelled page on its own host and path, as UTF-8 bytes or as the bytes a wrong charset shows. */
function serve(e2e: E2E, p: LabelledPage, charset?: string): string {
  const url = new URL(p.url);
  const source = charset ? pages.find((q) => q.file === p.file && !q.garble)!.html : p.html;
  return e2e.server.html(url.hostname, url.pathname + url.search, source, charset ? { contentType: `text/html; charset=${charset}` } : {});
}

/** What the popup for the page's tab says the page is; the popup answers once detection is done. */
async function popupKind(e2e: E2E, tab: Awaited<ReturnType<E2E['session']['open']>>): Promise<string | null | undefined> {
  const popup = await e2e.session.openPopupFor(tab);
  await popup.waitFor('page kind in the popup', () => document.querySelector('.page-status .kind')?.textContent);
  const text = await popup.evaluate(() => document.querySelector('.page-status .kind')?.textContent);
  await popup.close();
  return text;
}

describe(`detection in ${browserName}`, () => {
  const e2e = useE2E();

  const cases: [string, LabelledPage, string | undefined][] = [
    ['a provincial article with the standard meta tags', page('prov-hubei-article.html'), undefined],
    ['a Hanweb column list page', page('prov-zj-list.html'), undefined],
    ['a Traditional-Chinese Taiwan article', page('tw-news-article.html'), undefined],
    ['a Hong Kong press release', page('hk-gia-article.html'), undefined],
    ['a CPPCC article on a non-government domain', page('cppcc-gz-article.html'), undefined],
    ['the reader’s garbled CPPCC seed page', page('seed-cppcc-article.html'), undefined],
    ['a provincial article whose UTF-8 is served as GBK', page('prov-hubei-article.html', 'gbk'), 'gbk'],
  ];

  it.each(cases)('marks %s', async (_what, p, charset) => {
    const tab = await e2e.session.open(serve(e2e, p, charset));
    await tab.waitFor(`data-qingdu on ${p.name}`, qingduKind);
    expect(await tab.evaluate(qingduKind)).toBe(p.kind);
    expect(await popupKind(e2e, tab)).toBe(KIND_TEXT[p.kind]);
    await tab.close();
  });

  it.each([
    ['a commercial news portal reporting a policy', page('news-portal-policy.html')],
    ['a news site with /gov/ and a TRS URL', page('path-gov-trs-news.html')],
  ])('leaves %s unmarked', async (_what, p) => {
    const tab = await e2e.session.open(serve(e2e, p));
    // The popup's answer comes after detection, so the attribute is final by then.
    expect(await popupKind(e2e, tab)).toBe(KIND_TEXT.none);
    expect(await tab.evaluate(qingduKind)).toBeNull();
    await tab.close();
  });
});
