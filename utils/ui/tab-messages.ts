/** Sends a message to a tab's top-frame content script and unwraps its `{error}` replies. */
import { browser } from 'wxt/browser';
import type { ContentMessage, PageState } from '../messages';

export async function sendToTab<T = PageState>(tabId: number, msg: ContentMessage): Promise<T> {
  const reply = (await browser.tabs.sendMessage(tabId, msg, { frameId: 0 })) as T | { error: string } | undefined;
  if (reply === undefined) throw new Error('Qingdu is not running on this page; reload the page and try again');
  if (reply && typeof reply === 'object' && 'error' in reply && typeof reply.error === 'string') {
    throw new Error(reply.error);
  }
  return reply as T;
}
