import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/components/options/Options';
import { setLocale } from '@/utils/ui/i18n';
import { DEFAULT_SETTINGS, settingsItem, siteRulesItem, userPhrasesItem } from '@/utils/storage';

const COMMANDS = [
  { name: 'cycle-script', description: '切换 原文 → 简体 → 繁體', shortcut: 'Alt+Shift+T' },
  { name: 'zoom-in', description: '放大字体', shortcut: 'Alt+Shift+.' },
  { name: 'zoom-out', description: '缩小字体', shortcut: '' },
  { name: 'save-article', description: '收藏本文', shortcut: 'Alt+Shift+S' },
];

async function openOptions(firefox = false) {
  render(<Options firefox={firefox} />);
  await screen.findByRole('heading', { name: '默认设置' });
}

describe('options page', () => {
  beforeEach(() => {
    cleanup();
    fakeBrowser.reset();
    setLocale('zh_CN');
    vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue(COMMANDS as never);
  });

  it('shows the stored defaults and saves each change', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, region: 'hk', scale: 1.25 });
    await openOptions();
    expect((screen.getByLabelText('默认文字') as HTMLSelectElement).value).toBe('original');
    expect((screen.getByLabelText('香港') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('文章字号') as HTMLSelectElement).value).toBe('1.25');

    fireEvent.change(screen.getByLabelText('默认文字'), { target: { value: 'tw' } });
    fireEvent.click(screen.getByLabelText('台灣'));
    fireEvent.click(screen.getByLabelText('转换词语（如 软件 → 軟體）'));
    fireEvent.change(screen.getByLabelText('文章字号'), { target: { value: '1.5' } });
    fireEvent.change(screen.getByLabelText('行距'), { target: { value: '2.2' } });
    fireEvent.click(screen.getByRole('switch', { name: '在政务网页上自动修复乱码' }));
    fireEvent.click(screen.getByLabelText('所有中文网页'));
    await waitFor(async () =>
      expect(await settingsItem.getValue()).toEqual({
        ...DEFAULT_SETTINGS,
        script: 'tw',
        region: 'tw',
        twPhrases: true,
        scale: 1.5,
        lineHeight: 2.2,
        repair: false,
        actOn: 'chinese',
      }),
    );
    await waitFor(() => expect(document.querySelector('.live')?.textContent).toContain('已保存'));
    // The page's own text follows the size setting.
    expect(document.documentElement.style.fontSize).toBe('150%');
  });

  it('changes its own language at once and sets <html lang>', async () => {
    await openOptions();
    fireEvent.change(screen.getByLabelText('界面语言'), { target: { value: 'en' } });
    await screen.findByRole('heading', { name: 'Defaults' });
    expect(document.documentElement.lang).toBe('en');
    expect((await settingsItem.getValue()).uiLanguage).toBe('en');
  });

  it('adds, edits and removes site rules, and refuses what is not a site', async () => {
    await siteRulesItem.setValue({ 'http://www.hbzx.gov.cn': { enable: 'never' } });
    await openOptions();
    expect(screen.getByRole('rowheader', { name: 'http://www.hbzx.gov.cn' })).toBeTruthy();

    fireEvent.input(screen.getByLabelText('添加网站'), { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    expect((await screen.findByRole('alert')).textContent).toBe('“not a site”不是网站地址');

    fireEvent.input(screen.getByLabelText('添加网站'), { target: { value: 'http://www.hubei.gov.cn/xxgk/a.html' } });
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    await screen.findByRole('rowheader', { name: 'http://www.hubei.gov.cn' });
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.change(screen.getByLabelText('http://www.hubei.gov.cn 的默认文字'), { target: { value: 'hk' } });
    fireEvent.change(screen.getByLabelText('http://www.hbzx.gov.cn 的启用方式'), { target: { value: 'always' } });
    await waitFor(async () =>
      expect(await siteRulesItem.getValue()).toEqual({
        'http://www.hbzx.gov.cn': { enable: 'always' },
        'http://www.hubei.gov.cn': { enable: 'always', script: 'hk' },
      }),
    );

    fireEvent.click(screen.getByRole('button', { name: '删除 http://www.hbzx.gov.cn 的规则' }));
    await waitFor(async () => expect(Object.keys(await siteRulesItem.getValue())).toEqual(['http://www.hubei.gov.cn']));
    await waitFor(() => expect(document.querySelector('.live')?.textContent).toContain('已删除 http://www.hbzx.gov.cn 的规则'));
  });

  it('adds, removes, imports and exports user phrases', async () => {
    await userPhrasesItem.setValue([{ from: '软件', to: '軟體', direction: 's2t' }]);
    await openOptions();
    fireEvent.input(screen.getByLabelText('原词'), { target: { value: '打印' } });
    fireEvent.input(screen.getByLabelText('转换为'), { target: { value: '列印' } });
    fireEvent.change(screen.getByLabelText('方向'), { target: { value: 's2t' } });
    fireEvent.click(screen.getByRole('button', { name: '添加词语' }));
    await waitFor(async () => expect(await userPhrasesItem.getValue()).toHaveLength(2));

    const box = screen.getByLabelText('词语表（文本）') as HTMLTextAreaElement;
    fireEvent.click(screen.getByRole('button', { name: '导出到文本框' }));
    expect(box.value).toBe('软件\t軟體\ts2t\n打印\t列印\ts2t\n');

    // A bad line stops the whole import and names the line; nothing is stored.
    fireEvent.input(box, { target: { value: '信息\t資訊\n坏行\n' } });
    fireEvent.click(screen.getByRole('button', { name: '从文本导入' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('第 2 行“坏行”：需要原词和转换为两项');
    expect(await userPhrasesItem.getValue()).toHaveLength(2);
    expect(box.value).toBe('信息\t資訊\n坏行\n');

    fireEvent.input(box, { target: { value: '信息\t資訊\n视频 → 影片 s2t\n' } });
    fireEvent.click(screen.getByRole('button', { name: '从文本导入' }));
    await waitFor(async () => expect(await userPhrasesItem.getValue()).toHaveLength(4));
    await waitFor(() => expect(document.querySelector('.live')?.textContent).toContain('已导入 2 个词语'));

    fireEvent.click(screen.getByRole('button', { name: '删除词语 软件 → 軟體' }));
    await waitFor(async () =>
      expect(await userPhrasesItem.getValue()).toEqual([
        { from: '打印', to: '列印', direction: 's2t' },
        { from: '信息', to: '資訊', direction: 'both' },
        { from: '视频', to: '影片', direction: 's2t' },
      ]),
    );
  });

  it('lists the browser’s shortcuts and opens the shortcut settings', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openOptions();
    const table = await screen.findByRole('table', { name: '' }).catch(() => screen.getAllByRole('table').at(-1)!);
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['切换 原文 → 简体 → 繁體Alt+Shift+T', '放大字体Alt+Shift+.', '缩小字体未设置', '收藏本文Alt+Shift+S']);
    expect(screen.getByText(/chrome:\/\/extensions\/shortcuts/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '更改快捷键' }));
    await waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' }));
  });

  it('in Firefox uses commands.openShortcutSettings and says where shortcuts live', async () => {
    const open = vi.fn().mockResolvedValue(undefined);
    (fakeBrowser.commands as unknown as { openShortcutSettings: typeof open }).openShortcutSettings = open;
    await openOptions(true);
    expect(screen.getByText(/about:addons/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '更改快捷键' }));
    await waitFor(() => expect(open).toHaveBeenCalled());
    delete (fakeBrowser.commands as unknown as { openShortcutSettings?: unknown }).openShortcutSettings;
  });
});
