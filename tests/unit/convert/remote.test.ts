import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerConvertRequest } from '@/utils/convert/background';
import type { ConfigName } from '@/utils/convert/configs';
import { applyConversion, revertConversion } from '@/utils/convert/feature';
import { textConverter } from '@/utils/convert/converter';
import { BACKGROUND_IDLE_MS, backgroundConverter, type RemoteConvert } from '@/utils/convert/remote';
import { setDictionarySource } from '@/utils/convert/load';
import { DomConverter } from '@/utils/convert/dom';
import type { UserPhrase } from '@/utils/settings';
import { fetchCompiled } from './helpers';

// Compiling a dictionary from opencc-js takes about a second on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const PAGE = `<head><title>湖北省政协机关党建工作简报</title></head><body>
<nav><a href="/" title="返回首页">首页</a> &gt; 机关党建</nav>
<article><h1>关于发布实施条例的通知</h1><p>各市、州、县人民政府：现将条例印发给你们，请认真贯彻执行。</p>
<p>这个会议在机关举行。</p><p>这个会议在机关举行。</p><p>   </p>
<img src="x.png" alt="会议现场照片"><textarea placeholder="请输入留言">留言内容不变</textarea><code>代码里的汉字</code></article></body>`;

function setUp(): void {
  document.documentElement.innerHTML = PAGE;
  document.documentElement.setAttribute('lang', 'zh-CN');
}

/**
 * The page and the background share this process's dictionary cache in tests, so the background
 * builds its converter first, and the page then starts without a parsed dictionary.
 */
async function backgroundReady(config: ConfigName = 's2tw'): Promise<void> {
  await answerConvertRequest({ type: 'warmConverter', config, phrases: [] });
  setDictionarySource(fetchCompiled);
}

/** A dictionary source for the page that answers only when released. */
function heldSource(): () => void {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  setDictionarySource(async (path) => {
    await gate;
    return fetchCompiled(path);
  });
  return () => release();
}

/** The background's converter, called the way a page's message reaches it. */
const background: RemoteConvert = async (config, texts, phrases) =>
  (await answerConvertRequest({ type: 'convertTexts', config, texts, phrases: [...phrases] })) as string[];

const opts = { region: 'tw' as const, twPhrases: false };

/** The page as converted by its own dictionary alone. */
async function localResult(): Promise<string> {
  setUp();
  await applyConversion(document, 'tw', opts);
  const html = document.documentElement.outerHTML;
  revertConversion(document);
  return html;
}

beforeAll(() => {
  fakeBrowser.reset();
  setDictionarySource(fetchCompiled);
});
afterEach(() => {
  revertConversion(document);
  setDictionarySource(fetchCompiled);
});

describe('the first conversion answered by the background', () => {
  it('writes what the page’s own converter would, then hands over to it for later changes', async () => {
    const expected = await localResult();
    setUp();
    const original = document.documentElement.outerHTML;
    await backgroundReady();
    const release = heldSource();
    const remote = vi.fn(background);
    // The page's dictionary is held: only the background can answer.
    await applyConversion(document, 'tw', { ...opts, remote });
    expect(remote).toHaveBeenCalledTimes(1);
    const [config, texts] = remote.mock.calls[0];
    expect(config).toBe('s2tw');
    // Each distinct text once; blank text and what must not be converted are not sent.
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toContain('这个会议在机关举行。');
    expect(texts).toContain('会议现场照片');
    expect(texts.some((t) => !t.trim())).toBe(false);
    expect(texts).not.toContain('代码里的汉字');
    expect(texts).not.toContain('留言内容不变');
    expect(document.documentElement.outerHTML).toBe(expected);

    // A change while only the background's answers are known waits for the page's own converter.
    document.querySelector('h1')!.firstChild!.nodeValue = '后来改写的标题';
    document.body.insertAdjacentHTML('beforeend', '<p id="late">后来加的内容</p>');
    await new Promise((r) => setTimeout(r, 60));
    expect(document.querySelector('h1')?.textContent).toBe('后来改写的标题');
    release();
    await vi.waitFor(() => {
      expect(document.querySelector('h1')?.textContent).toBe('後來改寫的標題');
      expect(document.getElementById('late')?.textContent).toBe('後來加的內容');
    });
    document.getElementById('late')!.remove();
    document.querySelector('h1')!.firstChild!.nodeValue = '关于发布实施条例的通知';
    await applyConversion(document, 'original', opts);
    expect(document.documentElement.outerHTML).toBe(original);
  });

  it('uses the page’s own converter when the background fails or answers something else', async () => {
    const expected = await localResult();
    for (const remote of [
      vi.fn<RemoteConvert>(async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }),
      vi.fn<RemoteConvert>(async (_c, texts) => texts.slice(1)),
      vi.fn<RemoteConvert>(async () => 'not a list' as never),
    ]) {
      setUp();
      setDictionarySource(fetchCompiled);
      await applyConversion(document, 'tw', { ...opts, remote });
      expect(remote).toHaveBeenCalledTimes(1);
      expect(document.documentElement.outerHTML).toBe(expected);
      revertConversion(document);
    }
  });

  it('is not asked once the page has its own dictionary', async () => {
    setUp();
    await applyConversion(document, 'tw', opts);
    revertConversion(document);
    const remote = vi.fn(background);
    await applyConversion(document, 'tw', { ...opts, remote });
    expect(remote).not.toHaveBeenCalled();
    expect(document.querySelector('h1')?.textContent).toBe('關於發布實施條例的通知');
  });

  it('ends cleanly when 原文 comes before the page’s own dictionary', async () => {
    setUp();
    const original = document.documentElement.outerHTML;
    await backgroundReady();
    const release = heldSource();
    await applyConversion(document, 'tw', { ...opts, remote: background });
    expect(document.querySelector('h1')?.textContent).toBe('關於發布實施條例的通知');
    await applyConversion(document, 'original', opts);
    release();
    await new Promise((r) => setTimeout(r, 50));
    expect(document.documentElement.outerHTML).toBe(original);
  });
});

describe('the background’s converter', () => {
  it('converts exactly as the page does, with the reader’s phrases', async () => {
    const texts = ['关于发布实施条例的通知', '软件和硬件', '这个会议在机关举行。', '', 'Latin only'];
    const phrases: UserPhrase[] = [{ from: '条例', to: '條規', direction: 's2t' }];
    for (const config of ['s2tw', 's2twp', 's2hk'] as ConfigName[]) {
      const page = await textConverter(config, { userPhrases: phrases });
      expect(await answerConvertRequest({ type: 'warmConverter', config, phrases })).toBe(true);
      expect(await answerConvertRequest({ type: 'convertTexts', config, texts, phrases })).toEqual(texts.map(page));
    }
  });

  it('answers null at once until a page has warmed its converter', async () => {
    const request = { type: 'convertTexts' as const, config: 'hk2s' as ConfigName, texts: ['關於發布實施條例的通知'], phrases: [] };
    expect(await answerConvertRequest(request)).toBeNull();
    expect(await answerConvertRequest(request)).toBeNull();
    await answerConvertRequest({ type: 'warmConverter', config: 'hk2s', phrases: [] });
    expect(await answerConvertRequest(request)).toEqual(['关于发布实施条例的通知']);
  });

  it('refuses malformed requests', async () => {
    await expect(answerConvertRequest({ type: 'convertTexts', config: 'x2y' as ConfigName, texts: [], phrases: [] })).rejects.toThrow(
      /malformed/,
    );
    await expect(answerConvertRequest({ type: 'convertTexts', config: 's2tw', texts: [1 as never], phrases: [] })).rejects.toThrow(/malformed/);
    await expect(answerConvertRequest({ type: 'warmConverter', config: 'x' as ConfigName, phrases: [] })).rejects.toThrow(/unknown/);
  });
});

describe('asking the background from a page', () => {
  it('asks only while the background has answered within its idle time', async () => {
    let clock = 1_000_000;
    const replies: unknown[] = [true, null, true];
    const sent: string[] = [];
    const remote = backgroundConverter(
      async (msg) => {
        sent.push(msg.type);
        return replies.shift();
      },
      () => clock,
    );
    // Nothing heard yet: the background may not be running.
    expect(remote.available!()).toBe(false);
    await remote.warm('s2tw', []);
    expect(remote.available!()).toBe(true);
    clock += BACKGROUND_IDLE_MS - 1;
    // A null answer (no converter loaded) does not count as an answer.
    expect(await remote('s2tw', ['转换'], [])).toBeNull();
    clock += 2;
    expect(remote.available!()).toBe(false);
    await remote.warm('s2tw', []);
    expect(remote.available!()).toBe(true);
    expect(sent).toEqual(['warmConverter', 'convertTexts', 'warmConverter']);
  });

  it('does not ask when the background is presumed stopped', async () => {
    setUp();
    setDictionarySource(fetchCompiled);
    const remote = Object.assign(vi.fn(background), { available: () => false });
    await applyConversion(document, 'tw', { ...opts, remote });
    expect(remote).not.toHaveBeenCalled();
    expect(document.querySelector('h1')?.textContent).toBe('關於發布實施條例的通知');
  });
});

describe('preparedTexts', () => {
  it('lists distinct texts and attribute values, and nothing over the limit', () => {
    setUp();
    const engine = new DomConverter(document);
    expect(engine.preparedTexts(1000)).toBeUndefined();
    engine.prepare();
    const texts = engine.preparedTexts(10_000)!;
    expect(texts.filter((t) => t === '这个会议在机关举行。')).toHaveLength(1);
    expect(texts).toContain('返回首页');
    expect(texts).toContain('湖北省政协机关党建工作简报');
    expect(engine.preparedTexts(10)).toBeUndefined();
    engine.unprepare();
  });
});
