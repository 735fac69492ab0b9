import { describe, expect, it } from 'vitest';
import { sizeControlAction } from '@/utils/typography/controls';

function make(html: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = html;
  return doc;
}

describe("the page's own text-size controls", () => {
  it('recognises 字体：【大 中 小】 and its repaired Traditional form', () => {
    for (const line of ['字体：【<a id="b">大</a> <a id="m">中</a> <a id="s">小</a>】', '字體大小：【<a id="b">大</a> <a id="m">中</a> <a id="s">小</a>】', '【字号：<span id="b">大</span><span id="m">中</span><span id="s">小</span>】']) {
      const doc = make(`<div class="info">发布时间：2024-03-15 ${line}</div>`);
      expect(sizeControlAction(doc.getElementById('b'))).toBe('up');
      expect(sizeControlAction(doc.getElementById('m'))).toBe('reset');
      expect(sizeControlAction(doc.getElementById('s'))).toBe('down');
    }
  });

  it('recognises controls by their handler when the label line is elsewhere', () => {
    const doc = make('<div><a id="b" href="javascript:doZoom(16)">大</a><a id="s" onclick="setFontSize(12)">小</a></div>');
    expect(sizeControlAction(doc.getElementById('b'))).toBe('up');
    expect(sizeControlAction(doc.getElementById('s'))).toBe('down');
  });

  it('finds the control from a click on its inner text element', () => {
    const doc = make('<div>字体：<a id="b"><font>大</font></a></div>');
    expect(sizeControlAction(doc.querySelector('font'))).toBe('up');
  });

  it('leaves ordinary links with the same words alone', () => {
    const doc = make(`<ul class="nav"><li><a id="a" href="/da/">大</a></li></ul><p>中国<a id="c" href="/z">中</a>共产党员先锋模范作用，小组讨论。</p>
      <table><tr><td id="t">大</td></tr></table>`);
    expect(sizeControlAction(doc.getElementById('a'))).toBeNull();
    expect(sizeControlAction(doc.getElementById('c'))).toBeNull();
    expect(sizeControlAction(doc.getElementById('t'))).toBeNull();
    expect(sizeControlAction(null)).toBeNull();
  });
});
