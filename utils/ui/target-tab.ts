/**
 * Which tab the popup controls: `?tabId=N` when given (tests, keyboard users), else the active
 * tab of the popup's window.
 */
import { browser, type Browser } from 'wxt/browser';

export async function resolveTargetTab(search: string): Promise<Browser.tabs.Tab | undefined> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null) {
    const id = Number(param);
    if (!Number.isInteger(id) || id < 0) return undefined;
    try {
      return await browser.tabs.get(id);
    } catch {
      return undefined;
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** Pages no content script can run on; the popup says so instead of showing dead buttons. */
export function isScriptablePage(url: string | undefined): boolean {
  if (!url) return false;
  if (!/^https?:/i.test(url)) return false;
  return !/^https?:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org)\//i.test(url);
}
