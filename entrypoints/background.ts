/**
 * Background: injects the full feature script on request, and wires menus, commands and badges.
 * Holds no page state of its own.
 */
import { browser } from 'wxt/browser';
import type { BackgroundMessage } from '@/utils/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    const message = msg as BackgroundMessage;
    if (message?.type === 'loadFull') {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return Promise.reject(new Error('loadFull must come from a tab'));
      return browser.scripting
        .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/content-scripts/full.js'] })
        .then(() => true);
    }
    return undefined;
  });
});
