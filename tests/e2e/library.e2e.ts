import { describe, expect, it } from 'vitest';
import type { TestPage } from './harness/browsers';
import { browserName, useE2E } from './harness/setup';

const HOSTILE = '<img src=x onerror=alert(1)>';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A government article page; `n` makes its URL and text unique. */
function articleHtml(n: string, title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}_湖北省人民政府门户网站</title>
<link rel="canonical" href="http://www.hubei.gov.cn/zfwj/ezf/202403/t20240301_${n}.shtml">
<meta name="SiteName" content="湖北省人民政府门户网站"><meta name="ColumnName" content="政府文件">
<meta name="ArticleTitle" content="${escape(title)}"><meta name="PubDate" content="2024-03-01 10:00">
<meta name="ContentSource" content="湖北省人民政府办公厅"></head>
<body><div class="header">网站首页 | 政务公开 | 政务服务</div>
<div class="article"><h1>${escape(title)}</h1><p class="info">来源：湖北省人民政府办公厅 发布时间：2024-03-01</p>
<div class="TRS_Editor" id="zoom"><p>各市、州、县人民政府，省政府各部门：</p><p>${escape(body)}</p><p>现将有关事项通知如下，请认真贯彻执行。</p></div></div>
<div class="footer">主办：湖北省人民政府办公厅 网站标识码：4200000059 鄂ICP备05003315号</div></body></html>`;
}

async function openArticle(e2e: ReturnType<typeof useE2E>, n: string, title: string, body: string): Promise<TestPage> {
  const url = e2e.server.html('www.hubei.gov.cn', `/zfwj/ezf/202403/t20240301_${n}.shtml?utm_source=wechat`, articleHtml(n, title, body));
  return e2e.session.open(url);
}

const titles = () => Array.from(document.querySelectorAll('.lib-list .lib-title')).map((el) => el.textContent);

async function search(page: TestPage, text: string) {
  await page.evaluate((value: string) => {
    const input = document.getElementById('lib-search') as HTMLInputElement;
    input.focus();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

async function saveFromPopup(popup: TestPage) {
  await popup.waitFor('the 收藏本文 button', () => {
    const b = Array.from(document.querySelectorAll('button')).find((el) => el.textContent === '收藏本文');
    return b && !b.disabled;
  });
  await popup.clickByName('收藏本文');
}

const savedShown = () => Array.from(document.querySelectorAll('button')).some((el) => el.textContent === '已收藏');

async function wipe(e2e: ReturnType<typeof useE2E>) {
  const page = await e2e.session.openExtensionPage('library.html');
  await page.waitFor('the library page', () => document.querySelector('.lib-full details'));
  await page.evaluate(() => ((document.querySelector('.lib-full details') as HTMLDetailsElement).open = true));
  await page.waitFor('library tools', () => document.querySelector('.lib-tools'));
  await page.clickByName('清空收藏库');
  await page.clickByName('确认清空');
  await page.waitFor('an empty library', () => document.querySelector('.lib-empty'));
  await page.close();
}

describe(`library in ${browserName}`, () => {
  const e2e = useE2E();

  it('saves from the popup, lists it after reopening, finds it by a body phrase, and badges the tab', async () => {
    const page = await openArticle(e2e, '1001', '湖北省人民政府关于加快建设全国构建新发展格局先行区的实施意见', '推动长江经济带高质量发展，打造九省通衢新优势。');
    let popup = await e2e.session.openPopupFor(page);
    await saveFromPopup(popup);
    await popup.waitFor('已收藏 after saving', savedShown);
    expect(await popup.evaluate(() => document.querySelector('.lib-save [role="status"]')?.textContent)).toContain('已收藏');
    await popup.close();

    popup = await e2e.session.openPopupFor(page);
    await popup.waitFor('the saved article in the list', () => document.querySelectorAll('.lib-list .lib-item').length > 0);
    expect(await popup.evaluate(titles)).toEqual(['湖北省人民政府关于加快建设全国构建新发展格局先行区的实施意见']);
    await popup.waitFor('已收藏 on reopening', savedShown);
    expect(await popup.evaluate(() => document.querySelector('.lib-list .lib-meta')?.textContent)).toContain('2024-03-01');

    await search(popup, '九省通衢');
    await popup.waitFor('a search result', () => document.querySelector('.lib-announce')?.textContent?.includes('找到'));
    expect(await popup.evaluate(titles)).toHaveLength(1);
    await search(popup, '九省通衢不存在');
    await popup.waitFor('no result', () => document.querySelector('.lib-empty'));
    expect(await popup.evaluate(titles)).toEqual([]);

    const tabId = await e2e.session.tabIdOf(page);
    const badge = await popup.evaluate(async (id: number) => {
      const g = globalThis as unknown as { browser?: any; chrome?: any };
      const api = g.chrome?.action ?? g.browser?.browserAction;
      return api.getBadgeText({ tabId: id });
    }, tabId);
    expect(badge).toBe('★');
    await popup.close();

    // The saved copy opens in the reader page with the text as it was read.
    const library = await e2e.session.openExtensionPage('library.html');
    await library.waitFor('the list', () => document.querySelector('.lib-list .lib-item'));
    const id = await library.evaluate(() => (document.querySelector('.lib-list .lib-item') as HTMLElement).dataset.id);
    const reader = await e2e.session.openExtensionPage(`reader.html?id=${id}`);
    await reader.waitFor('the saved text', () => document.querySelector('.lib-reader'));
    const text = await reader.evaluate(() => document.querySelector('.lib-reader')?.textContent ?? '');
    expect(text).toContain('九省通衢新优势');
    await reader.close();
    await library.close();
    await page.close();
    await wipe(e2e);
  });

  it('deletes with 撤销, and keeps deleted articles in the trash', async () => {
    const page = await openArticle(e2e, '2002', '关于做好春季农业生产工作的通知', '确保粮食播种面积稳定。');
    const popup = await e2e.session.openPopupFor(page);
    await saveFromPopup(popup);
    await popup.waitFor('已收藏', savedShown);
    await popup.close();
    await page.close();

    const library = await e2e.session.openExtensionPage('library.html');
    await library.waitFor('the list', () => document.querySelector('.lib-list .lib-item'));
    await library.clickByName('删除《关于做好春季农业生产工作的通知》');
    await library.waitFor('the empty list', () => document.querySelector('.lib-empty'));
    await library.clickByName('撤销');
    await library.waitFor('the article back', () => document.querySelectorAll('.lib-list .lib-item').length === 1);
    expect(await library.evaluate(titles)).toEqual(['关于做好春季农业生产工作的通知']);

    await library.clickByName('删除《关于做好春季农业生产工作的通知》');
    await library.waitFor('the empty list', () => document.querySelector('.lib-empty'));
    await library.clickByName('回收站（1）');
    await library.waitFor('the trash', () => document.querySelector('.lib-trash .lib-item'));
    await library.clickByName('恢复《关于做好春季农业生产工作的通知》');
    await library.waitFor('the article back from the trash', () => document.querySelectorAll('.lib-panel > .lib-list .lib-item').length === 1);
    await library.close();
    await wipe(e2e);
  });

  it('exports JSON, wipes, imports, and gets the identical library; a hostile title stays text everywhere', async () => {
    await wipe(e2e);
    const first = await openArticle(e2e, '3003', '政府工作报告', '坚持稳中求进工作总基调。');
    const hostile = await openArticle(e2e, '3004', HOSTILE, '这是一篇标题带有标记的文章。');
    for (const page of [first, hostile]) {
      const popup = await e2e.session.openPopupFor(page);
      await saveFromPopup(popup);
      await popup.waitFor('已收藏', savedShown);
      await popup.close();
      await page.close();
    }

    const library = await e2e.session.openExtensionPage('library.html');
    await library.waitFor('two articles', () => document.querySelectorAll('.lib-list .lib-item').length === 2);
    // The hostile title is shown as text: no element was made from it.
    expect(await library.evaluate(titles)).toContain(HOSTILE);
    expect(await library.evaluate(() => document.querySelectorAll('img').length)).toBe(0);

    await library.evaluate(() => {
      const w = window as unknown as { exported: Blob[] };
      w.exported = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        w.exported.push(blob as Blob);
        return create(blob);
      };
      (document.querySelector('.lib-full details') as HTMLDetailsElement).open = true;
    });
    await library.waitFor('library tools', () => document.querySelector('.lib-tools'));
    const exportAs = async (name: string, count: number) => {
      await library.clickByName(name);
      await library.waitFor(`${name} done`, (n: number) => (window as unknown as { exported: Blob[] }).exported.length === n, count);
      await library.waitFor(`${name} status`, () => document.querySelector('.lib-tools [role="status"]')?.textContent?.startsWith('已导出'));
      return library.evaluate((i: number) => (window as unknown as { exported: Blob[] }).exported[i].text(), count - 1);
    };
    const json = await exportAs('导出 JSON', 1);
    const html = await exportAs('导出书签 HTML', 2);
    const csv = await exportAs('导出 CSV', 3);
    const before = JSON.parse(json);
    expect(before.format).toBe('qingdu-library');
    expect(before.articles.map((a: { title: string }) => a.title).sort()).toEqual([HOSTILE, '政府工作报告'].sort());
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Blob.text() drops a BOM, so look at the bytes: EF BB BF.
    const bom = await library.evaluate(async () => Array.from(new Uint8Array(await (window as unknown as { exported: Blob[] }).exported[2].slice(0, 3).arrayBuffer())));
    expect(bom).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.startsWith('"标题"')).toBe(true);
    expect(csv).toContain('"<img src=x onerror=alert(1)>"');

    // Clean up the downloaded files; the test needs only their contents.
    await library.evaluate(async () => {
      const g = globalThis as unknown as { browser?: any; chrome?: any };
      const downloads = (g.browser ?? g.chrome).downloads;
      const found = await downloads.search({ filenameRegex: 'qingdu-library' });
      for (const d of found) {
        if (d.state === 'complete') await downloads.removeFile(d.id).catch(() => undefined);
        await downloads.erase({ id: d.id });
      }
    });

    const id = await library.evaluate(() => (Array.from(document.querySelectorAll('.lib-list .lib-item')).find((el) => el.querySelector('.lib-title')?.textContent?.startsWith('<img')) as HTMLElement).dataset.id);
    const reader = await e2e.session.openExtensionPage(`reader.html?id=${id}`);
    await reader.waitFor('the reader page', () => document.querySelector('.lib-reader h1'));
    expect(await reader.evaluate(() => document.querySelector('.lib-reader h1')?.textContent)).toBe(HOSTILE);
    expect(await reader.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    await reader.close();

    await library.clickByName('清空收藏库');
    await library.clickByName('确认清空');
    await library.waitFor('an empty library', () => document.querySelector('.lib-empty'));

    await library.evaluate((text: string) => {
      const input = document.querySelector('.lib-import input[type="file"]') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'qingdu-library.json', { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, json);
    await library.waitFor('the import result', () => document.querySelector('.lib-tools [role="status"]')?.textContent?.includes('新增 2 篇'));
    await library.waitFor('two articles again', () => document.querySelectorAll('.lib-list .lib-item').length === 2);
    const again = JSON.parse(await exportAs('导出 JSON', 4));
    expect(again.articles).toEqual(before.articles);

    // A broken file is refused with a clear message and changes nothing.
    await library.evaluate(() => {
      const input = document.querySelector('.lib-import input[type="file"]') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File(['{"format":"qingdu-library","schemaVersion":2,"articles":[{"url":"javascript:alert(1)"}]}'], 'bad.json'));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await library.waitFor('the import error', () => document.querySelector('.lib-tools [role="alert"]'));
    expect(await library.evaluate(() => document.querySelector('.lib-tools [role="alert"]')?.textContent)).toMatch(/bad\.json.*第 1 篇文章.*http\/https/);
    expect(await library.evaluate(() => document.querySelectorAll('.lib-list .lib-item').length)).toBe(2);
    await library.evaluate(async () => {
      const g = globalThis as unknown as { browser?: any; chrome?: any };
      const downloads = (g.browser ?? g.chrome).downloads;
      for (const d of await downloads.search({ filenameRegex: 'qingdu-library' })) {
        if (d.state === 'complete') await downloads.removeFile(d.id).catch(() => undefined);
        await downloads.erase({ id: d.id });
      }
    });
    await library.close();
    await wipe(e2e);
  });

  it('three tabs saving at the same moment give three articles', async () => {
    await wipe(e2e);
    const pages = await Promise.all(
      ['4001', '4002', '4003'].map((n) => openArticle(e2e, n, `第${n}号通知`, `同时收藏的第${n}篇文章。`)),
    );
    const popups: TestPage[] = [];
    for (const page of pages) popups.push(await e2e.session.openPopupFor(page));
    for (const popup of popups) {
      await popup.waitFor('the 收藏本文 button', () => {
        const b = Array.from(document.querySelectorAll('button')).find((el) => el.textContent === '收藏本文');
        return b && !b.disabled;
      });
    }
    await Promise.all(popups.map((popup) => popup.evaluate(() => Array.from(document.querySelectorAll('button')).find((el) => el.textContent === '收藏本文')!.click())));
    for (const popup of popups) await popup.waitFor('已收藏', savedShown);
    const library = await e2e.session.openExtensionPage('library.html');
    await library.waitFor('three articles', () => document.querySelectorAll('.lib-list .lib-item').length === 3);
    expect((await library.evaluate(titles)).sort()).toEqual(['第4001号通知', '第4002号通知', '第4003号通知']);
    await library.close();
    for (const p of [...popups, ...pages]) await p.close();
    await wipe(e2e);
  });
});
