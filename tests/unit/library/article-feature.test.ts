import { describe, expect, it } from 'vitest';
import { createArticleFeature, paragraphText } from '@/utils/library/article-feature';
import type { PageContext } from '@/utils/page/feature';
import { DEFAULT_SETTINGS } from '@/utils/settings';

function pageFor(html: string): PageContext {
  document.body.innerHTML = html;
  return {
    doc: document,
    url: new URL('https://www.hbzx.gov.cn/a/1.html?utm_source=x'),
    detection: {
      kind: 'article',
      score: 10,
      reasons: [],
      meta: { canonicalUrl: 'https://www.hbzx.gov.cn/a/1.html', title: '标题', docNumber: '鄂政发〔2020〕1号' },
      body: document.querySelector('#body'),
    },
    settings: DEFAULT_SETTINGS,
    rule: {},
    signal: new AbortController().signal,
  };
}

describe('article snapshot', () => {
  it('gives paragraphs separated by blank lines, without scripts, styles or hidden text', () => {
    document.body.innerHTML = `<div id="r"><p>第一段  文字</p><script>var x=1</script><style>p{}</style>
      <p>第二段<br>换行</p><div hidden>隐藏</div><span style="display:none">不显示</span><p>第三段<b>加粗</b></p></div>`;
    expect(paragraphText(document.querySelector('#r')!)).toBe('第一段 文字\n\n第二段\n换行\n\n第三段加粗');
  });

  it('answers getArticle with meta, displayed script, text and original text', async () => {
    const page = pageFor('<nav>导航</nav><div id="body"><p>委員們說</p><p>第二段</p></div>');
    const feature = createArticleFeature({
      originalText: () => '委员们说\n\n第二段',
      describe: (state) => {
        state.script.current = 'tw';
      },
    });
    expect(await feature.handle?.({ type: 'getState' }, page)).toBeUndefined();
    const snapshot = await feature.handle?.({ type: 'getArticle' }, page);
    expect(snapshot).toEqual({
      meta: { canonicalUrl: 'https://www.hbzx.gov.cn/a/1.html', title: '标题', docNumber: '鄂政发〔2020〕1号' },
      url: 'https://www.hbzx.gov.cn/a/1.html?utm_source=x',
      script: 'tw',
      text: '委員們說\n\n第二段',
      originalText: '委员们说\n\n第二段',
    });
    // Reading the article changes nothing on the page.
    expect(document.body.innerHTML).toBe('<nav>导航</nav><div id="body"><p>委員們說</p><p>第二段</p></div>');
  });

  it('falls back to the main element when detection found no body', async () => {
    const page = pageFor('<header>页头</header><main><p>正文</p></main>');
    const feature = createArticleFeature({ originalText: (root) => root.textContent ?? '' });
    const snapshot = (await feature.handle?.({ type: 'getArticle' }, page)) as { text: string; script: string; originalText: string };
    expect(snapshot.text).toBe('正文');
    expect(snapshot.script).toBe('original');
    expect(snapshot.originalText).toBe('正文');
  });
});
