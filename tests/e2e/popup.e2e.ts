import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { fixtureText, SEED_HOST, SEED_PAGE, SEED_PATH } from './harness/fixtures';
import { launch, type TestPage } from './harness/browsers';
import { browserName, qingduKind, useE2E } from './harness/setup';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf-8');
const ARTICLE = () => fixtureText('typography/article.html');

const kindText = () => document.querySelector('.page-status .kind')?.textContent ?? null;
const pressedName = () => [...document.querySelectorAll('[role=toolbar] button[aria-pressed=true]')].map((b) => b.textContent).join();
const bodyText = () => document.querySelector('#zoom p')?.textContent ?? '';
const bodySize = () => parseFloat(getComputedStyle(document.querySelector('#zoom p')!).fontSize);
const bodyLineHeight = () => {
  const style = getComputedStyle(document.querySelector('#zoom p')!);
  return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
};

/** Picks an option of a native <select> the way a reader does, through the driver. */
async function choose(page: TestPage, selector: string, value: string): Promise<void> {
  if (browserName === 'chromium') await (page.raw as PwPage).selectOption(selector, value);
  else await (page.raw as PpPage).select(selector, value);
}

/** Runs axe-core in the page and returns the serious and critical violations. */
async function axeProblems(page: TestPage): Promise<string[]> {
  return page.evaluate(async (source: string) => {
    // eslint-disable-next-line no-new-func
    new Function(source)();
    const axe = (globalThis as any).axe;
    const result = await axe.run(document);
    // A run that checked nothing would prove nothing.
    if (result.passes.length < 10) return [`axe checked only ${result.passes.length} rules`];
    return result.violations
      .filter((v: { impact?: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE);
}

describe(`popup in ${browserName}`, () => {
  const e2e = useE2E();

  async function openArticle(host: string): Promise<{ page: TestPage; popup: TestPage }> {
    const page = await e2e.session.open(e2e.server.html(host, '/zwgk/2024/0315/a1.shtml', ARTICLE()));
    await page.waitFor('Qingdu to mark the article', qingduKind);
    const popup = await e2e.session.openPopupFor(page);
    await popup.waitFor('the page status', kindText);
    return { page, popup };
  }

  it('shows the status of a government article and changes the page with each control', async () => {
    const { page, popup } = await openArticle('www.popup.gov.cn');
    expect(await popup.evaluate(kindText)).toBe('政务文章');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await popup.evaluate(() => document.querySelector('.page-status .title')?.textContent)).toBe('湖北省人民政府关于加强老年人阅读服务的通知');
    expect(await popup.evaluate(() => document.querySelector('.reasons summary')?.textContent)).toBe('为什么识别为政务文章');
    expect(await popup.evaluate(() => document.querySelectorAll('.reasons li').length)).toBeGreaterThan(0);

    // Script: 繁體 converts the body, 原文 gives back the page exactly, 简体 is pressed on request.
    const original = await page.evaluate(() => document.querySelector('#zoom')!.innerHTML);
    expect(await popup.evaluate(pressedName)).toBe('原文');
    await popup.clickByName('繁體');
    await page.waitFor('the body in Traditional', () => document.querySelector('#zoom p')?.textContent === '各市、州、縣人民政府，省政府各部門：');
    await popup.waitFor('繁體 pressed', () => document.querySelector('[role=toolbar] button[aria-pressed=true]')?.textContent === '繁體');
    await popup.clickByName('原文');
    await page.waitFor('the original body', () => document.querySelector('#zoom p')?.textContent === '各市、州、县人民政府，省政府各部门：');
    expect(await page.evaluate(() => document.querySelector('#zoom')!.innerHTML)).toBe(original);
    await popup.waitFor('原文 pressed', () => document.querySelector('[role=toolbar] button[aria-pressed=true]')?.textContent === '原文');

    // Text size: 放大字体 enlarges the article body one step, 缩小字体 takes it back.
    expect(await page.evaluate(bodySize)).toBe(16);
    await popup.clickByName('放大字体');
    await page.waitFor('a larger body', () => parseFloat(getComputedStyle(document.querySelector('#zoom p')!).fontSize) === 18);
    await popup.waitFor('113% in the popup', () => document.querySelector('.size-value')?.textContent === '113%');
    await popup.clickByName('缩小字体');
    await page.waitFor('the body size back', () => parseFloat(getComputedStyle(document.querySelector('#zoom p')!).fontSize) === 16);

    // Line height, then 恢复默认.
    await popup.clickByName('放大字体');
    await page.waitFor('a larger body', () => parseFloat(getComputedStyle(document.querySelector('#zoom p')!).fontSize) === 18);
    await choose(popup, '#line-height', '2.2');
    await page.waitFor('line height 2.2', () => {
      const p = document.querySelector('#zoom p')!;
      return Math.abs(parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize) - 2.2) < 0.01;
    });
    expect(await page.evaluate(bodyLineHeight)).toBeCloseTo(2.2, 2);
    await popup.clickByName('恢复默认');
    await page.waitFor('the default size', () => parseFloat(getComputedStyle(document.querySelector('#zoom p')!).fontSize) === 16);
    await popup.waitFor('100% in the popup', () => document.querySelector('.size-value')?.textContent === '100%');

    // 阅读模式 opens the reading view on the page and closes it again.
    await popup.clickByName('阅读模式');
    await page.waitFor('the reading view', () => !!document.querySelector('qingdu-reader'));
    await popup.waitFor('阅读模式 pressed', () => [...document.querySelectorAll('button')].find((b) => b.textContent === '阅读模式')?.getAttribute('aria-pressed') === 'true');
    await popup.clickByName('阅读模式');
    await page.waitFor('the reading view closed', () => !document.querySelector('qingdu-reader'));
    expect(await page.evaluate(() => document.querySelector('#zoom')!.innerHTML)).toBe(original);

    // Announcements are polite and nothing went wrong along the way.
    expect(await popup.evaluate(() => document.querySelector('[aria-live=polite].live')?.textContent)).toMatch(/阅读模式/);
    expect(await popup.evaluate(() => document.querySelector('.popup .error')?.textContent ?? null)).toBeNull();
    await popup.close();
    await page.close();
  });

  it('holds the library: 收藏本文 saves the article and the saved list shows it', async () => {
    const { page, popup } = await openArticle('www.save.gov.cn');
    await popup.waitFor('the save button', () => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === '收藏本文'));
    await popup.clickByName('收藏本文');
    await popup.waitFor('已收藏', () => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === '已收藏'));
    await popup.waitFor('the saved list in the popup', () => document.querySelector('.library')?.textContent?.includes('湖北省人民政府关于加强老年人阅读服务的通知'));
    expect(await popup.evaluate(() => !!document.querySelector('#lib-search'))).toBe(true);
    await popup.close();
    await page.close();
  });

  it('shows what was repaired on the reader’s garbled page, and 修复乱码 / 显示原文 switch the repairs', async () => {
    const page = await e2e.session.open(e2e.server.html(SEED_HOST, SEED_PATH, fixtureText(SEED_PAGE)));
    await page.waitFor('Qingdu to mark the article', qingduKind);
    const crumb = () => document.querySelector('.position')?.textContent ?? null;
    expect(await page.evaluate(crumb)).toBe('首頁 >自身建設 >機關黨建');
    const popup = await e2e.session.openPopupFor(page);
    await popup.waitFor('the page status', kindText);
    const summary = await popup.evaluate(() => document.querySelector('.repairs summary')?.textContent ?? '');
    expect(summary).toMatch(/^已修复 \d+ 处乱码$/);
    await popup.click('.repairs summary');
    expect(await popup.evaluate(() => (document.querySelector('.repairs') as HTMLDetailsElement).open)).toBe(true);
    expect(await popup.evaluate(() => [...document.querySelectorAll('.repairs li')].some((li) => /^夹在文字中的拼音：\d+ 处$/.test(li.textContent ?? '')))).toBe(true);

    await popup.clickByName('修复乱码', 'switch');
    await page.waitFor('the garbled original', () => document.querySelector('.position')?.textContent === '首頁(yè) >自身建設(shè) >機(jī)關(guān)黨建');
    await popup.clickByName('修复乱码', 'switch');
    await page.waitFor('the repaired page', () => document.querySelector('.position')?.textContent === '首頁 >自身建設 >機關黨建');

    await popup.clickByName('显示原文');
    await page.waitFor('the page as it came', () => document.querySelector('.position')?.textContent === '首頁(yè) >自身建設(shè) >機(jī)關(guān)黨建');
    await popup.waitFor('显示原文 pressed', () => [...document.querySelectorAll('button')].find((b) => b.textContent === '显示原文')?.getAttribute('aria-pressed') === 'true');
    await popup.clickByName('显示原文');
    await page.waitFor('the repaired page', () => document.querySelector('.position')?.textContent === '首頁 >自身建設 >機關黨建');
    expect(await popup.evaluate(() => document.querySelector('.popup .error')?.textContent ?? null)).toBeNull();
    await popup.close();
    await page.close();
  });

  it('moves through 原文 · 简体 · 繁體 with the arrow keys and picks with Enter', async () => {
    const { page, popup } = await openArticle('www.keys.gov.cn');
    await popup.evaluate(() => (document.querySelector('[role=toolbar] button[aria-pressed=true]') as HTMLElement).focus());
    await popup.press('ArrowRight');
    await popup.press('ArrowRight');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('繁體');
    await popup.press('Enter');
    await page.waitFor('the body in Traditional', () => document.querySelector('#zoom p')?.textContent === '各市、州、縣人民政府，省政府各部門：');
    await popup.waitFor('繁體 pressed', () => document.querySelector('[role=toolbar] button[aria-pressed=true]')?.textContent === '繁體');
    await popup.press('ArrowLeft');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('简体');
    await popup.press(' ');
    await page.waitFor('the body in Simplified', () => document.querySelector('#zoom p')?.textContent === '各市、州、县人民政府，省政府各部门：');
    await popup.close();
    await page.close();
  });

  it('stores a site rule and turns Qingdu off on the open page', async () => {
    const { page, popup } = await openArticle('www.rules.gov.cn');
    await choose(popup, '#site-enable', 'never');
    await page.waitFor('Qingdu off on the page', () => document.documentElement.dataset.qingdu === undefined);
    await popup.waitFor('the note that the site is off', () => !!document.querySelector('.note'));
    expect(await popup.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.getAttribute('aria-label') === '放大字体'))).toBe(false);
    // The rule holds after a reload.
    await page.reload();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    expect(await page.evaluate(qingduKind)).toBeNull();
    await popup.reload();
    await popup.waitFor('the page status', kindText);
    expect(await popup.evaluate(() => (document.querySelector('#site-enable') as HTMLSelectElement).value)).toBe('never');
    await choose(popup, '#site-enable', 'auto');
    await popup.close();
    await page.close();
  });

  it('on an ordinary page says so and offers to turn Qingdu on', async () => {
    const url = e2e.server.html('news.example.com', '/story.html', '<!doctype html><html lang="zh-CN"><title>新闻</title><p>一则普通新闻。</p></html>');
    const page = await e2e.session.open(url);
    const popup = await e2e.session.openPopupFor(page);
    await popup.waitFor('the page status', kindText);
    expect(await popup.evaluate(kindText)).toBe('普通网页');
    expect(await popup.evaluate(() => !!document.querySelector('.reasons'))).toBe(false);
    expect(await popup.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.getAttribute('aria-label') === '放大字体'))).toBe(false);
    await popup.clickByName('在此页面启用清读');
    await popup.waitFor('the page controls', () => [...document.querySelectorAll('button')].some((b) => b.getAttribute('aria-label') === '放大字体'));
    expect(await axeProblems(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('on a page no extension may touch explains why and shows no page controls', async () => {
    const page = await e2e.session.open('about:blank');
    const popup = await e2e.session.openPopupFor(page);
    await popup.waitFor('the explanation', () => document.querySelector('.cannot-run'));
    expect(await popup.evaluate(() => document.querySelector('.cannot-run')?.textContent)).toContain('清读无法在此页面上运行');
    // The only button left is the one to the settings, and it works.
    expect(await popup.evaluate(() => [...document.querySelectorAll('main button')].filter((b) => !b.closest('.library')).map((b) => b.textContent))).toEqual(['设置']);
    await popup.close();
    await page.close();
  });

  it('has no serious accessibility problems (axe-core), in the popup and the options page', async () => {
    const { page, popup } = await openArticle('www.axe.gov.cn');
    await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await axeProblems(popup)).toEqual([]);
    const options = await e2e.session.openExtensionPage('options.html');
    await options.waitFor('the options page', () => document.querySelector('#defaults-title'));
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await axeProblems(options)).toEqual([]);
    await options.close();
    await popup.close();
    await page.close();
  });

  it('follows Qingdu’s size setting and a larger browser font', async () => {
    const options = await e2e.session.openExtensionPage('options.html');
    await options.waitFor('the options page', () => document.querySelector('#opt-scale'));
    await choose(options, '#opt-scale', '1.5');
    await options.waitFor('the saved setting', () => document.documentElement.style.fontSize === '150%');
    const { page, popup } = await openArticle('www.bigfont.gov.cn');
    expect(await popup.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
    // Nothing is cut off at that size: every control stays inside the popup's width.
    expect(await popup.evaluate(() => [...document.querySelectorAll('button, select')].every((el) => el.getBoundingClientRect().right <= document.body.getBoundingClientRect().right + 1))).toBe(true);
    await choose(options, '#opt-scale', '1');
    await options.close();
    await popup.close();
    await page.close();
  });

  it('speaks English in an English browser', async () => {
    const session = await launch(browserName, { locale: 'en' });
    try {
      const page = await session.open(e2e.server.html('www.english.gov.cn', '/zwgk/a.shtml', ARTICLE()));
      await page.waitFor('Qingdu to mark the article', qingduKind);
      const popup = await session.openPopupFor(page);
      await popup.waitFor('the page status', kindText);
      expect(await popup.evaluate(kindText)).toBe('Government article');
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
      await popup.clickByName('Larger text');
      await page.waitFor('a larger body', () => parseFloat(getComputedStyle(document.querySelector('#zoom p')!).fontSize) === 18);
    } finally {
      await session.close();
    }
  });
});
