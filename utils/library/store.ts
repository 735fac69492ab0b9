/**
 * The library's operations: save (new or update, by canonical key), list newest first with
 * filters, search, trash with undo, wipe, and usage. Every write is one IndexedDB transaction,
 * so a failed write leaves what was saved before untouched. Never renders anything.
 */
import type { ArticleSnapshot } from '../messages';
import { keysFor } from './canonical';
import { type LibraryDB, excerptOf, gramsFor, openLibraryDB, searchableText, yearOf } from './db';
import { type Fold, loadFold } from './fold';
import { normalizeQuery, queryTokens } from './tokenize';
import type { ArticleInput, ArticleRecord, TextRecord } from './types';

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
      await articles.put(record);
      await tx.done;
      return { record, updated: true };
    }
    const text: TextRecord = { id, text: input.text ?? '', originalText: input.originalText ?? input.text ?? '' };
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
  return { meta, text: text ?? { id, text: '', originalText: '' } };
}

export async function updateDetails(id: number, patch: { tags?: string[]; note?: string }, db?: LibraryDB): Promise<ArticleRecord> {
  db ??= await library();
  const fold = await loadFold();
  const tx = db.transaction(['articles', 'texts', 'search'], 'readwrite');
  const meta = await tx.objectStore('articles').get(id);
  if (!meta) throw new LibraryError('这篇收藏已不存在');
  if (patch.tags) meta.tags = [...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))];
  if (patch.note !== undefined) meta.note = patch.note;
  await tx.objectStore('articles').put(meta);
  const text = await tx.objectStore('texts').get(id);
  await tx.objectStore('search').put({ id, grams: gramsFor(meta, text?.text ?? '', fold) });
  await tx.done;
  return meta;
}

/** Moves an article to the trash (kept 30 days); `restore` undoes it. */
export async function trashArticle(id: number, db?: LibraryDB, now = Date.now()): Promise<void> {
  db ??= await library();
  const tx = db.transaction('articles', 'readwrite');
  const meta = await tx.store.get(id);
  if (meta) await tx.store.put({ ...meta, deletedAt: now });
  await tx.done;
}

export async function restoreArticle(id: number, db?: LibraryDB): Promise<void> {
  db ??= await library();
  const tx = db.transaction('articles', 'readwrite');
  const meta = await tx.store.get(id);
  if (meta) {
    delete meta.deletedAt;
    await tx.store.put(meta);
  }
  await tx.done;
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
  const tx = db.transaction('articles');
  // Keys ascend from the newest, so the first `limit` keys are the newest; the trash is
  // skipped, so read that many more.
  const trashed = await tx.store.index('deletedAt').count();
  const want = limit + 1 + trashed;
  const only = (value: IDBValidKey) => IDBKeyRange.only(value);
  const ids =
    options.site !== undefined
      ? await tx.store.index('site').getAllKeys(only(options.site), want)
      : options.year !== undefined
        ? await tx.store.index('year').getAllKeys(only(options.year), want)
        : options.tag !== undefined
          ? await tx.store.index('tags').getAllKeys(only(options.tag), want)
          : await tx.store.getAllKeys(null, want);
  return collect(ids, limit, (id) => tx.store.get(id), (meta) => passes(meta, options));
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
): Promise<ListResult> {
  const items: ArticleRecord[] = [];
  const batch = limit + 1;
  for (let start = 0; start < ids.length; start += batch) {
    const slice = ids.slice(start, start + batch);
    const metas = await Promise.all(slice.map(get));
    for (let i = 0; i < slice.length; i++) {
      const meta = metas[i];
      if (!meta || !(await keep(meta, start + i))) continue;
      if (items.length === limit) return { items, more: true };
      items.push(meta);
    }
  }
  return { items, more: false };
}

/** Articles containing a token, newest first; at most `count` of them (exact tokens only). */
async function idsFor(db: LibraryDB, token: { token: string; prefix: boolean }, count?: number): Promise<{ ids: number[]; complete: boolean }> {
  if (token.prefix) {
    // A prefix range lists ids per matching word: read it whole and put it back in order.
    const ids = await db.getAllKeysFromIndex('search', 'grams', IDBKeyRange.bound(token.token, `${token.token}\uffff`));
    return { ids: [...new Set(ids)].sort((a, b) => a - b), complete: true };
  }
  const ids = await db.getAllKeysFromIndex('search', 'grams', IDBKeyRange.only(token.token), count);
  return { ids, complete: count === undefined || ids.length < count };
}

/** How many of a token's newest articles a search reads before it reads them all. */
const FIRST_READ = 1000;

/** Does this article contain every phrase of the (folded) query? */
export function confirms(meta: ArticleRecord, text: string, phrases: string[], fold: Fold): boolean {
  const haystack = fold(searchableText(meta, text));
  return phrases.every((phrase) => haystack.includes(phrase));
}

/** Whether the index alone decides the query (one Han pair or character, or one word prefix). */
function indexIsExact(phrases: string[], tokens: { token: string; prefix: boolean }[]): boolean {
  return phrases.length === 1 && tokens.length === 1 && phrases[0] === tokens[0].token;
}

async function search(query: string, filters: Filters, limit: number, db: LibraryDB): Promise<ListResult> {
  const fold = await loadFold();
  const folded = fold(query);
  const phrases = normalizeQuery(folded);
  const tokens = queryTokens(folded);
  if (!tokens.length) return { items: [], more: false };
  const exact = indexIsExact(phrases, tokens);
  // Only the rarest token's articles are read: every match contains it, and the phrase check
  // below decides the rest. Each token's newest articles are read first; a token with fewer than
  // that many articles is complete, so its list is exact.
  const firsts = await Promise.all(tokens.map((t) => idsFor(db, t, FIRST_READ)));
  // The smallest complete list, else the shortest read.
  const order = firsts.map((f, i) => i).sort((a, b) => Number(firsts[b].complete) - Number(firsts[a].complete) || firsts[a].ids.length - firsts[b].ids.length);
  const best = firsts[order[0]];
  if (best.complete && best.ids.length === 0) return { items: [], more: false };
  const first = await run(best.ids);
  if (best.complete || first.more) return first;
  return run((await idsFor(db, tokens[order[0]])).ids);

  function run(candidates: number[]): Promise<ListResult> {
    return confirmAll(candidates, exact, phrases, filters, limit, db, fold);
  }
}

async function confirmAll(candidates: number[], exact: boolean, phrases: string[], filters: Filters, limit: number, db: LibraryDB, fold: Fold): Promise<ListResult> {
  const tx = db.transaction(['articles', 'texts']);
  const articles = tx.objectStore('articles');
  const texts = tx.objectStore('texts');
  const bodies = new Map<number, Promise<TextRecord | undefined>>();
  return collect(
    candidates,
    limit,
    (id) => {
      // Start reading the text alongside its record, within the same batch.
      if (!exact) bodies.set(id, texts.get(id));
      return articles.get(id);
    },
    async (meta) => {
      if (!passes(meta, filters)) return false;
      if (exact) return true;
      const body = await bodies.get(meta.id);
      bodies.delete(meta.id);
      return confirms(meta, body?.text ?? '', phrases, fold);
    },
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
