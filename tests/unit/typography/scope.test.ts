import { describe, expect, it } from 'vitest';
import { findBody, findInfo, findTitle, isUntouchable, textElements } from '@/utils/typography/scope';
import { findParts } from '@/utils/typography/enlarge';

function makeDoc(html: string, title = ''): Document {
  const doc = document.implementation.createHTMLDocument(title);
  doc.body.innerHTML = html;
  return doc;
}

const LONG = '为进一步方便老年人获取政府信息，提升政府网站适老化水平，现就有关事项通知如下。';

describe('typography scope', () => {
  it('prefers a known body container of the content systems', () => {
    for (const container of ['<div id="zoom">', '<div class="TRS_Editor">', '<div id="UCAP-CONTENT">', '<div class="pages_content">', '<div id="con_con">']) {
      const doc = makeDoc(`<div class="nav"><a>首页</a></div>${container}<p>${LONG}</p></div>`);
      expect(findBody(doc)?.querySelector('p')?.textContent).toBe(LONG);
    }
  });

  it('falls back to the densest paragraph block, not the menu or footer', () => {
    const doc = makeDoc(`
      <div class="menu"><p><a>首页</a></p><p><a>政务公开</a></p><p><a>办事服务</a></p></div>
      <div class="main"><div class="text"><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></div><div class="side"><p>${LONG.slice(0, 12)}</p></div></div>
      <div class="footer"><p>${LONG}</p></div>`);
    expect(findBody(doc)?.className).toBe('text');
  });

  it('finds nothing on a page without a text block', () => {
    expect(findBody(makeDoc('<ul><li><a>首页</a></li></ul>'))).toBeNull();
  });

  it('finds the title the page names and the info line between title and body', () => {
    const doc = makeDoc(
      `<div class="position">首页 &gt; 通知公告</div>
       <div class="title">关于加强老年人阅读服务的通知</div>
       <div class="info"><span>发布时间：2024-03-15</span> <span>来源：办公厅</span></div>
       <div id="zoom"><p>${LONG}</p></div>`,
      '关于加强老年人阅读服务的通知_湖北省人民政府',
    );
    const body = findBody(doc)!;
    const title = findTitle(doc, body);
    expect(title?.className).toBe('title');
    expect(findInfo(body, title)?.className).toBe('info');
    expect(findParts(doc, null)).toMatchObject({ root: body, title, info: doc.querySelector('.info') });
  });

  it('uses the body detection found when it has one', () => {
    const doc = makeDoc(`<div id="zoom"><p>${LONG}</p></div><div class="mine"><p>${LONG}</p></div>`);
    const mine = doc.querySelector('.mine')!;
    expect(findParts(doc, mine)?.root).toBe(mine);
  });

  it('lists text-bearing elements but never code, scripts, inputs or notranslate parts', () => {
    const doc = makeDoc(`<div id="zoom">正文<p>一<b>二</b></p><pre>code</pre><code>x</code><script>var a</script>
      <p class="notranslate">不译</p><p translate="no">不译</p><div contenteditable="true">可编辑</div><textarea>t</textarea><p> </p></div>`);
    const root = doc.getElementById('zoom')!;
    const tags = textElements(root).map((el) => el.tagName);
    // Innermost first: <b>, its <p>, then the container's own text.
    expect(tags).toEqual(['B', 'P', 'DIV']);
    expect(textElements(root).at(-1)).toBe(root);
    for (const sel of ['pre', 'code', 'script', '.notranslate', '[translate=no]', 'textarea']) expect(isUntouchable(root.querySelector(sel)!)).toBe(true);
  });
});
