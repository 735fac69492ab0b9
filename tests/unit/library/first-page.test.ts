import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { article, freshDb } from './helpers';
import { FIRST_PAGE_KEY, FIRST_PAGE_SIZE, MIRROR_KEY, readFirstPage, readMirroredFirstPage, showsNewer, writeFirstPage } from '@/utils/library/first-page';
import { isFirstPage, listArticles, refreshFirstPage, saveArticle, trashArticle } from '@/utils/library/store';

describe('the kept first page of the library', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
  });

  it('keeps what the database listed, trash left out, and reads it back', async () => {
    const db = await freshDb();
    const a = await saveArticle(article('a', { savedAt: 1000 }), db);
    await saveArticle(article('b', { savedAt: 2000 }), db);
    await trashArticle(a.record.id, db);
    expect(await readFirstPage()).toBeUndefined();
    await refreshFirstPage(db);
    const kept = await readFirstPage();
    expect(kept?.items.map((i) => i.title)).toEqual(['标题 b']);
    expect(kept).toEqual({ ...(await listArticles({ limit: FIRST_PAGE_SIZE }, db)), keptAt: expect.any(Number) });
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

  it('keeps a stamped copy in localStorage too, which reads back synchronously', async () => {
    const db = await freshDb();
    await saveArticle(article('a', { savedAt: 1000 }), db);
    expect(readMirroredFirstPage()).toBeUndefined();
    await writeFirstPage(await listArticles({ limit: FIRST_PAGE_SIZE }, db), 1234);
    const mirrored = readMirroredFirstPage();
    expect(mirrored?.items.map((i) => i.title)).toEqual(['标题 a']);
    expect(mirrored?.keptAt).toBe(1234);
    expect(mirrored).toEqual(await readFirstPage());
  });

  it('ignores a damaged mirror instead of showing it, and a page without localStorage has none', () => {
    localStorage.setItem(MIRROR_KEY, '{"items":[{"id":1');
    expect(readMirroredFirstPage()).toBeUndefined();
    localStorage.setItem(MIRROR_KEY, JSON.stringify({ items: [{ id: 'x', title: 1 }] }));
    expect(readMirroredFirstPage()).toBeUndefined();
    localStorage.setItem(MIRROR_KEY, JSON.stringify({ items: [{ id: -1, title: 't', url: 'https://a.gov.cn/', tags: [] }], keptAt: 'soon' }));
    expect(readMirroredFirstPage()?.keptAt).toBe(0);
    expect(readMirroredFirstPage(null)).toBeUndefined();
  });

  it('lets a copy replace what is shown only when it is newer and not empty', () => {
    const page = (keptAt: number, n = 1) => ({ items: Array.from({ length: n }, (_, i) => ({ id: -i, title: 't', url: 'https://a.gov.cn/', tags: [] }) as never), more: false, keptAt });
    expect(showsNewer(page(5), undefined)).toBe(true);
    expect(showsNewer(page(5), 4)).toBe(true);
    expect(showsNewer(page(5), 5)).toBe(false);
    expect(showsNewer(page(3), 5)).toBe(false);
    expect(showsNewer(page(9, 0), undefined)).toBe(false);
    expect(showsNewer(undefined, undefined)).toBe(false);
  });
});
