import { describe, expect, it } from 'vitest';
import { fixtureText } from './harness/fixtures';
import type { TestPage } from './harness/browsers';
import { browserName, qingduKind, useE2E, useMessenger } from './harness/setup';

const HOST = 'www.hubei.gov.cn';
const OLD_HOST = 'www.oldlayout.gov.cn';

describe(`typography in ${browserName}`, () => {
  const e2e = useE2E();
  const messenger = useMessenger(e2e);
  const { send } = messenger;

  async function openArticle(host: string, path: string, file: string): Promise<TestPage> {
    const url = e2e.server.html(host, path, fixtureText(`typography/${file}`));
    const page = await e2e.session.open(url);
    await page.setViewport(1280, 900);
    await page.waitFor('Qingdu to mark the article', qingduKind);
    expect(await page.evaluate(qingduKind)).toBe('article');
    return page;
  }

  const paragraphSizes = (selector: string) =>
    [...document.querySelectorAll(selector)].map((p) => parseFloat(getComputedStyle(p).fontSize));

  it('enlarges body paragraphs by one step per 放大, and leaves menus and footer alone', async () => {
    const page = await openArticle(HOST, '/zwgk/2024/0315/a1.shtml', 'article.html');
    const before = await page.evaluate(paragraphSizes, '#zoom p');
    const navBefore = await page.evaluate(() => getComputedStyle(document.querySelector('.nav a')!).fontSize);
    expect(before).toEqual([16, 16, 16, 16, 14]);

    expect((await send(page, { type: 'zoom', direction: 1 })).typography.scale).toBe(1.125);
    const state = await send(page, { type: 'zoom', direction: 1 });
    expect(state.typography.scale).toBe(1.25);
    const after = await page.evaluate(paragraphSizes, '#zoom p');
    expect(after).toEqual(before.map((px) => px * 1.25));
    // The title and info line grow with the body; the menu and footer do not.
    expect(await page.evaluate(paragraphSizes, '.article-title')).toEqual([22 * 1.25]);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.nav a')!).fontSize)).toBe(navBefore);
    expect(await page.evaluate(paragraphSizes, '.footer')).toEqual([12]);
    await page.close();
  });

  it('applies the remembered size on the next article of the same site', async () => {
    const page = await openArticle(HOST, '/zwgk/2024/0316/a2.shtml', 'article.html');
    await page.waitFor('the remembered size', () => parseFloat(getComputedStyle(document.querySelector('#zoom p')!).fontSize) === 20);
    expect(await page.evaluate(paragraphSizes, '#zoom p')).toEqual([20, 20, 20, 20, 17.5]);
    expect((await send(page, { type: 'getState' })).typography.scale).toBe(1.25);
    // The early step has given the article back.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('#zoom')!).visibility)).toBe('visible');
    // Another site keeps its own size.
    const other = await openArticle(OLD_HOST, '/art/2024/3/1/a.html', 'table760.html');
    expect((await send(other, { type: 'getState' })).typography.scale).toBe(1);
    await other.close();
    // 恢复默认 resets the site, for this and later pages.
    expect((await send(page, { type: 'resetTypography' })).typography.scale).toBe(1);
    expect(await page.evaluate(paragraphSizes, '#zoom p')).toEqual([16, 16, 16, 16, 14]);
    await page.close();
    const next = await openArticle(HOST, '/zwgk/2024/0317/a3.shtml', 'article.html');
    expect((await send(next, { type: 'getState' })).typography.scale).toBe(1);
    expect(await next.evaluate(paragraphSizes, '#zoom p')).toEqual([16, 16, 16, 16, 14]);
    await next.close();
  });

  it('at 300% on a <table width="760"> layout nothing overflows, overlaps or is clipped', async () => {
    const page = await openArticle(OLD_HOST, '/art/2024/3/1/b.html', 'table760.html');
    let state = await send(page, { type: 'getState' });
    for (let i = 0; i < 20 && state.typography.scale < 3; i++) state = await send(page, { type: 'zoom', direction: 1 });
    expect(state.typography.scale).toBe(3);
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).replace(/\s+/g, '.') : ''}`;
      const root = document.querySelector('.content')!;
      if (parseFloat(getComputedStyle(root.querySelector('p')!).fontSize) !== 42) out.push('body text is not at 300%');
      if (document.documentElement.scrollWidth > innerWidth + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}`);
      const texts = [document.querySelector('.title')!, document.querySelector('.info')!, ...root.querySelectorAll('p, td, img')];
      for (const el of texts) {
        const box = el.getBoundingClientRect();
        // Every text box lies inside each of its ancestors, horizontally and (where they clip) vertically.
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          const outer = up.getBoundingClientRect();
          if (box.left < outer.left - 1 || box.right > outer.right + 1) out.push(`${name(el)} sticks out of ${name(up)} sideways`);
          const cs = getComputedStyle(up);
          if (cs.overflowY !== 'visible' && (box.bottom > outer.bottom + 1 || up.scrollHeight > up.clientHeight + 1)) out.push(`${name(el)} is clipped by ${name(up)}`);
        }
        const h = el as HTMLElement;
        const cs = getComputedStyle(el);
        if (cs.overflow !== 'visible' && (h.scrollHeight > h.clientHeight + 1 || h.scrollWidth > h.clientWidth + 1)) out.push(`${name(el)} clips its own text`);
      }
      // Title, info line, body and footer follow each other without overlapping.
      const order = ['.title', '.info', '.content', '.foot'].map((s) => document.querySelector(s)!.getBoundingClientRect());
      for (let i = 1; i < order.length; i++) if (order[i].top < order[i - 1].bottom - 1) out.push(`block ${i} overlaps the one above`);
      const paras = [...root.children].map((c) => c.getBoundingClientRect());
      for (let i = 1; i < paras.length; i++) if (paras[i].top < paras[i - 1].bottom - 1) out.push(`body block ${i} overlaps the one above`);
      // Images shrink to fit and never grow past their own size.
      const img = root.querySelector('img')!;
      if (img.getBoundingClientRect().width > 700 + 0.5) out.push('the image grew');
      return out;
    });
    expect(problems).toEqual([]);
    await send(page, { type: 'resetTypography' });
    await page.close();
  });

  it('恢复默认 restores computed styles, inline styles and classes exactly', async () => {
    const page = await openArticle(OLD_HOST, '/art/2024/3/1/c.html', 'table760.html');
    const snapshot = () => {
      const props = ['font-size', 'line-height', 'width', 'height', 'max-width', 'white-space', 'overflow-x', 'overflow-y', 'overflow-wrap', 'visibility', 'display', 'box-sizing', 'margin-left', 'padding-left'];
      return [...document.querySelectorAll('*')]
        .filter((el) => !el.closest('head'))
        .map((el) => {
          const cs = getComputedStyle(el);
          const attrs = [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ');
          return `${el.tagName} ${attrs} | ${props.map((p) => cs.getPropertyValue(p)).join(';')}`;
        });
    };
    const before = await page.evaluate(snapshot);
    expect(before.length).toBeGreaterThan(30);
    for (let i = 0; i < 6; i++) await send(page, { type: 'zoom', direction: 1 });
    await send(page, { type: 'setLineHeight', value: 2.1 });
    const changed = await page.evaluate(snapshot);
    expect(changed).not.toEqual(before);
    const state = await send(page, { type: 'resetTypography' });
    expect(state.typography).toMatchObject({ scale: 1, lineHeight: 1.8 });
    expect(await page.evaluate(snapshot)).toEqual(before);
    expect(await page.evaluate(() => document.querySelectorAll('#qingdu-typography, #qingdu-early').length)).toBe(0);
    await page.close();
  });

  it('the page’s own 字体 大 中 小 buttons drive Qingdu’s size instead of the page script', async () => {
    const page = await openArticle(HOST, '/zwgk/2024/0318/a4.shtml', 'article.html');
    await page.click('#size-big');
    await page.waitFor('one step up', () => parseFloat(getComputedStyle(document.querySelector('#zoom p')!).fontSize) === 18);
    expect((await send(page, { type: 'getState' })).typography.scale).toBe(1.125);
    expect(await page.evaluate(() => (window as any).__pageZoomed ?? null)).toBeNull();
    await page.click('#size-mid');
    await page.waitFor('back to the own size', () => parseFloat(getComputedStyle(document.querySelector('#zoom p')!).fontSize) === 16);
    expect((await send(page, { type: 'getState' })).typography.scale).toBe(1);
    await page.close();
  });

  it('reading view opens with the article and closes with Esc, giving back the scroll position', async () => {
    const page = await openArticle(HOST, '/zwgk/2024/0319/a5.shtml', 'article.html');
    await page.evaluate(() => {
      document.body.style.minHeight = '3000px';
      scrollTo(0, 400);
    });
    const state = await send(page, { type: 'setReading', open: true });
    expect(state.typography.reading).toBe(true);
    const view = await page.evaluate(() => {
      const host = document.querySelector('qingdu-reader');
      const root = host?.shadowRoot;
      return {
        title: root?.querySelector('h1')?.textContent,
        meta: root?.querySelector('.meta')?.textContent,
        paragraphs: [...(root?.querySelectorAll('article > p:not(.meta)') ?? [])].map((p) => p.textContent),
        dialog: root?.querySelector('[role=dialog]')?.getAttribute('aria-modal'),
        focused: document.activeElement === host && root?.activeElement?.getAttribute('role') === 'dialog',
      };
    });
    expect(view.title).toBe('湖北省人民政府关于加强老年人阅读服务的通知');
    expect(view.meta).toContain('2024-03-15');
    expect(view.meta).toContain('湖北省人民政府办公厅');
    expect(view.paragraphs).toHaveLength(5);
    expect(view.paragraphs[0]).toBe('各市、州、县人民政府，省政府各部门：');
    expect(view.dialog).toBe('true');
    expect(view.focused).toBe(true);

    await (page.raw as { bringToFront(): Promise<void> }).bringToFront();
    await page.press('Escape');
    await page.waitFor('the reading view to close', () => !document.querySelector('qingdu-reader'));
    expect((await send(page, { type: 'getState' })).typography.reading).toBe(false);
    expect(await page.evaluate(() => scrollY)).toBe(400);
    await page.close();
  });
});
