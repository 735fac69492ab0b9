import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBlocks, readInfo, ReadingView, READER_TAG } from '@/utils/typography/reader';

function make(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('reading view', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.querySelectorAll(READER_TAG).forEach((el) => el.remove());
  });

  it('reads the body as displayed: paragraphs, line breaks, headings, images, data tables', () => {
    const doc = make(`<div id="zoom">
      <p>第一段，<b>加粗</b>文字。</p>
      <h3>二、小标题</h3>
      <p>甲<br>乙</p>
      <p style="display:none">隐藏</p><script>var x = 1</script>
      <p><img src="https://www.hubei.gov.cn/a.jpg" alt="图"></p>
      <table><tr><td>县</td><td>面积</td></tr><tr><td>东城</td><td>12.5</td></tr></table>
      直接的文字
    </div>`);
    expect(readBlocks(doc.getElementById('zoom')!)).toEqual([
      { kind: 'p', text: '第一段，加粗文字。' },
      { kind: 'h', text: '二、小标题' },
      { kind: 'p', text: '甲' },
      { kind: 'p', text: '乙' },
      { kind: 'img', src: 'https://www.hubei.gov.cn/a.jpg', alt: '图' },
      { kind: 'table', rows: [['县', '面积'], ['东城', '12.5']] },
      { kind: 'p', text: '直接的文字' },
    ]);
  });

  it('treats a one-column layout table as more body', () => {
    const doc = make('<div id="r"><table><tr><td><p>一</p><p>二</p></td></tr></table></div>');
    expect(readBlocks(doc.getElementById('r')!)).toEqual([
      { kind: 'p', text: '一' },
      { kind: 'p', text: '二' },
    ]);
  });

  it('reads date and source off an info line', () => {
    expect(readInfo('发布时间：2024-3-5 09:30　来源：湖北省人民政府办公厅　字体：【大 中 小】')).toEqual({ date: '2024-03-05', source: '湖北省人民政府办公厅' });
    expect(readInfo('发布日期：2024年03月01日　　信息来源：市农业农村局')).toEqual({ date: '2024-03-01', source: '市农业农村局' });
    expect(readInfo('无')).toEqual({ date: undefined, source: undefined });
  });

  it('opens as a modal dialog in a shadow root, follows the size, closes with Esc and gives focus back', () => {
    const doc = make('<button id="before">页面按钮</button>');
    const before = doc.getElementById('before') as HTMLButtonElement;
    before.focus();
    const onClose = vi.fn();
    const onZoom = vi.fn();
    const view = new ReadingView(doc, { onClose, onZoom });
    view.open({ title: '标题', date: '2024-03-15', source: '办公厅', blocks: [{ kind: 'p', text: '正文' }] }, { scale: 1.5, lineHeight: 2 }, 16);
    expect(view.isOpen).toBe(true);
    const host = doc.querySelector(READER_TAG)!;
    const root = host.shadowRoot!;
    expect(root.querySelector('h1')?.textContent).toBe('标题');
    expect(root.querySelector('[role=dialog]')?.getAttribute('aria-modal')).toBe('true');
    const article = root.querySelector('article') as HTMLElement;
    expect(article.style.fontSize).toBe('27px'); // 18px reading base × 150%
    expect(article.style.lineHeight).toBe('2');
    expect(root.querySelector('.pct')?.textContent).toBe('150%');
    view.update({ scale: 2, lineHeight: 1.6 });
    expect(article.style.fontSize).toBe('36px');

    (root.querySelector('[data-act=bigger]') as HTMLElement).click();
    expect(onZoom).toHaveBeenCalledWith(1);
    (root.querySelector('[data-act=theme]') as HTMLElement).click();
    const themes = root.querySelector('.backdrop')!.getAttribute('data-theme');
    expect(['light', 'dark']).toContain(themes);

    doc.defaultView!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(view.isOpen).toBe(false);
    expect(doc.querySelector(READER_TAG)).toBeNull();
    expect(onClose).toHaveBeenCalledOnce();
    expect(doc.activeElement).toBe(before);
  });
});
