import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createConvertFeature, revertConversion } from '@/utils/convert/feature';
import { setDictionarySource } from '@/utils/convert/load';
import { userPhrasesItem } from '@/utils/storage';
import { articlePage, fetchCompiled } from './helpers';

// Compiling a dictionary from opencc-js takes about a second on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const waitUntil = (fn: () => void) => vi.waitFor(fn, { timeout: 5000, interval: 10 });

const page = articlePage;

const h1 = () => document.querySelector('h1')?.textContent;

beforeAll(() => setDictionarySource(fetchCompiled));
beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '<h1>关于发布实施条例的通知</h1><p>这个会议在机关举行。</p>';
});
afterEach(() => revertConversion(document));

describe('the reader’s phrase table in the conversion feature', () => {
  it('is read once at start, not on every setScript', async () => {
    await userPhrasesItem.setValue([{ from: '条例', to: '條規', direction: 's2t' }]);
    const read = vi.spyOn(userPhrasesItem, 'getValue');
    const feature = createConvertFeature();
    const p = page();
    await feature.start(p);
    expect(read).toHaveBeenCalledTimes(1);
    await feature.handle!({ type: 'setScript', script: 'tw' }, p);
    await feature.handle!({ type: 'setScript', script: 'original' }, p);
    await feature.handle!({ type: 'setScript', script: 'tw' }, p);
    expect(read).toHaveBeenCalledTimes(1);
    expect(h1()).toBe('關於發布實施條規的通知');
    feature.stop();
  });

  it('re-applies the current script when the table changes, and stops listening on stop', async () => {
    const html = document.body.innerHTML;
    const feature = createConvertFeature();
    const p = page('tw');
    await feature.start(p);
    expect(h1()).toBe('關於發布實施條例的通知');

    await userPhrasesItem.setValue([{ from: '条例', to: '條規', direction: 's2t' }]);
    await waitUntil(() => expect(h1()).toBe('關於發布實施條規的通知'));
    // A phrase for the other direction changes nothing here.
    await userPhrasesItem.setValue([{ from: '條例', to: '规例', direction: 't2s' }]);
    await waitUntil(() => expect(h1()).toBe('關於發布實施條例的通知'));
    expect(document.querySelector('p')?.textContent).toBe('這個會議在機關舉行。');

    // Shown as the page came: a change converts nothing.
    await feature.handle!({ type: 'setScript', script: 'original' }, p);
    expect(document.body.innerHTML).toBe(html);
    await userPhrasesItem.setValue([{ from: '会议', to: '會商', direction: 's2t' }]);
    await new Promise((r) => setTimeout(r, 50));
    expect(document.body.innerHTML).toBe(html);
    // The change was kept for the next conversion.
    await feature.handle!({ type: 'setScript', script: 'tw' }, p);
    expect(document.querySelector('p')?.textContent).toBe('這個會商在機關舉行。');

    feature.stop();
    expect(document.body.innerHTML).toBe(html);
    await userPhrasesItem.setValue([{ from: '条例', to: '條規', direction: 's2t' }]);
    await new Promise((r) => setTimeout(r, 50));
    expect(document.body.innerHTML).toBe(html);
  });

  it('keeps a change that arrives while the table is first read', async () => {
    await userPhrasesItem.setValue([{ from: '条例', to: '條規', direction: 's2t' }]);
    const feature = createConvertFeature();
    const p = page('tw');
    const original = userPhrasesItem.getValue.bind(userPhrasesItem);
    vi.spyOn(userPhrasesItem, 'getValue').mockImplementationOnce(async () => {
      const stale = await original();
      await userPhrasesItem.setValue([{ from: '条例', to: '章程', direction: 's2t' }]);
      await new Promise((r) => setTimeout(r, 20));
      return stale;
    });
    await feature.start(p);
    await waitUntil(() => expect(h1()).toBe('關於發布實施章程的通知'));
    feature.stop();
  });
});
