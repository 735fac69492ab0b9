/**
 * The newest page of the library as last read from the database, kept so a page can show it
 * before IndexedDB answers: Chromium closes a database a few seconds after its last page closes
 * and reads it from disk again on the next open (over a second for 10,000 articles), and even an
 * open database takes an extension page tens of ms to answer.
 * Kept twice: in the extension origin's localStorage, which a page reads synchronously and so
 * draws with its first render, and in storage.local, which the background (no localStorage in a
 * service worker) writes after its saves. Each copy is stamped; the newer wins. Never the source
 * of truth: the list shown is always replaced by the database's as soon as it answers.
 */
import { browser } from 'wxt/browser';
import type { ArticleRecord } from './types';

export const FIRST_PAGE_KEY = 'libraryFirstPage';
/** The localStorage key of the synchronous copy. */
export const MIRROR_KEY = 'qingdu-library-first-page';
/** Articles per page of the library list. */
export const FIRST_PAGE_SIZE = 50;

export interface FirstPage {
  items: ArticleRecord[];
  more: boolean;
  /** When the copy was kept (ms); 0 for copies kept before stamps existed. */
  keptAt?: number;
}

function isRecord(value: unknown): value is ArticleRecord {
  const r = value as ArticleRecord | null;
  return !!r && typeof r === 'object' && typeof r.id === 'number' && typeof r.title === 'string' && typeof r.url === 'string' && Array.isArray(r.tags);
}

/** A kept copy as a page, or undefined when it is missing or damaged. */
function pageOf(value: unknown): FirstPage | undefined {
  const page = value as Partial<FirstPage> | null | undefined;
  if (!page || typeof page !== 'object' || !Array.isArray(page.items) || !page.items.every(isRecord)) return undefined;
  const keptAt = typeof page.keptAt === 'number' && Number.isFinite(page.keptAt) ? page.keptAt : 0;
  return { items: page.items.slice(0, FIRST_PAGE_SIZE), more: !!page.more, keptAt };
}

/** The page's localStorage, where there is one (not in a service worker; refused in some modes). */
function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The copy kept in storage.local, if there is one and it is well formed. */
export async function readFirstPage(): Promise<FirstPage | undefined> {
  try {
    return pageOf((await browser.storage.local.get(FIRST_PAGE_KEY))[FIRST_PAGE_KEY]);
  } catch {
    return undefined;
  }
}

/** The copy kept in localStorage, read synchronously, if there is one and it is well formed. */
export function readMirroredFirstPage(store: Pick<Storage, 'getItem'> | null = localStore() ?? null): FirstPage | undefined {
  try {
    return pageOf(JSON.parse(store?.getItem(MIRROR_KEY) ?? 'null'));
  } catch {
    return undefined;
  }
}

/** Keeps the page just read from the database (trash already left out), in both places. */
export async function writeFirstPage(page: FirstPage, now = Date.now()): Promise<void> {
  const kept: FirstPage = { items: page.items.slice(0, FIRST_PAGE_SIZE), more: page.more, keptAt: now };
  try {
    localStore()?.setItem(MIRROR_KEY, JSON.stringify(kept));
  } catch {
    /* full or refused: the next open reads storage.local or waits for the database */
  }
  try {
    await browser.storage.local.set({ [FIRST_PAGE_KEY]: kept });
  } catch {
    /* storage full or gone: the next open just waits for the database */
  }
}

/**
 * Whether a kept copy should replace what is shown (shown: the stamp of the copy on screen, or
 * undefined when nothing is). An empty copy is never shown, so it cannot say "nothing saved"
 * where the database may say otherwise.
 */
export function showsNewer(kept: FirstPage | undefined, shown: number | undefined): kept is FirstPage {
  return !!kept?.items.length && (shown === undefined || (kept.keptAt ?? 0) > shown);
}
