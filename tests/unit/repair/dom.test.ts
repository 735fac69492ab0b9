import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyRepair, repairCounts, revertRepair } from '@/utils/repair/feature';
import { repairText, isPinyinSpam, pinyinStats } from '@/utils/repair/classes';
import { LOST_MARK } from '@/utils/repair/common';
import { repairMisdecodedPage, decodeLegacyPage, type Fetcher } from '@/utils/repair/refetch';
import { repairsOf } from '@/utils/repair/dom';
import { utf8AsGbk, utf8AsCp1252 } from './garble';

const SEED = readFileSync(resolve(__dirname, '../../fixtures/pages/seed-cppcc-article.html'), 'utf8');

function makeDoc(html: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  return doc;
}

const noFetch: Fetcher = async () => {
  throw new Error('no network in this test');
};

function snapshot(doc: Document): string {
  return doc.documentElement.outerHTML;
}

describe('repair on the seed page (pure functions on its text)', () => {
  it('the seed text comes out with a clean breadcrumb, no notes, no 骸, no tag text', () => {
    const doc = makeDoc(SEED);
    const text = doc.body.textContent!;
    const r = repairText(text, { pinyinPage: isPinyinSpam(pinyinStats(text)) });
    expect(r.text).toContain('首頁 >自身建設 >機關黨建');
    expect(r.text).not.toMatch(/\((?:yè|shè|jī|guān)\)/);
    expect(r.text).not.toContain('骸');
    expect(r.text).not.toContain('a href=');
    expect(r.text).toContain('字體大小：【大');
    expect(r.counts.I).toBeGreaterThan(150);
    expect(r.counts.H).toBeGreaterThanOrEqual(2);
  });
});

describe('repair on documents', () => {
  it('repairs the seed document and 显示原文 restores it exactly', async () => {
    const doc = makeDoc(SEED);
    const before = snapshot(doc);
    const counts = await applyRepair(doc, 'http://www.hbzx.gov.cn/a.html', noFetch);
    expect(doc.querySelector('.position')!.textContent).toBe('首頁 >自身建設 >機關黨建');
    expect(doc.title).toBe('省政協機關開展“黨旗引領、攜手前行——我為精準扶貧辦實事”活動');
    expect(doc.querySelector('.info')!.textContent).toContain('字體大小：【大');
    expect(doc.body.textContent).not.toContain('a href=');
    expect(counts.total).toBeGreaterThan(150);
    expect(counts.byClass.I).toBeGreaterThan(150);
    const repaired = snapshot(doc);
    // Applying again changes nothing.
    await applyRepair(doc, 'http://www.hbzx.gov.cn/a.html', noFetch);
    expect(snapshot(doc)).toBe(repaired);
    revertRepair(doc);
    expect(snapshot(doc)).toBe(before);
    expect(repairCounts(doc)).toEqual({ applied: false, total: 0, byClass: {} });
    // And again after the revert gives the same repaired page.
    await applyRepair(doc, 'http://www.hbzx.gov.cn/a.html', noFetch);
    expect(snapshot(doc)).toBe(repaired);
  });

  it('repairs class A and B text in place and leaves code, pre, textarea and translate=no alone', async () => {
    const garbledA = utf8AsGbk('国务院办公厅关于印发通知');
    const garbledB = utf8AsCp1252('省人民政府办公厅');
    const doc = makeDoc(`<head><title>${garbledA}</title></head><body>
      <p id="a">来源：${garbledA}</p><p id="b">${garbledB}</p>
      <code>${garbledA}</code><pre>${garbledA}</pre><textarea>${garbledA}</textarea>
      <p translate="no">${garbledA}</p><p class="notranslate">${garbledA}</p>
      <div contenteditable="true">${garbledA}</div><script>var s = "${garbledA}";</script></body>`);
    const counts = await applyRepair(doc, 'https://www.gov.cn/x.htm', noFetch);
    expect(doc.getElementById('a')!.textContent).toBe('来源：国务院办公厅关于印发通知');
    expect(doc.getElementById('b')!.textContent).toBe('省人民政府办公厅');
    expect(doc.title).toBe('国务院办公厅关于印发通知');
    for (const sel of ['code', 'pre', 'textarea', '[translate=no]', '.notranslate', '[contenteditable]', 'script'])
      expect(doc.querySelector(sel)!.textContent, sel).toContain(garbledA);
    expect(counts.byClass).toEqual({ A: 2, B: 1 });
  });

  it('marks lost text with a visible mark and counts it', async () => {
    const doc = makeDoc('<body><p>本次会议锟斤拷锟斤拷审议通过了有关事项。</p></body>');
    const before = snapshot(doc);
    const counts = await applyRepair(doc, 'https://www.gov.cn/x.htm', noFetch);
    expect(doc.body.textContent).toBe(`本次会议${LOST_MARK}审议通过了有关事项。`);
    expect(counts.byClass).toEqual({ D: 1 });
    const mark = doc.querySelector('p > span.qingdu-lost')!;
    expect(mark.textContent).toBe(LOST_MARK);
    expect(mark.getAttribute('title')).toContain('丢失');
    revertRepair(doc);
    expect(snapshot(doc)).toBe(before);
    expect(doc.querySelector('p')!.childNodes).toHaveLength(1);
  });

  it('leaves a clean page, a blog with 曌(zhào) and a Japanese page untouched', async () => {
    for (const [html, href] of [
      ['<body><p>国务院办公厅关于印发通知。朱镕基同志讲话，陶喆演唱。</p></body>', 'https://www.gov.cn/a.htm'],
      ['<body><p>武则天自造“曌(zhào)”字，意为日月当空。甪(lù)直古镇。</p></body>', 'https://blog.example.com/a'],
      [`<html lang="ja"><body><p>東京都は日本の首都です。${utf8AsGbk('国务院办公厅')}</p></body>`, 'https://example.jp/'],
    ] as const) {
      const doc = makeDoc(html);
      const before = snapshot(doc);
      const counts = await applyRepair(doc, href, noFetch);
      expect(snapshot(doc), href).toBe(before);
      expect(counts.total).toBe(0);
    }
  });

  it('C: re-reads a GBK page served as UTF-8 and decodes it with its own charset', async () => {
    const html = '<html><head><meta charset="gb2312"><title>关于做好春耕生产的通知</title></head><body><p>各市、州、县人民政府：为认真贯彻落实党中央决策部署，现就有关事项通知如下。</p><p>2024年3月5日</p></body></html>';
    const bytes = iconv.encode(html, 'gbk');
    // happy-dom would honour the meta tag; a browser honours the HTTP header (charset=utf-8).
    const asShown = new TextDecoder('utf-8').decode(bytes).replace(/<meta[^>]*>/, '');
    const doc = makeDoc(asShown);
    expect(doc.characterSet).toBe('UTF-8');
    expect(doc.body.textContent).toContain('\uFFFD');
    const before = snapshot(doc);
    const requests: Array<[string, RequestInit]> = [];
    const fetcher: Fetcher = async (url, init) => {
      requests.push([url, init]);
      return new Response(new Uint8Array(bytes), { headers: { 'content-type': 'text/html; charset=utf-8' } });
    };
    const counts = await applyRepair(doc, 'http://www.example.gov.cn/a.html#top', fetcher);
    expect(requests).toHaveLength(1);
    expect(requests[0][0]).toBe('http://www.example.gov.cn/a.html');
    expect(requests[0][1].method).toBe('GET');
    expect(requests[0][1].cache).toBe('force-cache');
    expect(doc.title).toBe('关于做好春耕生产的通知');
    expect(doc.body.textContent).toContain('现就有关事项通知如下。');
    expect(counts.byClass.C).toBe(3);
    revertRepair(doc);
    expect(snapshot(doc)).toBe(before);
  });

  it('C: refuses no-store responses and bytes that do not reproduce the page', async () => {
    const html = '<html><head><title>关于做好春耕生产的通知</title></head><body><p>现就有关事项通知如下，请认真贯彻执行。</p></body></html>';
    const bytes = iconv.encode(html, 'gbk');
    const doc = makeDoc(new TextDecoder('utf-8').decode(bytes));
    const noStore: Fetcher = async () => new Response(new Uint8Array(bytes), { headers: { 'cache-control': 'no-store' } });
    expect(await repairMisdecodedPage(repairsOf(doc), 'http://a.gov.cn/', noStore)).toMatchObject({ nodes: 0, skipped: 'no-store' });
    const other = iconv.encode(html.replace('请认真', '务必'), 'gbk');
    const changed: Fetcher = async () => new Response(new Uint8Array(other));
    expect(await repairMisdecodedPage(repairsOf(doc), 'http://a.gov.cn/', changed)).toMatchObject({ nodes: 0 });
    expect(doc.body.textContent).toContain('\uFFFD');
  });

  it('C: picks Big5 for a Traditional page without a declared charset', () => {
    const bytes = iconv.encode('<p>中華民國政府公告：本部為推動數位政策，特此公告週知。</p>', 'big5');
    expect(decodeLegacyPage(bytes)?.charset).toBe('big5');
  });
});
