/** Sends a message to a tab's top frame; a tab without Qingdu (chrome://, PDF) just gets nothing. */
import { browser } from 'wxt/browser';
import type { ContentMessage } from '../messages';

export async function tellTab(tabId: number | undefined, msg: ContentMessage): Promise<unknown> {
  if (tabId === undefined || tabId < 0) return undefined;
  try {
    return await browser.tabs.sendMessage(tabId, msg, { frameId: 0 });
  } catch {
    return undefined;
  }
}
