import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as OpenCC from 'opencc-js';
import { applyConversion, convertSelection, revertConversion, textInPageScript } from '@/utils/convert/feature';
import { setDictionarySource } from '@/utils/convert/load';
import { fetchCompiled } from './helpers';

// Compiling a dictionary from opencc-js takes about a second on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const s2tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const s2hk = OpenCC.Converter({ from: 'cn', to: 'hk' });

const PAGE = `<head><title>湖北省政协机关党建工作简报</title></head><body>
<nav><a href="/" title="返回首页">首页</a> &gt; <a href="/zsjs" aria-label="自身建设栏目">自身建设</a> &gt; 机关党建</nav>
<article><h1>关于发布实施条例的通知</h1><p>各市、州、县人民政府：现将条例印发给你们，请认真贯彻执行。</p>
<img src="x.png" alt="会议现场照片"><input id="q" placeholder="搜索本站内容" value="输入的内容"><textarea placeholder="请输入留言">留言内容不变</textarea>
<pre>预先格式的代码区</pre><code>代码里的汉字</code><script>var s = "脚本里的汉字";</script><style>.a::after{content:"样式汉字"}</style>
<div contenteditable="true">编辑区里的汉字</div><span translate="no">不要翻译的汉字</span><span class="notranslate">也不要翻译</span>
<p lang="ja">日本語の漢字会议</p><div id="host"></div></article></body>`;

function snapshot(): string {
  const host = document.getElementById('host') as HTMLElement;
  return [
    document.documentElement.outerHTML,
    host.shadowRoot?.innerHTML ?? '',
    (document.getElementById('q') as HTMLInputElement).value,
    document.title,
  ].join('\n---\n');
}

function setUp(): void {
  document.documentElement.innerHTML = PAGE;
  document.documentElement.setAttribute('lang', 'zh-CN');
  const host = document.getElementById('host') as HTMLElement;
  host.attachShadow({ mode: 'open' }).innerHTML = '<p title="影子里的标题">影子里的汉字</p>';
}

const opts = { region: 'tw' as const, twPhrases: false, fetchBytes: fetchCompiled };

beforeAll(() => setDictionarySource(fetchCompiled));
afterEach(() => revertConversion(document));

describe('DOM conversion with exact restore', () => {
  it('converts text, title, attributes and open shadow roots, and leaves the rest alone', async () => {
    setUp();
    await applyConversion(document, 'tw', opts);
    expect(document.title).toBe(s2tw('湖北省政协机关党建工作简报'));
    expect(document.querySelector('h1')?.textContent).toBe('關於發布實施條例的通知');
    expect(document.querySelector('nav a')?.getAttribute('title')).toBe('返回首頁');
    expect(document.querySelector('nav a[aria-label]')?.getAttribute('aria-label')).toBe('自身建設欄目');
    expect(document.querySelector('img')?.getAttribute('alt')).toBe('會議現場照片');
    expect(document.getElementById('q')?.getAttribute('placeholder')).toBe('搜索本站內容');
    expect(document.querySelector('textarea')?.getAttribute('placeholder')).toBe('請輸入留言');
    const shadow = (document.getElementById('host') as HTMLElement).shadowRoot as ShadowRoot;
    expect(shadow.querySelector('p')?.textContent).toBe(s2tw('影子里的汉字'));
    expect(shadow.querySelector('p')?.getAttribute('title')).toBe(s2tw('影子里的标题'));
    expect(document.documentElement.getAttribute('lang')).toBe('zh-Hant-TW');
    // Untouched.
    expect((document.getElementById('q') as HTMLInputElement).value).toBe('输入的内容');
    expect(document.querySelector('textarea')?.textContent).toBe('留言内容不变');
    expect(document.querySelector('pre')?.textContent).toBe('预先格式的代码区');
    expect(document.querySelector('code')?.textContent).toBe('代码里的汉字');
    expect(document.querySelector('script')?.textContent).toContain('脚本里的汉字');
    expect(document.querySelector('style')?.textContent).toContain('样式汉字');
    expect(document.querySelector('[contenteditable]')?.textContent).toBe('编辑区里的汉字');
    expect(document.querySelector('[translate]')?.textContent).toBe('不要翻译的汉字');
    expect(document.querySelector('.notranslate')?.textContent).toBe('也不要翻译');
    expect(document.querySelector('[lang="ja"]')?.textContent).toBe('日本語の漢字会议');
  });

  it('restores byte for byte, and 简体 on a Simplified page is the original', async () => {
    setUp();
    const before = snapshot();
    await applyConversion(document, 'tw', opts);
    expect(snapshot()).not.toBe(before);
    await applyConversion(document, 'cn', opts);
    expect(snapshot()).toBe(before);
    await applyConversion(document, 'hk', opts);
    await applyConversion(document, 'original', opts);
    expect(snapshot()).toBe(before);
    expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
  });

  it('switching 繁體 regions converts from the original, not from converted text', async () => {
    setUp();
    const p = document.querySelector('article p') as HTMLElement;
    const original = p.textContent as string;
    await applyConversion(document, 'tw', opts);
    await applyConversion(document, 'hk', opts);
    expect(p.textContent).toBe(s2hk(original));
    expect(textInPageScript(document.body)).toContain(original);
    expect(textInPageScript(document.querySelector('h1') as Element)).toBe('关于发布实施条例的通知');
  });

  it('converts a Traditional page to 简体 and leaves it alone for 繁體', async () => {
    document.documentElement.innerHTML = '<head><title>香港特別行政區政府</title></head><body><p>政府今日公布，行政長官會同行政會議已批准條例草案。</p></body>';
    document.documentElement.setAttribute('lang', 'zh-HK');
    const html = document.documentElement.outerHTML;
    expect(await applyConversion(document, 'tw', opts)).toBeNull();
    expect(document.documentElement.outerHTML).toBe(html);
    expect(await applyConversion(document, 'cn', opts)).toBe('hk2s');
    expect(document.querySelector('p')?.textContent).toBe('政府今日公布，行政长官会同行政会议已批准条例草案。');
    expect(document.documentElement.getAttribute('lang')).toBe('zh-Hans');
    await applyConversion(document, 'original', opts);
    expect(document.documentElement.outerHTML).toBe(html);
  });
});

describe('walking the page while the dictionary loads', () => {
  /** A dictionary source that answers only when `release` is called. */
  function heldSource(fail = false) {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    setDictionarySource(async (path) => {
      await gate;
      if (fail) throw new Error('Qingdu could not load its conversion dictionary (404)');
      return fetchCompiled(path);
    });
    return () => release();
  }
  afterEach(() => setDictionarySource(fetchCompiled));

  it('converts what the page changes and adds before the dictionary arrives', async () => {
    document.documentElement.setAttribute('lang', 'zh-CN');
    document.body.innerHTML = '<p id="a">机关党建</p><p id="b">会议</p>';
    const release = heldSource();
    const done = applyConversion(document, 'tw', { region: 'tw', twPhrases: false });
    await new Promise((r) => setTimeout(r, 10));
    // Nothing is written while the dictionary loads.
    expect(document.getElementById('a')?.textContent).toBe('机关党建');
    expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
    (document.getElementById('b') as HTMLElement).firstChild!.nodeValue = '发展会议';
    document.body.insertAdjacentHTML('beforeend', '<p id="c">后来加的内容</p>');
    release();
    await done;
    expect(document.getElementById('a')?.textContent).toBe('機關黨建');
    await vi.waitFor(() => {
      expect(document.getElementById('b')?.textContent).toBe(s2tw('发展会议'));
      expect(document.getElementById('c')?.textContent).toBe(s2tw('后来加的内容'));
    });
    expect(document.documentElement.getAttribute('lang')).toBe('zh-Hant-TW');
    revertConversion(document);
    expect(document.body.innerHTML).toBe('<p id="a">机关党建</p><p id="b">发展会议</p><p id="c">后来加的内容</p>');
  });

  it('a dictionary that fails to load leaves the page, and what it adds later, as they were', async () => {
    document.documentElement.setAttribute('lang', 'zh-CN');
    document.body.innerHTML = '<p id="a">机关党建</p>';
    const release = heldSource(true);
    const done = applyConversion(document, 'hk', { region: 'hk', twPhrases: false });
    await new Promise((r) => setTimeout(r, 10));
    release();
    await expect(done).rejects.toThrow(/could not load/);
    document.body.insertAdjacentHTML('beforeend', '<p id="b">会议</p>');
    await new Promise((r) => setTimeout(r, 80));
    expect(document.body.innerHTML).toBe('<p id="a">机关党建</p><p id="b">会议</p>');
    expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
  });
});
