import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTypographyFeature } from '@/utils/typography';
import { Enlarger, findParts } from '@/utils/typography/enlarge';
import { ATTR, STYLE_ID } from '@/utils/typography/style';
import { DEFAULT_SETTINGS, SITE_RULES_KEY, getSiteRule, updateSiteRule } from '@/utils/storage';
import type { PageContext } from '@/utils/page/feature';
import type { PageState } from '@/utils/messages';

const ORIGIN = 'https://www.hubei.gov.cn';
const PAGE = `<div class="nav"><a>首页</a></div>
  <div class="title">关于加强老年人阅读服务的通知</div>
  <div class="info" style="color: gray" class="x">发布时间：2024-03-15　来源：办公厅</div>
  <div id="zoom" class="content TRS"><p style="font-size: 16px">为进一步方便老年人获取政府信息，提升政府网站适老化水平。</p><p style="font-size: 14px" class="note">（此件公开发布）</p></div>
  <div class="footer">主办：湖北省人民政府办公厅</div>`;

function makePage(rule = {}, settings = DEFAULT_SETTINGS): PageContext {
  document.head.innerHTML = '';
  document.body.innerHTML = PAGE;
  return {
    doc: document,
    url: new URL(`${ORIGIN}/zwgk/a.shtml`),
    detection: { kind: 'article', score: 100, reasons: [], meta: { canonicalUrl: `${ORIGIN}/zwgk/a.shtml`, title: '关于加强老年人阅读服务的通知' }, body: null },
    settings,
    rule,
    signal: new AbortController().signal,
  };
}

function state(): PageState {
  return { typography: { scale: 0, lineHeight: 0, reading: false } } as PageState;
}

describe('typography feature and per-site storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('leaves the page untouched at the article’s own size', async () => {
    const page = makePage();
    const html = document.documentElement.outerHTML;
    const feature = createTypographyFeature();
    await feature.start(page);
    expect(document.documentElement.outerHTML).toBe(html);
    feature.stop();
  });

  it('zooms by steps, remembers the size per origin in the versioned site rules, and reset clears it', async () => {
    await updateSiteRule('https://other.gov.cn', { scale: 2 });
    const page = makePage();
    const html = document.body.innerHTML;
    const feature = createTypographyFeature();
    await feature.start(page);
    expect(await feature.handle!({ type: 'zoom', direction: 1 }, page)).toBe(true);
    await feature.handle!({ type: 'zoom', direction: 1 }, page);
    const s = state();
    feature.describe(s);
    expect(s.typography).toEqual({ scale: 1.25, lineHeight: 1.8, reading: false });
    expect(await getSiteRule(ORIGIN)).toEqual({ scale: 1.25 });
    // Stored through the versioned item: the raw key and its version meta are both there.
    const raw = await fakeBrowser.storage.local.get([SITE_RULES_KEY, `${SITE_RULES_KEY}$`]);
    expect(raw[SITE_RULES_KEY]).toMatchObject({ [ORIGIN]: { scale: 1.25 } });
    expect(raw[`${SITE_RULES_KEY}$`]).toMatchObject({ v: 1 });

    const sheet = document.getElementById(STYLE_ID)!;
    expect(sheet.textContent).toContain(`[${ATTR.size}="16"]{font-size:20px!important}`);
    expect(sheet.textContent).toContain(`[${ATTR.size}="14"]{font-size:17.5px!important}`);
    expect(document.querySelector('.nav a')!.hasAttribute(ATTR.size)).toBe(false);
    expect(document.querySelector('.footer')!.hasAttribute(ATTR.size)).toBe(false);
    expect(document.querySelector('.title')!.getAttribute(ATTR.part)).toBe('title');
    expect(document.querySelector('.info')!.getAttribute(ATTR.part)).toBe('info');

    await feature.handle!({ type: 'setLineHeight', value: 9 }, page);
    expect(await getSiteRule(ORIGIN)).toEqual({ scale: 1.25, lineHeight: 2.2 });

    await feature.handle!({ type: 'resetTypography' }, page);
    expect(await getSiteRule(ORIGIN)).toEqual({});
    expect(await getSiteRule('https://other.gov.cn')).toEqual({ scale: 2 });
    expect(document.body.innerHTML).toBe(html);
    expect(document.getElementById(STYLE_ID)).toBeNull();
    feature.stop();
  });

  it('applies the site’s remembered size at start and undoes all of it on stop', async () => {
    const page = makePage({ scale: 2, lineHeight: 2 });
    const html = document.body.innerHTML;
    const feature = createTypographyFeature();
    await feature.start(page);
    expect(document.getElementById(STYLE_ID)!.textContent).toContain('font-size:32px');
    expect(document.body.innerHTML).not.toBe(html);
    feature.stop();
    expect(document.body.innerHTML).toBe(html);
    expect(document.getElementById(STYLE_ID)).toBeNull();
  });

  it('ignores messages that are not its own', async () => {
    const page = makePage();
    const feature = createTypographyFeature();
    await feature.start(page);
    expect(await feature.handle!({ type: 'cycleScript' }, page)).toBeUndefined();
    feature.stop();
  });

  it('enlarger marks new text that arrives in the body later', async () => {
    makePage();
    const enlarger = new Enlarger(document, () => findParts(document, null));
    enlarger.apply({ scale: 1.5, lineHeight: 1.8 });
    const p = document.createElement('p');
    p.style.fontSize = '18px';
    p.textContent = '后来加载的段落';
    document.getElementById('zoom')!.append(p);
    await new Promise((r) => setTimeout(r, 0));
    expect(p.getAttribute(ATTR.size)).toBe('18');
    expect(document.getElementById(STYLE_ID)!.textContent).toContain('font-size:27px');
    enlarger.revert();
    expect(p.hasAttribute(ATTR.size)).toBe(false);
  });
});
