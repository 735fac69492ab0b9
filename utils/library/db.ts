/**
 * The library's IndexedDB database (shared by the popup, the library page and the background,
 * all in the extension's origin): stores, indexes and the schema migrations, one step per
 * version. A migration may reshape records but must never drop one.
 */
import { openDB, wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { type ArticleRecord, type StoredText, toStoredText } from './types';
import { type Fold, loadFold } from './fold';
import { indexTokens } from './tokenize';

export const DB_NAME = 'qingdu-library';
/** The schema version; stored as the database version and in every export. */
export const SCHEMA_VERSION = 2;

export interface SearchRecord {
  id: number;
  grams: string[];
}

export interface LibrarySchema extends DBSchema {
  articles: {
    key: number;
    value: ArticleRecord;
    indexes: { key: string; keys: string; savedAt: number; site: string; year: number; tags: string; deletedAt: number };
  };
  texts: { key: number; value: StoredText };
  search: { key: number; value: SearchRecord; indexes: { grams: string } };
}

export type LibraryDB = IDBPDatabase<LibrarySchema>;

/** Version 1 kept the text inside each article record and had no search index or trash. */
export interface ArticleRecordV1 {
  id: number;
  key: string;
  url: string;
  title: string;
  siteName?: string;
  source?: string;
  publishedAt?: string;
  docNumber?: string;
  savedAt: number;
  script: ArticleRecord['script'];
  text: string;
  originalText: string;
  tags?: string[];
  note?: string;
}

/** The text the search index and the phrase check see for an article. */
export function searchableText(meta: Pick<ArticleRecord, 'title' | 'siteName' | 'source' | 'agency' | 'docNumber'>, text: string): string {
  return [meta.title, meta.siteName, meta.source, meta.agency, meta.docNumber, text].join('\n');
}

export function gramsFor(meta: ArticleRecord, text: string, fold: Fold): string[] {
  return indexTokens(fold(searchableText(meta, text)));
}

export function yearOf(publishedAt: string, savedAt: number): number {
  const match = /^(\d{4})/.exec(publishedAt);
  return match ? Number(match[1]) : new Date(savedAt).getFullYear();
}

export function excerptOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 160);
}

type UpgradeTx = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>;

/** Schema steps: `steps[n]` upgrades a database at version n to n+1. */
const steps: Record<number, (db: LibraryDB, tx: UpgradeTx, fold: Fold | undefined) => Promise<void> | void> = {
  0(db) {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('key', 'key', { unique: true });
    articles.createIndex('savedAt', 'savedAt');
  },
  async 1(db, tx, fold) {
    // An empty database created by opening without a version has no stores yet.
    if (!db.objectStoreNames.contains('articles')) steps[0](db, tx, fold);
    const articles = tx.objectStore('articles');
    articles.createIndex('keys', 'keys', { multiEntry: true });
    articles.createIndex('site', 'site');
    articles.createIndex('year', 'year');
    articles.createIndex('tags', 'tags', { multiEntry: true });
    articles.createIndex('deletedAt', 'deletedAt');
    db.createObjectStore('texts', { keyPath: 'id' });
    const search = db.createObjectStore('search', { keyPath: 'id' });
    search.createIndex('grams', 'grams', { multiEntry: true });
    const texts = tx.objectStore('texts');
    // Version 2 keys articles by negative save time (ascending = newest first): re-key them all.
    const old = (await articles.getAll()) as unknown as ArticleRecordV1[];
    if (old.length && !fold) throw new Error('reindexing saved articles needs the script dictionaries');
    await articles.clear();
    for (const record of old) {
      let id = -Math.floor(record.savedAt);
      while ((await articles.getKey(id)) !== undefined) id--;
      const meta = upgradeRecordV1(record, id);
      await articles.put(meta);
      await texts.put(toStoredText(id, record.text ?? '', record.originalText ?? record.text ?? '', meta));
      await search.put({ id, grams: gramsFor(meta, record.text ?? '', fold!) });
    }
  },
};

/** A version-1 record as a version-2 article record (the text moves to its own store). */
export function upgradeRecordV1(old: ArticleRecordV1, id: number): ArticleRecord {
  const siteName = old.siteName ?? '';
  let host = '';
  try {
    host = new URL(old.url).hostname.replace(/^www\./, '');
  } catch {
    /* keep empty */
  }
  return {
    id,
    key: old.key,
    keys: [old.key],
    url: old.url,
    canonicalUrl: old.url,
    title: old.title ?? '',
    siteName,
    site: siteName || host,
    source: old.source ?? '',
    agency: '',
    publishedAt: old.publishedAt ?? '',
    docNumber: old.docNumber ?? '',
    savedAt: old.savedAt,
    updatedAt: old.savedAt,
    year: yearOf(old.publishedAt ?? '', old.savedAt),
    script: old.script ?? 'original',
    excerpt: excerptOf(old.text ?? ''),
    length: (old.text ?? '').length,
    tags: Array.isArray(old.tags) ? old.tags : [],
    note: old.note ?? '',
  };
}

/** Opens at whatever version the database has (creating an empty version-1 one when there is none). */
function openCurrent(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
  });
}

/** Opens (and if needed upgrades) the library. `version` is for migration tests only. */
export async function openLibraryDB(name = DB_NAME, version = SCHEMA_VERSION): Promise<LibraryDB> {
  // The common case, a library already at this version, opens once and loads no dictionaries.
  const current = await openCurrent(name);
  if (current && current.version === version && current.objectStoreNames.contains('articles')) {
    current.onversionchange = () => current.close();
    return wrap(current) as unknown as LibraryDB;
  }
  // Reindexing old records needs the fold, which must be ready before the upgrade transaction
  // starts (an upgrade cannot wait for anything but the database).
  const hasRecords = !current || current.objectStoreNames.contains('articles');
  current?.close();
  const fold = hasRecords ? await loadFold() : undefined;
  return openDB<LibrarySchema>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      try {
        for (let v = oldVersion; v < (newVersion ?? version); v++) await steps[v](db, tx, fold);
      } catch (error) {
        // Abort so the database stays at its old version with every record as it was.
        console.error('Qingdu library upgrade failed', error);
        tx.abort();
      }
    },
    blocking(_current, _next, event) {
      // A newer Qingdu page wants to upgrade: step aside so it is not blocked.
      (event.target as IDBDatabase).close();
    },
  });
}
