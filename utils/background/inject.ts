/** Injects the full feature script into the frame that asks for it. */
import { browser } from 'wxt/browser';
import type { BackgroundMessage } from '../messages';

export const FULL_SCRIPT = '/content-scripts/full.js';

export function watchForFeatureRequests(): () => void {
  const listener = (msg: unknown, sender: { tab?: { id?: number }; frameId?: number }) => {
    if ((msg as BackgroundMessage | undefined)?.type !== 'loadFull') return undefined;
    const tabId = sender.tab?.id;
    if (tabId === undefined) return Promise.reject(new Error('loadFull must come from a tab'));
    return browser.scripting
      .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [FULL_SCRIPT] })
      .then(() => true);
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
