import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMMAND_MESSAGES, watchForCommands } from '@/utils/background/commands';
import { createMenus, menuAction, watchForMenuClicks } from '@/utils/background/menus';

describe('context menus', () => {
  it('creates the page, selection and save items under one parent', async () => {
    const created: { id: string; parentId?: string; contexts?: string[] }[] = [];
    vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    vi.spyOn(browser.contextMenus, 'create').mockImplementation(((props: { id: string }) => {
      created.push(props);
      return props.id;
    }) as never);
    await createMenus();
    expect(created[0]).toMatchObject({ id: 'qingdu' });
    expect(created.filter((c) => c.id.startsWith('page-script:')).map((c) => c.id)).toEqual([
      'page-script:original',
      'page-script:cn',
      'page-script:tw',
      'page-script:hk',
    ]);
    expect(created.filter((c) => c.id.startsWith('selection-script:'))).toHaveLength(3);
    expect(created.every((c) => c.id === 'qingdu' || c.parentId === 'qingdu')).toBe(true);
  });

  it('maps each item to what it does', () => {
    expect(menuAction('page-script:tw')).toEqual({ type: 'setScript', script: 'tw' });
    expect(menuAction('selection-script:cn')).toEqual({ type: 'convertSelection', script: 'cn' });
    expect(menuAction('save-article')).toBe('save');
    expect(menuAction('something-else')).toBeUndefined();
  });

  it('forwards a click to the tab, and saves through the library', async () => {
    let onClicked: ((info: { menuItemId: string }, tab?: { id?: number }) => Promise<void>) | undefined;
    vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation(((fn: typeof onClicked) => {
      onClicked = fn;
    }) as never);
    const send = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
    const save = vi.fn(async () => undefined);
    watchForMenuClicks(save);
    await onClicked!({ menuItemId: 'page-script:cn' }, { id: 7 });
    expect(send).toHaveBeenCalledWith(7, { type: 'setScript', script: 'cn' }, { frameId: 0 });
    await onClicked!({ menuItemId: 'save-article' }, { id: 7 });
    expect(save).toHaveBeenCalledWith(7);
  });
});

describe('keyboard commands', () => {
  it('sends zoom and script messages to the active tab and saves on save-article', async () => {
    fakeBrowser.reset();
    let onCommand: ((command: string, tab?: { id?: number }) => Promise<void>) | undefined;
    vi.spyOn(browser.commands.onCommand, 'addListener').mockImplementation(((fn: typeof onCommand) => {
      onCommand = fn;
    }) as never);
    const send = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
    const save = vi.fn(async () => undefined);
    watchForCommands(save);
    await onCommand!('zoom-in', { id: 3 });
    await onCommand!('cycle-script', { id: 3 });
    await onCommand!('save-article', { id: 3 });
    expect(send).toHaveBeenNthCalledWith(1, 3, COMMAND_MESSAGES['zoom-in'], { frameId: 0 });
    expect(send).toHaveBeenNthCalledWith(2, 3, { type: 'cycleScript' }, { frameId: 0 });
    expect(save).toHaveBeenCalledWith(3);
  });
});
