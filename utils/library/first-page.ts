/**
 * The newest page of the library as last read from the database, kept in storage.local so the
 * popup can show it while IndexedDB opens: Chromium closes a database a few seconds after its last
 * page closes and reads it from disk again on the next open (over a second for 10,000 articles).
 * Written whenever that page is read (popup, library page) and after background saves. Never the
 * source of truth: the list shown is always replaced by the database's as soon as it answers.
 */
import { browser } from 'wxt/browser';
import type { ArticleRecord } from './types';

export const FIRST_PAGE_KEY = 'libraryFirstPage';
/** Articles per page of the library list. */
export const FIRST_PAGE_SIZE = 50;

export interface FirstPage {
  items: ArticleRecord[];
  more: boolean;
}

function isRecord(value: unknown): value is ArticleRecord {
  const r = value as ArticleRecord | null;
  return !!r && typeof r === 'object' && typeof r.id === 'number' && typeof r.title === 'string' && typeof r.url === 'string' && Array.isArray(r.tags);
}

/** The kept page, if there is one and it is well formed. */
export async function readFirstPage(): Promise<FirstPage | undefined> {
  try {
    const value = (await browser.storage.local.get(FIRST_PAGE_KEY))[FIRST_PAGE_KEY] as Partial<FirstPage> | undefined;
    if (!value || !Array.isArray(value.items) || !value.items.every(isRecord)) return undefined;
    return { items: value.items.slice(0, FIRST_PAGE_SIZE), more: !!value.more };
  } catch {
    return undefined;
  }
}

/** Keeps the page just read from the database (trash already left out). */
export async function writeFirstPage(page: FirstPage): Promise<void> {
  try {
    await browser.storage.local.set({ [FIRST_PAGE_KEY]: { items: page.items.slice(0, FIRST_PAGE_SIZE), more: page.more } });
  } catch {
    /* storage full or gone: the next open just waits for the database */
  }
}
