import { describe, expect, it } from 'vitest';
import { detectPage } from '@/utils/detect';
import { metaFeature } from '@/utils/detect/feature';
import type { PageContext } from '@/utils/page/feature';
import type { Detection } from '@/utils/detect/types';
import { labelledPages } from '../../fixtures/detect/load';

const pages = labelledPages();

/** Detection as the always-on script makes it, then the metadata as the feature script completes it. */
function detect(html: string, url: string): Detection & { headMeta: Detection['meta'] } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const detection = detectPage(doc, url);
  const headMeta = { ...detection.meta };
  metaFeature.start({ doc, url: new URL(url), detection } as PageContext);
  return { ...detection, headMeta };
}

const results = pages.map((p) => ({ page: p, got: detect(p.html, p.url) }));

describe('labelled detection pages', () => {
  it('has at least 30 pages covering every kind, region and garbling', () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(pages.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['article', 'gov', 'none']);
    for (const host of ['.gov.cn', '.gov.hk', '.gov.tw', '.gov.mo', 'www.gov.cn']) {
      expect(pages.some((p) => new URL(p.url).hostname.endsWith(host)), host).toBe(true);
    }
    expect(pages.filter((p) => p.garble).length).toBeGreaterThanOrEqual(4);
  });

  it.each(results.map((r) => [r.page.name, r.page.kind, r] as const))('%s is %s', (_name, kind, { got }) => {
    expect(got.kind).toBe(kind);
  });

  it.each(results.filter((r) => r.page.meta).map((r) => [r.page.name, r] as const))('%s: metadata', (_name, { page, got }) => {
    expect(got.meta).toMatchObject(page.meta!);
  });

  it('precision and recall are 1 for government pages and for articles', () => {
    const score = (positive: (kind: string) => boolean) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const { page, got } of results) {
        const want = positive(page.kind);
        const have = positive(got.kind);
        if (want && have) tp++;
        else if (have) fp++;
        else if (want) fn++;
      }
      return { precision: tp / (tp + fp), recall: tp / (tp + fn), tp };
    };
    const gov = score((k) => k !== 'none');
    const article = score((k) => k === 'article');
    expect(gov.tp).toBeGreaterThanOrEqual(20);
    expect(article.tp).toBeGreaterThanOrEqual(15);
    expect({ gov: [gov.precision, gov.recall], article: [article.precision, article.recall] }).toEqual({ gov: [1, 1], article: [1, 1] });
  });

  it('gives every call on a government page its reasons, with weights', () => {
    for (const { page, got } of results) {
      if (got.kind === 'none') continue;
      expect(got.reasons.length, page.name).toBeGreaterThan(0);
      for (const r of got.reasons) {
        expect(r.label, page.name).toMatch(/[\u4e00-\u9fff]/);
        expect(r.weight, `${page.name} ${r.id}`).toBe((r.gov ?? 0) + (r.article ?? 0));
      }
    }
  });

  it('points at the article body on articles, and at none elsewhere', () => {
    for (const { page, got } of results) {
      if (got.kind === 'article') expect(got.body?.textContent?.length ?? 0, page.name).toBeGreaterThan(100);
      else expect(got.body, page.name).toBeNull();
    }
  });

  it('already knows the canonical URL and what <head> says in the always-on script', () => {
    for (const { page, got } of results) {
      expect(got.headMeta.canonicalUrl, page.name).toBe(got.meta.canonicalUrl);
      if (got.kind !== 'none' && !page.garble) expect(got.headMeta.title, page.name).toBeTruthy();
    }
  });

  it('reads the reader’s garbled seed page as an article through host, URL and structure', () => {
    const seed = results.find((r) => r.page.file.includes('seed-cppcc-article'))!;
    expect(seed.got.kind).toBe('article');
    const ids = seed.got.reasons.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['host', 'url-trs', 'container', 'body']));
    expect(seed.got.body?.id).toBe('zoom');
  });
});
