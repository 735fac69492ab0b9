import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as OpenCC from 'opencc-js';
import { DomConverter } from '@/utils/convert/dom';
import { convertFeature, convertSelection, revertConversion } from '@/utils/convert/feature';
import { setDictionarySource } from '@/utils/convert/load';
import type { PageState } from '@/utils/messages';
import { userPhrasesItem } from '@/utils/storage';
import { articlePage, fetchCompiled } from './helpers';

// Compiling a dictionary from opencc-js takes about a second on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const s2tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const waitUntil = (fn: () => void) => vi.waitFor(fn, { timeout: 3000, interval: 10 });
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(() => setDictionarySource(fetchCompiled));
afterEach(() => revertConversion(document));

describe('live pages', () => {
  it('converts what the page appends, in one batch, and never reacts to its own writes', async () => {
    document.body.innerHTML = '<main><p>第一段内容</p></main>';
    const engine = new DomConverter(document);
    await engine.apply(s2tw, 'zh-Hant-TW');
    const main = document.querySelector('main') as HTMLElement;
    for (let i = 0; i < 200; i++) {
      const p = document.createElement('p');
      p.textContent = `第${i}条新闻发布会`;
      main.append(p);
    }
    const last = main.lastElementChild as HTMLElement;
    await waitUntil(() => expect(last.textContent).toBe(s2tw('第199条新闻发布会')));
    expect(engine.batches).toBe(1);
    for (const p of main.querySelectorAll('p')) expect(p.textContent).toBe(s2tw(p.textContent as string));
    await tick(100);
    expect(engine.batches).toBe(1);
    engine.revert();
    expect(last.textContent).toBe('第199条新闻发布会');
  });

  it('takes text the page writes over converted text as the new original', async () => {
    document.body.innerHTML = '<p id="a">机关党建</p>';
    const engine = new DomConverter(document);
    await engine.apply(s2tw, 'zh-Hant-TW');
    const text = (document.getElementById('a') as HTMLElement).firstChild as Text;
    expect(text.data).toBe('機關黨建');
    text.data = '自身建设';
    await waitUntil(() => expect(text.data).toBe('自身建設'));
    expect(engine.originalText(document.body)).toBe('自身建设');
    engine.revert();
    expect(text.data).toBe('自身建设');
  });

  it('does not write a value it already wrote when the page changes it back (no loops)', async () => {
    document.body.innerHTML = '<p id="a">机关党建</p>';
    const engine = new DomConverter(document);
    await engine.apply(s2tw, 'zh-Hant-TW');
    const text = (document.getElementById('a') as HTMLElement).firstChild as Text;
    text.data = '机关党建';
    await waitUntil(() => expect(engine.conflicts).toBe(1));
    expect(text.data).toBe('机关党建');
    engine.revert();
    expect(text.data).toBe('机关党建');
  });

  it('converts added nodes only outside editable and code regions', async () => {
    document.body.innerHTML = '<div contenteditable="true"></div><pre></pre><div id="ok"></div>';
    const engine = new DomConverter(document);
    await engine.apply(s2tw, 'zh-Hant-TW');
    document.querySelector('[contenteditable]')?.append('编辑中的汉字');
    document.querySelector('pre')?.append('代码汉字');
    document.getElementById('ok')?.append('会议汉字');
    await waitUntil(() => expect(document.getElementById('ok')?.textContent).toBe('會議漢字'));
    expect(document.querySelector('[contenteditable]')?.textContent).toBe('编辑中的汉字');
    expect(document.querySelector('pre')?.textContent).toBe('代码汉字');
    engine.revert();
  });
});

describe('selection and the feature', () => {
  it('converts only the selected text, and 原文 puts it back', async () => {
    document.body.innerHTML = '<p id="a">机关党建工作会议</p>';
    const text = (document.getElementById('a') as HTMLElement).firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 4);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    expect(await convertSelection(document, 'tw', { fetchBytes: fetchCompiled })).toBe(1);
    expect(text.data).toBe('機關黨建工作会议');
    revertConversion(document);
    expect(text.data).toBe('机关党建工作会议');
  });

  const page = articlePage;

  function state(): PageState['script'] {
    const s = { script: { current: 'original', source: 'unknown' } } as PageState;
    convertFeature.describe(s);
    return s.script;
  }

  it('applies the site rule on start, handles setScript and cycleScript, and stop restores', async () => {
    document.body.innerHTML = '<h1>关于发布实施条例的通知</h1><p>这个会议在机关举行。</p>';
    const html = document.body.innerHTML;
    await userPhrasesItem.setValue([{ from: '条例', to: '條規', direction: 's2t' }]);
    const p = page('tw');
    await convertFeature.start(p);
    expect(state()).toEqual({ current: 'tw', source: 'hans' });
    expect(document.querySelector('h1')?.textContent).toBe('關於發布實施條規的通知');
    expect(await convertFeature.handle?.({ type: 'setScript', script: 'original' }, p)).toBe(true);
    expect(document.body.innerHTML).toBe(html);
    await convertFeature.handle?.({ type: 'cycleScript' }, p);
    expect(state().current).toBe('cn');
    expect(document.body.innerHTML).toBe(html);
    await convertFeature.handle?.({ type: 'cycleScript' }, p);
    expect(state().current).toBe('tw');
    expect(document.querySelector('p')?.textContent).toBe('這個會議在機關舉行。');
    expect(await convertFeature.handle?.({ type: 'getState' }, p)).toBeUndefined();
    convertFeature.stop();
    expect(document.body.innerHTML).toBe(html);
    expect(state().current).toBe('original');
    await userPhrasesItem.setValue([]);
  });
});
