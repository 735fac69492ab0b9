import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { article, freshDb } from './helpers';
import { FIRST_PAGE_KEY, FIRST_PAGE_SIZE, readFirstPage, writeFirstPage } from '@/utils/library/first-page';
import { isFirstPage, listArticles, refreshFirstPage, saveArticle, trashArticle } from '@/utils/library/store';

describe('the kept first page of the library', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps what the database listed, trash left out, and reads it back', async () => {
    const db = await freshDb();
    const a = await saveArticle(article('a', { savedAt: 1000 }), db);
    await saveArticle(article('b', { savedAt: 2000 }), db);
    await trashArticle(a.record.id, db);
    expect(await readFirstPage()).toBeUndefined();
    await refreshFirstPage(db);
    const kept = await readFirstPage();
    expect(kept?.items.map((i) => i.title)).toEqual(['标题 b']);
    expect(kept).toEqual(await listArticles({ limit: FIRST_PAGE_SIZE }, db));
  });

  it('ignores a damaged copy instead of showing it', async () => {
    await fakeBrowser.storage.local.set({ [FIRST_PAGE_KEY]: { items: [{ id: 'x', title: 1 }], more: false } });
    expect(await readFirstPage()).toBeUndefined();
    await fakeBrowser.storage.local.set({ [FIRST_PAGE_KEY]: 'not a page' });
    expect(await readFirstPage()).toBeUndefined();
  });

  it('keeps at most one page', async () => {
    const items = Array.from({ length: FIRST_PAGE_SIZE + 5 }, (_, i) => ({ id: -i, title: `t${i}`, url: 'https://a.gov.cn/', tags: [] }) as never);
    await writeFirstPage({ items, more: true });
    expect((await readFirstPage())?.items).toHaveLength(FIRST_PAGE_SIZE);
  });

  it('is only for the plain first page', () => {
    expect(isFirstPage({ limit: FIRST_PAGE_SIZE })).toBe(true);
    expect(isFirstPage({})).toBe(true);
    expect(isFirstPage({ query: '乡村' })).toBe(false);
    expect(isFirstPage({ site: 'a' })).toBe(false);
    expect(isFirstPage({ limit: FIRST_PAGE_SIZE * 2 })).toBe(false);
  });
});
