/**
 * The library's background duties: save the article of a tab (context menu, keyboard command),
 * and show on the toolbar badge whether a tab's page is already saved (updated on tab
 * activation and navigation, and after every save, delete or import), and keep the library's
 * first page for the popup to show while the database opens. Never touches page DOM.
 */
import { browser } from 'wxt/browser';
import type { ArticleSnapshot, BackgroundMessage } from '../messages';
import { tellTab } from '../background/tabs';
import { findSaved, inputFromSnapshot, refreshFirstPage, saveArticle, type SaveResult } from './store';

const SAVED_BADGE = '★';
const BADGE_COLOR = '#b7312c';

type Action = typeof browser.action;

function action(): Action | undefined {
  const b = browser as unknown as { action?: Action; browserAction?: Action };
  return b.action ?? b.browserAction;
}

async function setBadge(tabId: number, text: string, title?: string): Promise<void> {
  const a = action();
  if (!a) return;
  try {
    await a.setBadgeText({ tabId, text });
    if (text) await a.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await a.setTitle({ tabId, title: title ?? '清读' });
  } catch {
    // The tab closed meanwhile.
  }
}

/** Shows ★ when the tab's page is in the library. */
export async function updateBadge(tabId: number, url: string | undefined): Promise<void> {
  if (!url || !/^https?:/i.test(url)) return setBadge(tabId, '');
  try {
    const saved = await findSaved([url]);
    await setBadge(tabId, saved ? SAVED_BADGE : '', saved ? `清读 · 已收藏：${saved.title}` : undefined);
  } catch {
    await setBadge(tabId, '');
  }
}

async function updateAllBadges(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : updateBadge(tab.id, tab.url))));
}

/** How long a second save of an already saved page counts as "yes, update the saved copy". */
export const CONFIRM_UPDATE_MS = 10_000;
const offeredUpdates = new Map<number, { id: number; until: number }>();

function savedOn(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Asks the tab for its article and saves it. A page already saved is not overwritten at once:
 * the badge says so and offers the update, which a second save of the same tab within ten
 * seconds confirms (the popup asks with a button instead).
 */
export async function saveFromTab(tabId: number, now = Date.now()): Promise<SaveResult | undefined> {
  const snapshot = (await tellTab(tabId, { type: 'getArticle' })) as ArticleSnapshot | { error: string } | undefined;
  if (!snapshot || 'error' in snapshot) {
    await setBadge(tabId, '!', `清读 · 未能收藏：${snapshot && 'error' in snapshot ? snapshot.error : '无法读取本页，请刷新页面后再试'}`);
    return undefined;
  }
  try {
    const input = inputFromSnapshot(snapshot, now);
    const saved = await findSaved([input.canonicalUrl, input.url]);
    const offered = offeredUpdates.get(tabId);
    offeredUpdates.delete(tabId);
    if (saved && !(offered && offered.id === saved.id && now < offered.until)) {
      offeredUpdates.set(tabId, { id: saved.id, until: now + CONFIRM_UPDATE_MS });
      await setBadge(tabId, SAVED_BADGE, `清读 · 已于 ${savedOn(saved.savedAt)} 收藏：${saved.title}。10 秒内再收藏一次，即用本页更新收藏的副本`);
      return undefined;
    }
    const result = await saveArticle(input);
    void refreshFirstPage().catch(() => undefined);
    await setBadge(tabId, SAVED_BADGE, `清读 · ${result.updated ? '已更新收藏' : '已收藏'}：${result.record.title}`);
    return result;
  } catch (error) {
    await setBadge(tabId, '!', `清读 · ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

export function watchForBadges(): () => void {
  const onActivated = (info: { tabId: number }) => {
    void browser.tabs.get(info.tabId).then((tab) => updateBadge(info.tabId, tab.url), () => undefined);
  };
  const onUpdated = (tabId: number, change: { url?: string; status?: string }, tab: { url?: string }) => {
    if (change.url || change.status === 'complete') void updateBadge(tabId, tab.url);
  };
  const onMessage = (msg: unknown) => {
    if ((msg as BackgroundMessage | undefined)?.type !== 'libraryChanged') return undefined;
    // The page that changed the library may show a search: keep the first page for the popup here.
    return Promise.all([updateAllBadges(), refreshFirstPage().catch(() => undefined)]).then(() => true);
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.runtime.onMessage.addListener(onMessage as never);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.runtime.onMessage.removeListener(onMessage as never);
  };
}

/** Tells the background the library changed, so badges follow; quiet when nobody listens. */
export async function announceLibraryChange(): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'libraryChanged' } satisfies BackgroundMessage);
  } catch {
    /* background asleep or absent (tests) */
  }
}
