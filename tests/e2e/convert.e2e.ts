import { afterAll, describe, expect, it } from 'vitest';
import { fixtureText, SEED_HOST, SEED_PAGE, SEED_PATH } from './harness/fixtures';
import type { TestPage } from './harness/browsers';
import { browserName, qingduKind, useE2E, useMessenger } from './harness/setup';

const HOST = 'www.hubei.gov.cn';

describe(`简体/繁體 conversion in ${browserName}`, () => {
  const e2e = useE2E();
  const messenger = useMessenger(e2e);
  const { send } = messenger;
  afterAll(async () => {
    await messenger.ext?.evaluate(() => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.remove(['siteRules', 'userPhrases']));
  });

  async function open(host: string, path: string, html: string): Promise<TestPage> {
    const page = await e2e.session.open(e2e.server.html(host, path, html));
    await page.waitFor('Qingdu to finish with the page', qingduKind);
    return page;
  }

  const pageHtml = () => document.documentElement.outerHTML + '\n' + document.title;
  const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;

  it('繁體 converts a government article, 简体 converts back, 原文 restores it exactly', async () => {
    const page = await open(HOST, '/zwgk/2024/0315/c1.shtml', fixtureText('convert/article.html'));
    const before = await page.evaluate(pageHtml);

    const tw = await send(page, { type: 'setScript', script: 'tw' });
    expect(tw.script).toEqual({ current: 'tw', source: 'hans' });
    expect(await page.evaluate(() => document.title)).toBe('湖北省人民政府關於發布實施優化營商環境條例的通知');
    expect(await page.evaluate(text, '.position')).toBe('首頁 > 政務公開 > 通知公告');
    expect(await page.evaluate(() => document.querySelector('.nav a')?.getAttribute('title'))).toBe('返回首頁');
    expect(await page.evaluate(() => document.querySelector('img')?.getAttribute('alt'))).toBe('會議現場照片');
    expect(await page.evaluate(() => document.querySelector('#q')?.getAttribute('placeholder'))).toBe('搜索本站內容');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant-TW');
    const frameText = () => (document.querySelector('#frame') as HTMLIFrameElement).contentDocument?.body.textContent;
    expect(await page.evaluate(frameText)).toBe('相關文件：機關黨建');
    expect(await page.evaluate(() => document.querySelector('#frame')?.getAttribute('title'))).toBe('相關文件');
    // Left alone: code, form values, editable regions, scripts.
    expect(await page.evaluate(text, 'pre')).toBe('预先格式的代码区：机关党建');
    expect(await page.evaluate(() => (document.querySelector('#q') as HTMLInputElement).value)).toBe('机关党建');
    expect(await page.evaluate(() => (document.querySelector('#msg') as HTMLTextAreaElement).value)).toBe('留言内容：机关党建');
    expect(await page.evaluate(text, '#editor')).toBe('编辑区：机关党建');
    expect(await page.evaluate(text, 'script')).toContain('脚本里的汉字');

    const cn = await send(page, { type: 'setScript', script: 'cn' });
    expect(cn.script.current).toBe('cn');
    expect(await page.evaluate(pageHtml)).toBe(before);

    await send(page, { type: 'setScript', script: 'hk' });
    expect(await page.evaluate(text, '.position')).toBe('首頁 > 政務公開 > 通知公告');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant-HK');
    const original = await send(page, { type: 'setScript', script: 'original' });
    expect(original.script.current).toBe('original');
    expect(await page.evaluate(pageHtml)).toBe(before);
    expect(await page.evaluate(frameText)).toBe('相关文件：机关党建');
    await page.close();
  });

  it('converts paragraphs a live page appends every 50 ms', async () => {
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>滚动新闻</title></head><body>
<div class="position">首页 &gt; 新闻中心</div><div id="zoom"><p>湖北省政协召开机关党建工作会议。</p></div>
<script>
window.__appended = [];
window.__start = () => {
  let i = 0;
  const zoom = document.getElementById('zoom');
  const timer = setInterval(() => {
    const p = document.createElement('p');
    p.textContent = '第' + i + '条：会议强调，要发挥好专门协商机构作用，进一步完善协商议政格局。';
    const record = { i, at: performance.now(), convertedAt: null };
    window.__appended.push(record);
    new MutationObserver((_, mo) => {
      if (p.textContent.includes('會議')) { record.convertedAt = performance.now(); mo.disconnect(); }
    }).observe(p, { subtree: true, characterData: true, childList: true });
    zoom.append(p);
    if (++i === 40) clearInterval(timer);
  }, 50);
};
</script></body></html>`;
    const page = await open('www.hbzx.gov.cn', '/news/live.shtml', html);
    await send(page, { type: 'setScript', script: 'tw' });
    await page.evaluate(() => (window as any).__start());
    await page.waitFor('40 appended paragraphs, all converted', () => {
      const list = (window as any).__appended as { convertedAt: number | null }[];
      return list.length === 40 && list.every((r) => r.convertedAt !== null);
    });
    const paragraphs = await page.evaluate(() => [...document.querySelectorAll('#zoom p')].map((p) => p.textContent));
    expect(paragraphs).toHaveLength(41);
    for (const p of paragraphs) expect(p).toContain('會議');
    const delays = await page.evaluate(() => ((window as any).__appended as { at: number; convertedAt: number }[]).map((r) => r.convertedAt - r.at));
    const sorted = [...delays].sort((a, b) => a - b);
    console.log(`[${browserName}] live page: append→converted delays ms median ${sorted[20].toFixed(1)}, max ${sorted[39].toFixed(1)}`);
    await page.close();
  });

  it('a phrase the reader adds or removes shows at once on a page shown in 繁體', async () => {
    const page = await open(HOST, '/zwgk/2024/0315/c3.shtml', fixtureText('convert/article.html'));
    await send(page, { type: 'setScript', script: 'tw' });
    expect(await page.evaluate(text, '.position')).toBe('首頁 > 政務公開 > 通知公告');
    const setPhrases = (phrases: unknown[]) =>
      messenger.ext!.evaluate((phrases) => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.set({ userPhrases: phrases }), phrases);
    await setPhrases([{ from: '政务公开', to: '資訊公開', direction: 's2t' }]);
    await page.waitFor('the new phrase on the page', () => document.querySelector('.position')?.textContent === '首頁 > 資訊公開 > 通知公告');
    await setPhrases([]);
    await page.waitFor('the dictionary again', () => document.querySelector('.position')?.textContent === '首頁 > 政務公開 > 通知公告');
    await send(page, { type: 'setScript', script: 'original' });
    expect(await page.evaluate(text, '.position')).toBe('首页 > 政务公开 > 通知公告');
    await page.close();
  });

  it('the seed page shows 首页 >自身建设 >机关党建 in 简体', async () => {
    const page = await open(SEED_HOST, SEED_PATH, fixtureText(SEED_PAGE));
    const before = await page.evaluate(text, '.position');
    const state = await send(page, { type: 'setScript', script: 'cn' });
    expect(state.script.source).toBe('hant');
    const shown = (await page.evaluate(text, '.position')) as string;
    // Pinyin readings after characters, e.g. 首頁(yè), are removed by repair; conversion is checked on the characters.
    const readings = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
    console.log(`[${browserName}] seed breadcrumb: ${before} → ${shown}`);
    expect(shown.replace(readings, '')).toBe('首页 >自身建设 >机关党建');
    await send(page, { type: 'setScript', script: 'original' });
    expect(await page.evaluate(text, '.position')).toBe(before);
    await page.close();
  });

  it('a per-site rule shows the site in 繁體 on its next pages without a click', async () => {
    const url = e2e.server.html(HOST, '/zwgk/2024/0315/c2.shtml', fixtureText('convert/article.html'));
    const origin = new URL(url).origin;
    await messenger.ext.evaluate(
      (origin) => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.set({ siteRules: { [origin]: { script: 'tw' } } }),
      origin,
    );
    const page = await e2e.session.open(url);
    await page.waitFor('the article in 繁體', () => document.querySelector('.position')?.textContent === '首頁 > 政務公開 > 通知公告');
    await page.reload();
    await page.waitFor('the article in 繁體 after reload', () => document.querySelector('.article-title')?.textContent?.includes('關於'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant-TW');
    await messenger.ext.evaluate(() => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.remove('siteRules'));
    await page.close();
  });

  it('leaves a text field value and caret untouched while the reader types', async () => {
    const page = await open(HOST, '/zwgk/2024/0315/c3.shtml', fixtureText('convert/article.html'));
    await send(page, { type: 'setScript', script: 'tw' });
    await page.click('#q');
    await page.evaluate(() => {
      const q = document.querySelector('#q') as HTMLInputElement;
      q.setSelectionRange(2, 2);
    });
    await page.type('#q', '发展');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    const field = await page.evaluate(() => {
      const q = document.querySelector('#q') as HTMLInputElement;
      return { value: q.value, caret: q.selectionStart, focused: document.activeElement === q };
    });
    expect(field).toEqual({ value: '机关发展党建', caret: 4, focused: true });
    await page.click('#msg');
    await page.evaluate(() => {
      const msg = document.querySelector('#msg') as HTMLTextAreaElement;
      msg.setSelectionRange(msg.value.length, msg.value.length);
    });
    await page.type('#msg', '会议');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    expect(await page.evaluate(() => (document.querySelector('#msg') as HTMLTextAreaElement).value)).toBe('留言内容：机关党建会议');
    await page.close();
  });
});
