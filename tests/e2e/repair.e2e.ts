import { describe, expect, it } from 'vitest';
import { fixtureText, SEED_HOST, SEED_PAGE, SEED_PATH } from './harness/fixtures';
import type { TestPage } from './harness/browsers';
import { browserName, qingduKind, useE2E, useMessenger } from './harness/setup';

/** UTF-8 bytes read as GBK, as a CMS that stored UTF-8 shows them. */
const utf8AsGbk = (s: string) => new TextDecoder('gbk').decode(Buffer.from(s, 'utf8'));

const PARAS = [
  '为认真贯彻落实党中央、国务院决策部署，扎实做好今年春季农业生产各项工作，现就有关事项通知如下。',
  '各地要切实增强责任感和紧迫感，把春耕生产摆在更加突出的位置，层层压实责任，确保各项措施落到实处。',
  '农业农村、商务、市场监管等部门要密切配合，确保农资供应充足、价格基本稳定、质量安全可靠。',
];

describe(`garbled-text repair in ${browserName}`, () => {
  const e2e = useE2E();
  const messenger = useMessenger(e2e);
  const { send } = messenger;

  async function open(url: string): Promise<TestPage> {
    const page = await e2e.session.open(url);
    await page.waitFor('Qingdu to finish with the page', qingduKind);
    return page;
  }

  /** Every text node of the page and its title, in order: what "exactly" is checked against. */
  const texts = () => {
    const out = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
    return out;
  };
  /** The same, for the page's HTML as served, parsed without Qingdu. */
  const servedTexts = async () => {
    const html = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const out = [doc.title];
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
    return out;
  };
  const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;

  it('repairs the seed page: breadcrumb, no reading notes, no 骸, no tag text; 显示原文 restores it', async () => {
    const page = await open(e2e.server.html(SEED_HOST, SEED_PATH, fixtureText(SEED_PAGE)));
    expect(await page.evaluate(text, '.position')).toBe('首頁 >自身建設 >機關黨建');
    const body = (await page.evaluate(() => document.body.textContent)) ?? '';
    expect(body).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/);
    expect(body).not.toContain('骸');
    expect(body).not.toContain('a href=');
    expect(await page.evaluate(text, '.info')).toContain('字體大小：【大');
    expect(await page.evaluate(() => document.title)).toBe('省政協機關開展“黨旗引領、攜手前行——我為精準扶貧辦實事”活動');
    // `以?shī)^戰`: the character is lost with its note; a subtle mark with a tooltip says so.
    expect(body).toContain('以〓戰到底');
    expect(await page.evaluate(() => document.querySelector('.qingdu-lost')?.getAttribute('title'))).toContain('丢失');

    const state = await send(page, { type: 'getState' });
    expect(state.repair.applied).toBe(true);
    expect(state.repair.byClass.I).toBeGreaterThan(150);
    expect(state.repair.byClass.H).toBeGreaterThanOrEqual(2);
    expect(state.meta.title).toBe('省政協機關開展“黨旗引領、攜手前行——我為精準扶貧辦實事”活動');

    const off = await send(page, { type: 'setRepair', applied: false });
    expect(off.repair).toEqual({ applied: false, total: 0, byClass: {} });
    expect(await page.evaluate(texts)).toEqual(await page.evaluate(servedTexts));
    expect(await page.evaluate(text, '.position')).toBe('首頁(yè) >自身建設(shè) >機(jī)關(guān)黨建');
    expect(await page.evaluate(() => document.querySelectorAll('.qingdu-lost').length)).toBe(0);

    const on = await send(page, { type: 'setRepair', applied: true });
    expect(on.repair.applied).toBe(true);
    expect(await page.evaluate(text, '.position')).toBe('首頁 >自身建設 >機關黨建');
    await page.close();
  });

  it('re-reads a GBK page served as charset=utf-8 and shows the right text', async () => {
    const title = '关于进一步做好春季农业生产工作的通知';
    const html = `<!doctype html><html><head><meta charset="gb2312"><title>${title}</title></head><body>
      <div class="position">首页 > 政务公开 > 通知公告</div>
      ${PARAS.map((p) => `<p>${p}</p>`).join('\n')}</body></html>`;
    const url = e2e.server.html('www.nongye.gov.cn', '/tzgg/2024/0305.htm', html, { encoding: 'gbk', contentType: 'text/html; charset=utf-8' });
    const page = await open(url);
    expect(await page.evaluate(() => document.characterSet)).toBe('UTF-8');
    expect(await page.evaluate(() => document.title)).toBe(title);
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('p'), (p) => p.textContent))).toEqual(PARAS);
    expect(await page.evaluate(text, '.position')).toBe('首页 > 政务公开 > 通知公告');
    const state = await send(page, { type: 'getState' });
    expect(state.repair.byClass.C).toBe(5);

    await send(page, { type: 'setRepair', applied: false });
    expect(await page.evaluate(() => document.title)).toContain('\uFFFD');
    expect(await page.evaluate(texts)).toEqual(await page.evaluate(servedTexts));
    await page.close();
  });

  it('repairs class A text in the body of a CMS page in place, and restores it exactly', async () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${utf8AsGbk('省人民政府办公厅关于春耕生产的通知')}</title></head><body>
      <div class="position">首页 > 政务公开</div>
      <div class="info">来源：${utf8AsGbk('省人民政府办公厅')}</div>
      ${PARAS.map((p) => `<p>${utf8AsGbk(p)}</p>`).join('\n')}
      <pre>${utf8AsGbk('代码区不改动')}</pre></body></html>`;
    const page = await open(e2e.server.html('www.hubei.gov.cn', '/zwgk/2024/cms.shtml', html));
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('p'), (p) => p.textContent))).toEqual(PARAS);
    expect(await page.evaluate(text, '.info')).toBe('来源：省人民政府办公厅');
    expect(await page.evaluate(() => document.title)).toBe('省人民政府办公厅关于春耕生产的通知');
    expect(await page.evaluate(text, 'pre')).toBe(utf8AsGbk('代码区不改动'));
    const state = await send(page, { type: 'getState' });
    expect(state.repair.byClass.A).toBe(5);

    await send(page, { type: 'setRepair', applied: false });
    expect(await page.evaluate(texts)).toEqual(await page.evaluate(servedTexts));
    await page.close();
  });

  it('leaves a clean government page and a blog with 曌(zhào) untouched', async () => {
    const clean = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>关于春耕生产的通知</title></head><body>
      ${PARAS.map((p) => `<p>${p}</p>`).join('\n')}<p>朱镕基同志讲话。甪(lù)直古镇。</p></body></html>`;
    const page = await open(e2e.server.html('www.hubei.gov.cn', '/zwgk/2024/clean.shtml', clean));
    expect(await page.evaluate(texts)).toEqual(await page.evaluate(servedTexts));
    expect((await send(page, { type: 'getState' })).repair).toEqual({ applied: true, total: 0, byClass: {} });
    await page.close();

    const blog = `<!doctype html><html><head><meta charset="utf-8"><title>读史札记</title></head><body>
      <p>武则天自造“曌(zhào)”字，意为日月当空。</p><p>今天读了几页史书，记下几个字。</p></body></html>`;
    const post = await e2e.session.open(e2e.server.html('blog.example.com', '/2024/zhao.html', blog));
    // Not a government page: Qingdu acts only when asked, then finds nothing to repair.
    const state = await send(post, { type: 'activate' });
    expect(state.repair.total).toBe(0);
    expect(await post.evaluate(texts)).toEqual(await post.evaluate(servedTexts));
    expect(await post.evaluate(() => document.body.textContent)).toContain('曌(zhào)');
    await post.close();
  });
});
