import { describe, expect, it } from 'vitest';
import {
  decodeReferences,
  isPinyinSpam,
  markLost,
  pinyinStats,
  repairMojibake,
  repairSlips,
  repairText,
  repairTexts,
  stripPinyin,
  type RepairClass,
} from '@/utils/repair/classes';
import { LOST_MARK } from '@/utils/repair/common';
import {
  big5AsGbk,
  fixture,
  gbkAsBig5,
  proseHans,
  proseHant,
  recovered,
  utf8AsCp1252,
  utf8AsGbk,
  utf8AsLatin1,
} from './garble';

const lines = (s: string) => s.split('\n').filter(Boolean);
const report: string[] = [];

/** Garbles every line, repairs it, and returns the share of characters recovered over all lines. */
function measure(label: string, text: string, garble: (s: string) => string, expected: RepairClass[]): number {
  let total = 0;
  let got = 0;
  const seen = new Set<string>();
  const originals = lines(text);
  const repaired = repairTexts(originals.map(garble));
  for (const [i, line] of originals.entries()) {
    const r = repaired[i];
    for (const k of Object.keys(r.counts)) seen.add(k);
    const n = Array.from(line).length;
    total += n;
    got += recovered(line, r.text) * n;
  }
  const share = got / total;
  report.push(`${label}: ${(share * 100).toFixed(2)}% of ${total} characters`);
  for (const cls of expected) expect(seen.has(cls), `${label} uses class ${cls}`).toBe(true);
  return share;
}

describe('repair classes on government prose', () => {
  it('prose fixtures hold at least 2,000 characters, Simplified and Traditional', () => {
    expect(proseHans().length + proseHant().length).toBeGreaterThanOrEqual(2000);
    expect(proseHant()).toContain('國務院');
    expect(proseHans()).toContain('国务院');
  });

  it('A: UTF-8 read as GBK recovers at least 95 %', () => {
    expect(measure('A 简 (UTF-8 as GBK)', proseHans(), utf8AsGbk, ['A'])).toBeGreaterThanOrEqual(0.95);
    expect(measure('A 繁 (UTF-8 as GBK)', proseHant(), utf8AsGbk, ['A'])).toBeGreaterThanOrEqual(0.95);
  });

  it('A: the issue examples, with the lost colon completed after a field label', () => {
    expect(repairText('浣犲ソ').text).toBe('你好');
    expect(repairText('鍏ㄥ浗').text).toBe('全国');
    expect(repairText('鍙戝竷鏃堕棿锛�2024').text).toBe('发布时间：2024');
    expect(repairText(utf8AsGbk('2024年3月5日，国务院办公厅发布通知')).text).toBe('2024年3月5日，国务院办公厅发布通知');
  });

  it('A: a lost character that context cannot complete is marked, never guessed', () => {
    const r = repairText(utf8AsGbk('国务院办公厅发布通知。') + ' ok');
    expect(r.text).toBe(`国务院办公厅发布通知${LOST_MARK} ok`);
    expect(r.text).not.toContain('\uFFFD');
  });

  it('A: mojibake after a correct label is repaired in place', () => {
    expect(repairText('来源：' + utf8AsGbk('国务院办公厅')).text).toBe('来源：国务院办公厅');
  });

  it('B: UTF-8 read as windows-1252 recovers 100 %, browser and Node decoders', () => {
    expect(measure('B 简 (browser windows-1252)', proseHans(), utf8AsCp1252, ['B'])).toBe(1);
    expect(measure('B 繁 (browser windows-1252)', proseHant(), utf8AsCp1252, ['B'])).toBe(1);
    expect(measure('B 简 (Node windows-1252 = Latin-1)', proseHans(), utf8AsLatin1, ['B'])).toBe(1);
    expect(repairText('ä½ å¥½').text).toBe('你好');
    expect(repairText('å›½åŠ¡é™¢').text).toBe('国务院');
  });

  it('B: a no-break space that became a plain space is tolerated', () => {
    const garbled = utf8AsCp1252('你好世界').replace(/\u00a0/g, ' ');
    expect(garbled).toContain(' ');
    expect(repairText(garbled).text).toBe('你好世界');
  });

  it('E: Big5 read as GBK recovers 100 %; GBK read as Big5 is measured', () => {
    expect(measure('E 繁 (Big5 as GBK)', proseHant(), big5AsGbk, ['E'])).toBe(1);
    expect(repairText('い地チ瓣').text).toBe('中華民國');
    const share = measure('E 简 (GBK as Big5, lossy decoder)', proseHans(), gbkAsBig5, []);
    expect(share).toBeGreaterThan(0);
  });

  it('F: two layers recover 100 %', () => {
    const twiceLatin = (s: string) => utf8AsCp1252(utf8AsCp1252(s));
    expect(measure('F 简 (UTF-8 as windows-1252, twice)', proseHans(), twiceLatin, ['F'])).toBe(1);
    expect(measure('F 繁 (UTF-8 as windows-1252, twice)', proseHant(), twiceLatin, ['F'])).toBe(1);
    const threeLatin = (s: string) => utf8AsCp1252(twiceLatin(s));
    expect(measure('F 简 (UTF-8 as windows-1252, three times)', proseHans(), threeLatin, ['F'])).toBe(1);
    expect(repairText('Ã¤Â½Â Ã¥Â¥Â½').text).toBe('你好');
  });

  it('F: GBK twice recovers what the second layer kept', () => {
    // Each GBK layer loses a byte at an odd run end; measure what comes back.
    const twiceGbk = (s: string) => utf8AsGbk(utf8AsGbk(s));
    expect(measure('F 简 (UTF-8 as GBK, twice)', proseHans(), twiceGbk, ['F'])).toBeGreaterThanOrEqual(0.95);
    expect(measure('F 繁 (UTF-8 as GBK, twice)', proseHant(), twiceGbk, ['F'])).toBeGreaterThanOrEqual(0.95);
    expect(repairText(utf8AsGbk(utf8AsGbk('国务院办公厅关于印发通知'))).text).toBe('国务院办公厅关于印发通知');
  });

  it('G: literal references decode once, 100 %', () => {
    const html = (s: string) => Array.from(s, (c) => (c.charCodeAt(0) > 0x7f ? `&#${c.codePointAt(0)};` : c)).join('');
    const hex = (s: string) => Array.from(s, (c) => (c.charCodeAt(0) > 0x7f ? `&#x${c.codePointAt(0)!.toString(16)};` : c)).join('');
    const js = (s: string) => Array.from(s, (c) => (c.charCodeAt(0) > 0x7f ? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0') : c)).join('');
    const pct = (s: string) => Array.from(s, (c) => (c.charCodeAt(0) > 0x7f ? encodeURIComponent(c) : c)).join('');
    expect(measure('G 简 (&#NNNNN;)', proseHans(), html, ['G'])).toBe(1);
    expect(measure('G 繁 (&#xHHHH;)', proseHant(), hex, ['G'])).toBe(1);
    expect(measure('G 简 (\\uHHHH)', proseHans(), js, ['G'])).toBe(1);
    expect(measure('G 繁 (%XX)', proseHant(), pct, ['G'])).toBe(1);
    expect(decodeReferences('&#20320;&#22909;')).toBe('你好');
    // A percent-encoded path inside a URL stays a URL.
    const url = 'https://www.gov.cn/a/%E4%BD%A0%E5%A5%BD.htm';
    expect(decodeReferences(url)).toBe(url);
    // A lone reference is not a run.
    expect(decodeReferences('&#20320;')).toBe('&#20320;');
  });

  it('D: lost text is marked, one mark per run, and counted', () => {
    const counts = {};
    expect(markLost('通知锟斤拷锟斤拷如下烫烫烫烫和屯屯屯', counts)).toBe(`通知${LOST_MARK}如下${LOST_MARK}和${LOST_MARK}`);
    expect(counts).toEqual({ D: 3 });
    expect(markLost('他烫了烫手，屯兵边境')).toBe('他烫了烫手，屯兵边境');
    // Through the whole pipeline too: 烫 and 屯 are common characters.
    expect(repairText('变量的值是烫烫烫烫烫烫').text).toBe(`变量的值是${LOST_MARK}`);
    expect(repairText('内存里全是屯屯屯屯').text).toBe(`内存里全是${LOST_MARK}`);
  });

  it('H: slipped boilerplate re-aligns and leaked tag text is removed', () => {
    const counts = {};
    expect(repairSlips('字體大?。骸?a href="javascript:;" class="font01">大', counts)).toBe('字體大小：【大');
    expect(counts).toEqual({ H: 1 });
    // Garbled forms are generated with the platform decoder, so Simplified works the same way.
    const gbk = [...new TextEncoder().encode('')];
    expect(gbk).toEqual([]);
    const simplified = repairSlips(slip('字体大小：【') + 'a href="#" class="f">大');
    expect(simplified).toBe('字体大小：【大');
    expect(repairSlips(slip('发布时间：') + '2024-03-05')).toBe('发布时间：2024-03-05');
    // English punctuation before markup-like text is left alone.
    expect(repairSlips('what?a href="x">')).toBe('what?a href="x">');
  });

  it('I: pinyin spam is removed, legitimate notes are kept', () => {
    const spam = '首頁(yè) >自身建設(shè) >機(jī)關(guān)黨建 省政協(xié)機(jī)關(guān)';
    const stats = pinyinStats(spam);
    expect(isPinyinSpam(stats)).toBe(true);
    expect(stripPinyin(spam)).toBe('首頁 >自身建設 >機關黨建 省政協機關');
    expect(isPinyinSpam(pinyinStats('甪直古镇的甪(lù)直二字'))).toBe(false);
    expect(isPinyinSpam(pinyinStats('我(wǒ)在(zài)学(xué)校(xiào)学(xué)习(xí)中(zhōng)文(wén)'))).toBe(false);
    expect(isPinyinSpam(pinyinStats('武则天自造“曌(zhào)”字'))).toBe(false);
  });

  it('false positives: clean prose, rare names, classical lines, Japanese, Korean and code are unchanged', () => {
    const corpus = [...lines(proseHans()), ...lines(proseHant()), ...lines(fixture('clean-extra.txt'))];
    const page = pinyinStats(corpus.join('\n'));
    let changes = 0;
    const changed: string[] = [];
    for (const line of corpus) {
      const r = repairText(line, { pinyinPage: isPinyinSpam(page) });
      if (r.text !== line) {
        changes++;
        changed.push(line);
      }
    }
    expect(changed).toEqual([]);
    expect(changes).toBe(0);
    report.push(`false positives: ${changes} changes over ${corpus.length} lines`);
  });

  it('repairs are idempotent', () => {
    for (const line of lines(proseHans()).slice(0, 6)) {
      const once = repairText(utf8AsGbk(line)).text;
      expect(repairText(once).text).toBe(once);
    }
  });

  it('prints the recovery report', () => {
    console.log(['recovery per class:', ...report].join('\n  '));
    expect(report.length).toBeGreaterThan(10);
  });
});

/** The phrase with the lead byte of its 4th character lost: encode, replace a byte with `?`, decode. */
function slip(phrase: string): string {
  const bytes = [...iconvEncode(phrase)];
  const chars = Array.from(phrase);
  const k = 3;
  let at = 0;
  for (let i = 0; i < k; i++) at += chars[i].charCodeAt(0) < 0x80 ? 1 : 2;
  bytes[at] = 0x3f; // the lost byte shows as `?`
  bytes.push(0x3c); // the `<` of the tag that follows
  const text = new TextDecoder('gbk').decode(Uint8Array.from(bytes));
  return text.endsWith('<') ? text.slice(0, -1) : text.replace(/\uFFFD<$/, '?');
}

import iconv from 'iconv-lite';
function iconvEncode(s: string): Buffer {
  return iconv.encode(s, 'gbk');
}
