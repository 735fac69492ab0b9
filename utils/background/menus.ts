/** Context menu items: show the page in a script, convert the selection, save the article. */
import { browser } from 'wxt/browser';
import type { ContentMessage } from '../messages';
import type { ScriptTarget } from '../settings';
import { tellTab } from './tabs';

const PAGE_SCRIPTS: [ScriptTarget, string][] = [
  ['original', '原文'],
  ['cn', '简体'],
  ['tw', '繁體（台灣）'],
  ['hk', '繁體（香港）'],
];

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: 'qingdu', title: '清读', contexts: ['page', 'selection'] });
  for (const [script, label] of PAGE_SCRIPTS) {
    browser.contextMenus.create({ id: `page-script:${script}`, parentId: 'qingdu', title: `本页显示为${label}`, contexts: ['page'] });
  }
  for (const [script, label] of PAGE_SCRIPTS.slice(1)) {
    browser.contextMenus.create({ id: `selection-script:${script}`, parentId: 'qingdu', title: `所选文字转为${label}`, contexts: ['selection'] });
  }
  browser.contextMenus.create({ id: 'save-article', parentId: 'qingdu', title: '收藏本文', contexts: ['page', 'selection'] });
}

/** The message a menu item sends to the tab, or `save` for the library. */
export function menuAction(menuItemId: string | number): ContentMessage | 'save' | undefined {
  const id = String(menuItemId);
  if (id === 'save-article') return 'save';
  const [kind, script] = id.split(':') as [string, ScriptTarget];
  if (kind === 'page-script') return { type: 'setScript', script };
  if (kind === 'selection-script') return { type: 'convertSelection', script };
  return undefined;
}

export function watchForMenuClicks(save: (tabId: number) => Promise<unknown>): () => void {
  const listener = async (info: { menuItemId: string | number }, tab?: { id?: number }) => {
    const action = menuAction(info.menuItemId);
    if (!action || tab?.id === undefined) return;
    if (action === 'save') await save(tab.id);
    else await tellTab(tab.id, action);
  };
  browser.contextMenus.onClicked.addListener(listener);
  return () => browser.contextMenus.onClicked.removeListener(listener);
}
