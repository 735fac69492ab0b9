// The popup always shows the library, which lives in IndexedDB.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/popup/Popup';
import { setLocale } from '@/utils/ui/i18n';
import { siteRulesItem, settingsItem, DEFAULT_SETTINGS } from '@/utils/storage';
import { articleState, fakeTab } from './fake-tab';

async function openPopup(tabId: number) {
  render(<Popup search={`?tabId=${tabId}`} />);
  await screen.findByText('政务文章');
}

const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');

describe('popup', () => {
  beforeEach(() => {
    cleanup();
    fakeBrowser.reset();
    setLocale('zh_CN');
  });

  it('shows the page kind, site, title, reasons and repairs of the tab it controls', async () => {
    const tab = await fakeTab(articleState());
    await openPopup(tab.tabId);
    expect(document.querySelector('.page-status .kind')?.textContent).toBe('政务文章');
    expect(screen.getByText('湖北省政协')).toBeTruthy();
    expect(screen.getByText('关于开展机关党建工作的通知')).toBeTruthy();
    expect(screen.getByText('为什么识别为政务文章')).toBeTruthy();
    expect(screen.getByText('网站标识码 4200000059')).toBeTruthy();
    expect(screen.getByText('已修复 12 处乱码', { selector: 'summary' })).toBeTruthy();
    expect(screen.getByText('UTF-8 被当成 GBK 读取：9 处')).toBeTruthy();
    expect(screen.getByText('夹在文字中的拼音：3 处')).toBeTruthy();
    expect(tab.seen[0]).toEqual({ tabId: tab.tabId, msg: { type: 'getState' }, options: { frameId: 0 } });
    // The repair count is announced politely.
    await waitFor(() => expect(document.querySelector('.live')?.textContent).toContain('已修复 12 处乱码'));
  });

  it('reflects the current script and sends setScript for each option', async () => {
    const tab = await fakeTab(articleState({ script: { current: 'hk', source: 'hans' } }));
    await openPopup(tab.tabId);
    expect(pressed('繁體')).toBe('true');
    expect(pressed('原文')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: '简体' }));
    await waitFor(() => expect(pressed('简体')).toBe('true'));
    expect(tab.sent().at(-1)).toEqual({ type: 'setScript', script: 'cn' });
    expect(pressed('繁體')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: '原文' }));
    await waitFor(() => expect(pressed('原文')).toBe('true'));
    expect(tab.sent().at(-1)).toEqual({ type: 'setScript', script: 'original' });
  });

  it('asks for the region from the settings when 繁體 is picked', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, region: 'hk' });
    const tab = await fakeTab(articleState());
    await openPopup(tab.tabId);
    fireEvent.click(screen.getByRole('button', { name: '繁體' }));
    await waitFor(() => expect(pressed('繁體')).toBe('true'));
    expect(tab.sent()).toEqual([{ type: 'setScript', script: 'hk' }]);
  });

  it('moves between the script options with arrow keys, Home and End (one Tab stop)', async () => {
    const tab = await fakeTab(articleState());
    await openPopup(tab.tabId);
    const group = screen.getByRole('toolbar', { name: '文字' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    buttons[0].focus();
    fireEvent.keyDown(buttons[0], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[2]);
    fireEvent.keyDown(buttons[2], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(buttons[0], { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(buttons[2]);
    fireEvent.keyDown(buttons[2], { key: 'Home' });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(buttons[0], { key: 'End' });
    expect(document.activeElement).toBe(buttons[2]);
    // Moving focus picks nothing; only Enter/Space (a click) does.
    expect(tab.sent()).toEqual([]);
  });

  it('zooms, shows the percentage, and announces it', async () => {
    const tab = await fakeTab(articleState());
    await openPopup(tab.tabId);
    expect(screen.getByText('100%')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '放大字体' }));
    await screen.findByText('113%');
    expect(tab.sent().at(-1)).toEqual({ type: 'zoom', direction: 1 });
    await waitFor(() => expect(document.querySelector('.live')?.textContent).toContain('字号 113%'));
    fireEvent.click(screen.getByRole('button', { name: '缩小字体' }));
    fireEvent.click(screen.getByRole('button', { name: '缩小字体' }));
    await screen.findByText('88%');
    expect(tab.sent().slice(-2)).toEqual([
      { type: 'zoom', direction: -1 },
      { type: 'zoom', direction: -1 },
    ]);
  });

  it('sets the line height, toggles reading view and resets', async () => {
    const tab = await fakeTab(articleState());
    await openPopup(tab.tabId);
    const select = screen.getByLabelText('行距') as HTMLSelectElement;
    expect(select.value).toBe('1.8');
    fireEvent.change(select, { target: { value: '2.2' } });
    await waitFor(() => expect(tab.state().typography.lineHeight).toBe(2.2));
    expect(tab.sent().at(-1)).toEqual({ type: 'setLineHeight', value: 2.2 });

    expect(pressed('阅读模式')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: '阅读模式' }));
    await waitFor(() => expect(pressed('阅读模式')).toBe('true'));
    expect(tab.sent().at(-1)).toEqual({ type: 'setReading', open: true });
    fireEvent.click(screen.getByRole('button', { name: '阅读模式' }));
    await waitFor(() => expect(pressed('阅读模式')).toBe('false'));
    expect(tab.sent().at(-1)).toEqual({ type: 'setReading', open: false });

    fireEvent.click(screen.getByRole('button', { name: '恢复默认' }));
    await waitFor(() => expect((screen.getByLabelText('行距') as HTMLSelectElement).value).toBe('1.8'));
    expect(tab.sent().at(-1)).toEqual({ type: 'resetTypography' });
  });

  it('switches repair off and on, and 显示原文 shows the page as it came, then back', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, script: 'cn' });
    const tab = await fakeTab(articleState({ script: { current: 'cn', source: 'hans' } }));
    await openPopup(tab.tabId);
    const repair = screen.getByRole('switch', { name: '修复乱码' }) as HTMLInputElement;
    expect(repair.checked).toBe(true);
    fireEvent.click(repair);
    await waitFor(() => expect((screen.getByRole('switch', { name: '修复乱码' }) as HTMLInputElement).checked).toBe(false));
    expect(tab.sent().at(-1)).toEqual({ type: 'setRepair', applied: false });
    fireEvent.click(screen.getByRole('switch', { name: '修复乱码' }));
    await waitFor(() => expect(tab.state().repair.applied).toBe(true));

    fireEvent.click(screen.getByRole('button', { name: '显示原文' }));
    await waitFor(() => expect(pressed('显示原文')).toBe('true'));
    expect(tab.sent().slice(-2)).toEqual([
      { type: 'setScript', script: 'original' },
      { type: 'setRepair', applied: false },
    ]);
    fireEvent.click(screen.getByRole('button', { name: '显示原文' }));
    await waitFor(() => expect(pressed('简体')).toBe('true'));
    expect(tab.sent().slice(-2)).toEqual([
      { type: 'setRepair', applied: true },
      { type: 'setScript', script: 'cn' },
    ]);
    expect(pressed('显示原文')).toBe('false');
  });

  it('stores a site rule, then tells the tab to apply it', async () => {
    const tab = await fakeTab(articleState());
    await openPopup(tab.tabId);
    fireEvent.change(screen.getByLabelText('在此网站'), { target: { value: 'never' } });
    await waitFor(() => expect(tab.sent().at(-1)).toEqual({ type: 'setSiteEnable', enable: 'never' }));
    expect(await siteRulesItem.getValue()).toEqual({ 'http://www.hbzx.gov.cn': { enable: 'never' } });
    // Qingdu is off on the site now: the page controls give way to a note, the rule can be changed back.
    await screen.findByText(/从不在此网站启用。/);
    expect(screen.queryByRole('button', { name: '放大字体' })).toBeNull();
    fireEvent.change(screen.getByLabelText('在此网站'), { target: { value: 'auto' } });
    await waitFor(() => expect(tab.sent().at(-1)).toEqual({ type: 'setSiteEnable', enable: undefined }));
    expect(await siteRulesItem.getValue()).toEqual({});
  });

  it('stores the site default script and shows it on the page', async () => {
    const tab = await fakeTab(articleState());
    await openPopup(tab.tabId);
    fireEvent.change(screen.getByLabelText('默认文字'), { target: { value: 'tw' } });
    await waitFor(() => expect(pressed('繁體')).toBe('true'));
    expect(await siteRulesItem.getValue()).toEqual({ 'http://www.hbzx.gov.cn': { script: 'tw' } });
    expect(tab.sent()).toEqual([{ type: 'setScript', script: 'tw' }]);
  });

  it('on an ordinary page offers to turn Qingdu on, and then shows the controls', async () => {
    const tab = await fakeTab(
      articleState({ kind: 'none', active: false, reasons: [], url: 'https://news.example.com/a', origin: 'https://news.example.com', repair: { applied: false, total: 0, byClass: {} } }),
    );
    render(<Popup search={`?tabId=${tab.tabId}`} />);
    await screen.findByText('普通网页');
    expect(screen.queryByText('为什么识别为政务文章')).toBeNull();
    expect(screen.queryByRole('button', { name: '放大字体' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '在此页面启用清读' }));
    await screen.findByRole('button', { name: '放大字体' });
    expect(tab.sent()).toEqual([{ type: 'activate' }]);
  });

  it('shows the content side’s error and keeps the controls usable', async () => {
    const tab = await fakeTab(articleState(), { fail: '页面已关闭' });
    await openPopup(tab.tabId);
    fireEvent.click(screen.getByRole('button', { name: '放大字体' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('操作没有完成：页面已关闭');
    expect(screen.getByText('100%')).toBeTruthy();
  });

  it.each([
    ['chrome://extensions/', '浏览器的内部页面'],
    ['https://chromewebstore.google.com/detail/x', '扩展商店'],
    ['file:///home/reader/a.html', '访问文件网址'],
    ['about:blank', '浏览器的内部页面'],
  ])('on %s says why it cannot run and shows no page controls', async (url, why) => {
    const tab = await fakeBrowser.tabs.create({ url });
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    render(<Popup search={`?tabId=${tab.id}`} />);
    await screen.findByText('清读无法在此页面上运行');
    expect(screen.getByText(new RegExp(why))).toBeTruthy();
    expect(screen.queryByRole('button', { name: '放大字体' })).toBeNull();
    expect(screen.queryByRole('button', { name: '原文' })).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('offers a reload when the content script does not answer', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.gov.cn/a.html' });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
    const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined as never);
    render(<Popup search={`?tabId=${tab.id}`} />);
    await screen.findByText('清读还没有在此页面上运行。刷新页面后再试。');
    fireEvent.click(screen.getByRole('button', { name: '刷新页面' }));
    await waitFor(() => expect(reload).toHaveBeenCalledWith(tab.id));
  });

  it('mounts the library: 收藏本文 for the tab and the saved list with 搜索收藏', async () => {
    const tab = await fakeTab(articleState());
    await openPopup(tab.tabId);
    expect(await screen.findByRole('button', { name: '收藏本文' })).toBeTruthy();
    expect(await screen.findByRole('searchbox', { name: '搜索收藏' }).catch(() => screen.getByLabelText('搜索收藏'))).toBeTruthy();
  });

  it('speaks English when the locale is English', async () => {
    setLocale('en');
    const tab = await fakeTab(articleState());
    render(<Popup search={`?tabId=${tab.tabId}`} />);
    await screen.findByText('Government article');
    expect(screen.getByRole('button', { name: 'Larger text' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Traditional' })).toBeTruthy();
    expect(screen.getByText('Repaired 12 garbled passages', { selector: 'summary' })).toBeTruthy();
  });
});
