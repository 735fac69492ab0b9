/**
 * The library's operations: save (new or update, by canonical key), list newest first with
 * filters, search, trash with undo, wipe, and usage. Every write is one IndexedDB transaction,
 * so a failed write leaves what was saved before untouched. Never renders anything.
 */
import type { ArticleSnapshot } from '../messages';
import { keysFor } from './canonical';
import { type LibraryDB, type LibrarySchema, excerptOf, gramsFor, openLibraryDB, searchableText, yearOf } from './db';
import type { IDBPTransaction } from 'idb';
import { type Fold, loadFold } from './fold';
import { normalizeQuery, queryTokens } from './tokenize';
import { FIRST_PAGE_SIZE, type FirstPage, readFirstPage, readMirroredFirstPage, writeFirstPage } from './first-page';
import { type ArticleInput, type ArticleRecord, type StoredText, type TextRecord, fromStoredText, toStoredText } from './types';

export const TRASH_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

let shared: Promise<LibraryDB> | undefined;

/** The library database of this page, opened once. */
export function library(): Promise<LibraryDB> {
  shared ??= openLibraryDB().catch((error) => {
    shared = undefined;
    throw new LibraryError(`无法打开收藏库：${messageOf(error)}`, error);
  });
  return shared;
}

/** For tests: forget the open database. */
export function resetLibraryHandle(): void {
  void shared?.then((db) => db.close()).catch(() => undefined);
  shared = undefined;
}

export class LibraryError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = 'LibraryError';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A write error in words a reader can act on. */
export function describeWriteError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  const text = messageOf(error);
  if (name === 'QuotaExceededError' || /quota/i.test(text)) {
    return '存储空间已满，本文未能保存。已收藏的文章都还在；请删除一些收藏或清空回收站后再试。';
  }
  if (error instanceof LibraryError) return error.message;
  return `保存失败（${name || text}）。已收藏的文章都还在，请稍后再试。`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Turns a page's snapshot into what the library stores. */
export function inputFromSnapshot(snapshot: ArticleSnapshot, now = Date.now()): ArticleInput {
  const meta = snapshot.meta;
  return {
    url: snapshot.url,
    canonicalUrl: meta.canonicalUrl || snapshot.url,
    title: meta.title ?? '',
    siteName: meta.siteName ?? '',
    source: meta.source ?? '',
    agency: meta.agency ?? '',
    publishedAt: meta.publishedAt ?? '',
    docNumber: meta.docNumber ?? '',
    savedAt: now,
    updatedAt: now,
    script: snapshot.script,
    text: snapshot.text,
    originalText: snapshot.originalText,
  };
}

function clean(value: unknown, max = 2000): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

function recordFrom(input: ArticleInput, id: number, keys: string[], previous?: ArticleRecord): ArticleRecord {
  const text = input.text ?? '';
  const savedAt = previous?.savedAt ?? input.savedAt ?? Date.now();
  const siteName = clean(input.siteName);
  const publishedAt = clean(input.publishedAt, 40);
  const canonicalUrl = input.canonicalUrl || input.url;
  const tags = [...new Set([...(previous?.tags ?? []), ...(input.tags ?? [])].map((t) => t.trim()).filter(Boolean))];
  return {
    id,
    key: keys[0],
    keys: [...new Set([...keys, ...(previous?.keys ?? [])])],
    url: input.url,
    canonicalUrl,
    title: clean(input.title) || canonicalUrl,
    siteName,
    site: siteName || hostOf(canonicalUrl),
    source: clean(input.source),
    agency: clean(input.agency),
    publishedAt,
    docNumber: clean(input.docNumber, 200),
    savedAt,
    updatedAt: input.updatedAt ?? Date.now(),
    year: yearOf(publishedAt, savedAt),
    script: input.script ?? 'original',
    excerpt: input.excerpt ?? excerptOf(text),
    length: text.length,
    tags,
    note: input.note ?? previous?.note ?? '',
  };
}

export interface SaveResult {
  record: ArticleRecord;
  /** True when an article with the same canonical key was already saved and was updated. */
  updated: boolean;
}

/**
 * Saves an article, or updates the saved copy of the same canonical key (restoring it from
 * the trash). One transaction: the article lands whole or not at all.
 */
export async function saveArticle(input: ArticleInput, db?: LibraryDB): Promise<SaveResult> {
  const keys = keysFor(input.canonicalUrl, input.url);
  if (!keys.length) throw new LibraryError(`只能收藏网页（http/https），不能收藏 ${input.url}`);
  db ??= await library();
  const fold = await loadFold();
  try {
    const tx = db.transaction(['articles', 'texts', 'search'], 'readwrite');
    const articles = tx.objectStore('articles');
    let previous: ArticleRecord | undefined;
    for (const key of keys) {
      previous = (await articles.index('key').get(key)) ?? (await articles.index('keys').get(key));
      if (previous) break;
    }
    let id = previous?.id ?? idFor(input.savedAt ?? Date.now());
    if (!previous) while ((await articles.getKey(id)) !== undefined) id--;
    const record = recordFrom(input, id, previous ? [previous.key, ...keys] : keys, previous);
    if (previous && input.text === undefined) {
      // A bookmark-only import never replaces a saved copy.
      const old = await tx.objectStore('texts').get(id);
      record.length = old?.text.length ?? 0;
      record.excerpt = previous.excerpt;
      await putRecord(tx, record);
      await tx.done;
      return { record, updated: true };
    }
    const text = toStoredText(id, input.text ?? '', input.originalText ?? input.text ?? '', record);
    await articles.put(record);
    await tx.objectStore('texts').put(text);
    await tx.objectStore('search').put({ id, grams: gramsFor(record, text.text, fold) });
    await tx.done;
    return { record, updated: !!previous };
  } catch (error) {
    throw new LibraryError(describeWriteError(error), error);
  }
}

/** The saved article known by any of these URLs (trash excluded). */
export async function findSaved(urls: (string | undefined)[], db?: LibraryDB): Promise<ArticleRecord | undefined> {
  db ??= await library();
  for (const key of keysFor(...urls)) {
    const found = await db.getFromIndex('articles', 'keys', key);
    if (found && found.deletedAt === undefined) return found;
  }
  return undefined;
}

export async function getArticle(id: number, db?: LibraryDB): Promise<{ meta: ArticleRecord; text: TextRecord } | undefined> {
  db ??= await library();
  const tx = db.transaction(['articles', 'texts']);
  const meta = await tx.objectStore('articles').get(id);
  const text = await tx.objectStore('texts').get(id);
  if (!meta) return undefined;
  return { meta, text: text ? fromStoredText(text) : { id, text: '', originalText: '' } };
}

export async function updateDetails(id: number, patch: { tags?: string[]; note?: string }, db?: LibraryDB): Promise<ArticleRecord> {
  db ??= await library();
  const fold = await loadFold();
  const tx = db.transaction(['articles', 'texts', 'search'], 'readwrite');
  const meta = await tx.objectStore('articles').get(id);
  if (!meta) throw new LibraryError('这篇收藏已不存在');
  if (patch.tags) meta.tags = [...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))];
  if (patch.note !== undefined) meta.note = patch.note;
  const text = await putRecord(tx, meta);
  await tx.objectStore('search').put({ id, grams: gramsFor(meta, text?.text ?? '', fold) });
  await tx.done;
  return meta;
}

/** Moves an article to the trash (kept 30 days); `restore` undoes it. */
export async function trashArticle(id: number, db?: LibraryDB, now = Date.now()): Promise<void> {
  db ??= await library();
  const tx = db.transaction(['articles', 'texts'], 'readwrite');
  const meta = await tx.objectStore('articles').get(id);
  if (meta) await putRecord(tx, { ...meta, deletedAt: now });
  await tx.done;
}

export async function restoreArticle(id: number, db?: LibraryDB): Promise<void> {
  db ??= await library();
  const tx = db.transaction(['articles', 'texts'], 'readwrite');
  const meta = await tx.objectStore('articles').get(id);
  if (meta) {
    delete meta.deletedAt;
    await putRecord(tx, meta);
  }
  await tx.done;
}

type RecordTx = IDBPTransaction<LibrarySchema, ('articles' | 'texts' | 'search')[], 'readwrite'>;

/** Writes an article's record and the copy its saved text keeps; returns the saved text. */
async function putRecord(tx: RecordTx, record: ArticleRecord): Promise<StoredText | undefined> {
  await tx.objectStore('articles').put(record);
  const texts = tx.objectStore('texts');
  const text = await texts.get(record.id);
  if (text) await texts.put({ ...text, meta: record });
  return text;
}

/** Deletes an article for good (text and search index included). */
export async function purgeArticle(id: number, db?: LibraryDB): Promise<void> {
  db ??= await library();
  const tx = db.transaction(['articles', 'texts', 'search'], 'readwrite');
  await Promise.all([tx.objectStore('articles').delete(id), tx.objectStore('texts').delete(id), tx.objectStore('search').delete(id), tx.done]);
}

/** Empties the trash of articles deleted more than 30 days ago; returns how many went. */
export async function purgeOldTrash(db?: LibraryDB, now = Date.now()): Promise<number> {
  db ??= await library();
  const old = await db.getAllKeysFromIndex('articles', 'deletedAt', IDBKeyRange.upperBound(now - TRASH_DAYS * DAY));
  for (const id of old) await purgeArticle(id, db);
  return old.length;
}

export async function listTrash(db?: LibraryDB): Promise<ArticleRecord[]> {
  db ??= await library();
  const items = await db.getAllFromIndex('articles', 'deletedAt');
  return items.sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
}

/** Removes every article, trash included. */
export async function wipeLibrary(db?: LibraryDB): Promise<void> {
  db ??= await library();
  const tx = db.transaction(['articles', 'texts', 'search'], 'readwrite');
  await Promise.all([tx.objectStore('articles').clear(), tx.objectStore('texts').clear(), tx.objectStore('search').clear(), tx.done]);
}

export interface Filters {
  site?: string;
  year?: number;
  tag?: string;
}

export interface ListOptions extends Filters {
  query?: string;
  limit?: number;
}

export interface ListResult {
  items: ArticleRecord[];
  /** True when more articles match than `limit`. */
  more: boolean;
}

function passes(meta: ArticleRecord, filters: Filters): boolean {
  if (meta.deletedAt !== undefined) return false;
  if (filters.site !== undefined && meta.site !== filters.site) return false;
  if (filters.year !== undefined && meta.year !== filters.year) return false;
  if (filters.tag !== undefined && !meta.tags.includes(filters.tag)) return false;
  return true;
}

/** Articles newest first, filtered; with a query, only those whose text contains every phrase. */
export async function listArticles(options: ListOptions = {}, db?: LibraryDB): Promise<ListResult> {
  db ??= await library();
  const limit = options.limit ?? 50;
  const query = options.query?.trim();
  if (query) return search(query, options, limit, db);
  // Records come back whole, newest first (keys ascend from the newest), in one request per
  // round; only if the trash or the filters skipped some is a larger round read.
  const only = (value: IDBValidKey) => IDBKeyRange.only(value);
  const read = (count: number) => {
    const store = db.transaction('articles').store;
    if (options.site !== undefined) return store.index('site').getAll(only(options.site), count);
    if (options.year !== undefined) return store.index('year').getAll(only(options.year), count);
    if (options.tag !== undefined) return store.index('tags').getAll(only(options.tag), count);
    return store.getAll(null, count);
  };
  for (let want = limit + 1; ; want *= 4) {
    const records = await read(want);
    const items = records.filter((meta) => passes(meta, options));
    if (items.length > limit) return { items: items.slice(0, limit), more: true };
    if (records.length < want) return { items, more: false };
  }
}

/** The first page as a page starts: the database's answer, and the copies kept of it. */
export interface FirstList {
  result: Promise<ListResult>;
  /** The copy in localStorage, read synchronously: it can be drawn with the first render. */
  mirrored: FirstPage | undefined;
  /** The copy in storage.local (newer than the mirror after a save made by the background). */
  kept: Promise<FirstPage | undefined>;
}

let firstList: FirstList | undefined;

/** Whether these options ask for the library's plain first page (no query, no filter). */
export function isFirstPage(options: ListOptions): boolean {
  return !options.query?.trim() && options.site === undefined && options.year === undefined && options.tag === undefined && (options.limit ?? FIRST_PAGE_SIZE) === FIRST_PAGE_SIZE;
}

/**
 * Starts reading the unfiltered first page as early as a page can (before it renders), from the
 * database and from the copies kept of it (which answer first, the mirror at once).
 * `takeFirstList` hands them over once.
 */
export function prefetchFirstList(): void {
  const result = listArticles({ limit: FIRST_PAGE_SIZE });
  result.then((page) => writeFirstPage(page)).catch(() => undefined);
  firstList = { result, mirrored: readMirroredFirstPage(), kept: readFirstPage() };
}

/** The prefetched first page and its kept copies, if they were started and these options ask for it (once). */
export function takeFirstList(options: ListOptions): FirstList | undefined {
  const taken = firstList;
  firstList = undefined;
  return taken && isFirstPage(options) ? taken : undefined;
}

/** Reads the first page again and keeps it (after a change, wherever it was made). */
export async function refreshFirstPage(db?: LibraryDB): Promise<void> {
  await writeFirstPage(await listArticles({ limit: FIRST_PAGE_SIZE }, db));
}

/** The key of an article saved at `savedAt`: negative, so ascending key order is newest first. */
export function idFor(savedAt: number): number {
  return -Math.floor(savedAt);
}

/** Reads records for ids (newest first) in batches until `limit` pass, plus one to know of more. */
async function collect(
  ids: number[],
  limit: number,
  get: (id: number) => Promise<ArticleRecord | undefined>,
  keep: (meta: ArticleRecord, index: number) => boolean | Promise<boolean>,
  items: ArticleRecord[] = [],
): Promise<ListResult> {
  for (let start = 0; start < ids.length; ) {
    // Read about as many as are still wanted (a little more, as some will not pass).
    const need = limit + 1 - items.length;
    const slice = ids.slice(start, start + Math.max(8, Math.ceil(need * 1.25)));
    const metas = await Promise.all(slice.map(get));
    for (let i = 0; i < slice.length; i++) {
      const meta = metas[i];
      if (!meta || !(await keep(meta, start + i))) continue;
      if (items.length === limit) return { items, more: true };
      items.push(meta);
    }
    start += slice.length;
  }
  return { items, more: false };
}

/** A token's articles, newest first (ascending ids): the newest `count`, or all of them. */
interface Postings {
  ids: number[];
  /** Every article with the token is in `ids`. */
  complete: boolean;
  /** Membership, for the ids up to the last one read (the part of the list that is known). */
  has: Set<number>;
}

/** A word being typed matches the words it starts; past this many, all of their articles are read. */
const PREFIX_WORDS = 8;

async function postings(db: LibraryDB, token: { token: string; prefix: boolean }, count?: number): Promise<Postings> {
  const index = db.transaction('search').store.index('grams');
  if (!token.prefix) {
    const ids = await index.getAllKeys(IDBKeyRange.only(token.token), count);
    return { ids, complete: count === undefined || ids.length < count, has: new Set(ids) };
  }
  // The words the prefix starts, each with its newest articles, merged. Ids up to the earliest
  // point where a word's list was cut are known exactly; later ones are left for a whole read.
  const end = `${token.token}\uffff`;
  const range = IDBKeyRange.bound(token.token, end);
  const words: string[] = [];
  // One fresh cursor per word: stepping a 'nextunique' cursor walks every article of a word.
  for (let from = range; count !== undefined && words.length <= PREFIX_WORDS; ) {
    const cursor = await index.openKeyCursor(from);
    if (!cursor) break;
    words.push(cursor.key as string);
    from = IDBKeyRange.bound(cursor.key, end, true);
  }
  if (count === undefined || words.length > PREFIX_WORDS) {
    const ids = [...new Set(await index.getAllKeys(range))].sort((a, b) => a - b);
    return { ids, complete: true, has: new Set(ids) };
  }
  const lists = await Promise.all(words.map((w) => index.getAllKeys(IDBKeyRange.only(w), count)));
  let cut = Infinity;
  for (const l of lists) if (l.length === count) cut = Math.min(cut, l[l.length - 1]);
  const ids = [...new Set(lists.flat())].filter((id) => id <= cut).sort((a, b) => a - b);
  return { ids, complete: cut === Infinity, has: new Set(ids) };
}

/** How many of each token's newest articles a search reads first. */
const FIRST_READ = 64;

/** Does this article contain every phrase of the (folded) query? */
export function confirms(meta: ArticleRecord, text: string, phrases: string[], fold: Fold): boolean {
  const haystack = fold(searchableText(meta, text));
  return phrases.every((phrase) => haystack.includes(phrase));
}

/** Whether the index alone decides the query (one Han pair or character, or one word prefix). */
function indexIsExact(phrases: string[], tokens: { token: string; prefix: boolean }[]): boolean {
  return phrases.length === 1 && tokens.length === 1 && phrases[0] === tokens[0].token;
}

/** Whether `id` may contain the token of `list`: read and present, or beyond what was read. */
function mayHave(list: Postings, id: number): boolean {
  if (list.has.has(id)) return true;
  return !list.complete && (list.ids.length === 0 || id > list.ids[list.ids.length - 1]);
}

/**
 * Search plan: read each token's newest articles; drive by the smallest complete list, else by
 * the sparsest one (its newest articles reach furthest back), dropping candidates another list
 * rules out; confirm each candidate's phrases against its stored text, newest first. Only when
 * that is not enough for a page is the driving list read whole.
 */
async function search(query: string, filters: Filters, limit: number, db: LibraryDB): Promise<ListResult> {
  const fold = await loadFold();
  const folded = fold(query);
  const phrases = normalizeQuery(folded);
  const tokens = queryTokens(folded);
  if (!tokens.length) return { items: [], more: false };
  const exact = indexIsExact(phrases, tokens);
  const lists = await Promise.all(tokens.map((t) => postings(db, t, Math.max(FIRST_READ, limit + 1))));
  if (lists.some((l) => l.complete && l.ids.length === 0)) return { items: [], more: false };
  const reach = (l: Postings) => (l.ids.length ? l.ids[l.ids.length - 1] : -Infinity);
  const order = lists
    .map((_, i) => i)
    .sort((a, b) => Number(lists[b].complete) - Number(lists[a].complete) || (lists[a].complete ? lists[a].ids.length - lists[b].ids.length : reach(lists[b]) - reach(lists[a])));
  const d = order[0];
  const candidates = (driver: Postings, after: number) =>
    driver.ids.filter((id) => id > after && lists.every((l, i) => i === d || mayHave(l, id)));
  const first = await confirmAll(candidates(lists[d], -Infinity), exact, phrases, filters, limit, db, fold);
  if (lists[d].complete || first.more) return first;
  // Not a page yet: read the driving token whole and go on after the last candidate seen.
  const all = await postings(db, tokens[d]);
  return confirmAll(candidates(all, reach(lists[d])), exact, phrases, filters, limit, db, fold, first.items);
}

async function confirmAll(
  candidates: number[],
  exact: boolean,
  phrases: string[],
  filters: Filters,
  limit: number,
  db: LibraryDB,
  fold: Fold,
  items: ArticleRecord[] = [],
): Promise<ListResult> {
  const tx = db.transaction(['articles', 'texts']);
  const articles = tx.objectStore('articles');
  const texts = tx.objectStore('texts');
  const bodies = new Map<number, Promise<StoredText | undefined>>();
  return collect(
    candidates,
    limit,
    async (id) => {
      if (exact) return articles.get(id);
      // The saved text carries a copy of the record: one read per candidate.
      const body = texts.get(id);
      bodies.set(id, body);
      return (await body)?.meta ?? articles.get(id);
    },
    async (meta) => {
      if (!passes(meta, filters)) return false;
      if (exact) return true;
      const body = await bodies.get(meta.id);
      bodies.delete(meta.id);
      return confirms(meta, body?.text ?? '', phrases, fold);
    },
    items,
  );
}

export interface Facets {
  sites: string[];
  years: number[];
  tags: string[];
  count: number;
  trash: number;
}

async function uniqueKeys<K extends 'site' | 'year' | 'tags'>(db: LibraryDB, index: K) {
  const keys: unknown[] = [];
  let cursor = await db.transaction('articles').store.index(index).openKeyCursor(null, 'nextunique');
  while (cursor) {
    keys.push(cursor.key);
    cursor = await cursor.continue();
  }
  return keys;
}

/** What the filters offer, and how many articles there are (trash counted apart). */
export async function facets(db?: LibraryDB): Promise<Facets> {
  db ??= await library();
  const [sites, years, tags, all, trash] = await Promise.all([
    uniqueKeys(db, 'site'),
    uniqueKeys(db, 'year'),
    uniqueKeys(db, 'tags'),
    db.count('articles'),
    db.countFromIndex('articles', 'deletedAt'),
  ]);
  return {
    sites: (sites as string[]).filter(Boolean),
    years: (years as number[]).sort((a, b) => b - a),
    tags: tags as string[],
    count: all - trash,
    trash,
  };
}

/** Bytes used and available to the extension's origin, when the browser says. */
export async function storageUsage(): Promise<{ usage?: number; quota?: number }> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    return { usage: estimate?.usage, quota: estimate?.quota };
  } catch {
    return {};
  }
}
