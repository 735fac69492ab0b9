/**
 * Keyboard commands (declared in wxt.config.ts): cycle the script, enlarge, shrink, save.
 * The commands only forward to the tab's content script or the library.
 */
import { browser } from 'wxt/browser';
import type { ContentMessage } from '../messages';
import { tellTab } from './tabs';

export const COMMAND_MESSAGES: Record<string, ContentMessage> = {
  'cycle-script': { type: 'cycleScript' },
  'zoom-in': { type: 'zoom', direction: 1 },
  'zoom-out': { type: 'zoom', direction: -1 },
};

export function watchForCommands(save: (tabId: number) => Promise<unknown>): () => void {
  const listener = async (command: string, tab?: { id?: number }) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    if (command === 'save-article') await save(tabId);
    else if (COMMAND_MESSAGES[command]) await tellTab(tabId, COMMAND_MESSAGES[command]);
  };
  browser.commands.onCommand.addListener(listener);
  return () => browser.commands.onCommand.removeListener(listener);
}
