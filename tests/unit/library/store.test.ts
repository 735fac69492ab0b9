import { describe, expect, it } from 'vitest';
import { article, freshDb } from './helpers';
import {
  facets,
  findSaved,
  getArticle,
  listArticles,
  listTrash,
  purgeOldTrash,
  restoreArticle,
  saveArticle,
  trashArticle,
  LibraryError,
} from '@/utils/library/store';

describe('library store', () => {
  it('saves one record per article and finds it by any form of its URL', async () => {
    const db = await freshDb();
    const { record, updated } = await saveArticle(article('a', { savedAt: 1000 }), db);
    expect(updated).toBe(false);
    expect(record.site).toBe('示例政府网');
    expect((await findSaved(['http://example.gov.cn/art/a.html?utm_source=x#p2'], db))?.id).toBe(record.id);
    expect((await getArticle(record.id, db))?.text.text).toBe('正文 a');
  });

  it('saving the same canonical URL again updates the saved copy instead of duplicating', async () => {
    const db = await freshDb();
    const first = await saveArticle(article('a', { savedAt: 1000, text: '旧文' }), db);
    const again = await saveArticle(article('a', { url: 'http://example.gov.cn/art/a.html/', savedAt: 2000, text: '新文' }), db);
    expect(again.updated).toBe(true);
    expect(again.record.id).toBe(first.record.id);
    expect(again.record.savedAt).toBe(1000);
    expect((await listArticles({}, db)).items).toHaveLength(1);
    expect((await getArticle(first.record.id, db))?.text.text).toBe('新文');
  });

  it('three saves at the same moment give three articles', async () => {
    const db = await freshDb();
    await Promise.all(['x', 'y', 'z'].map((id) => saveArticle(article(id, { savedAt: 5000 }), db)));
    const { items } = await listArticles({}, db);
    expect(items.map((i) => i.title).sort()).toEqual(['标题 x', '标题 y', '标题 z']);
    expect(new Set(items.map((i) => i.id)).size).toBe(3);
  });

  it('lists newest first and filters by site, year and tag', async () => {
    const db = await freshDb();
    await saveArticle(article('old', { savedAt: 1000, publishedAt: '2019-01-02', tags: ['政策'] }), db);
    await saveArticle(article('new', { savedAt: 3000, url: 'https://other.gov.cn/n', siteName: '' }), db);
    await saveArticle(article('mid', { savedAt: 2000, tags: ['政策', '通知'] }), db);
    expect((await listArticles({}, db)).items.map((i) => i.title)).toEqual(['标题 new', '标题 mid', '标题 old']);
    expect((await listArticles({ site: 'other.gov.cn' }, db)).items.map((i) => i.title)).toEqual(['标题 new']);
    expect((await listArticles({ year: 2019 }, db)).items.map((i) => i.title)).toEqual(['标题 old']);
    expect((await listArticles({ tag: '政策' }, db)).items.map((i) => i.title)).toEqual(['标题 mid', '标题 old']);
    const f = await facets(db);
    expect(f.sites.sort()).toEqual(['other.gov.cn', '示例政府网'].sort());
    expect(f.years).toEqual([2020, 2019]);
    expect(f.tags.sort()).toEqual(['政策', '通知'].sort());
    expect(f.count).toBe(3);
    expect((await listArticles({ limit: 2 }, db)).more).toBe(true);
  });

  it('lists past a trash that fills the first page, and with filters', async () => {
    const db = await freshDb();
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push((await saveArticle(article(`a${i}`, { savedAt: 1000 * (i + 1), tags: i % 2 ? ['单'] : [] }), db)).record.id);
    // The six newest go to the trash: the first read of three finds none to show.
    for (const id of ids.slice(4)) await trashArticle(id, db);
    const page = await listArticles({ limit: 2 }, db);
    expect(page.items.map((i) => i.title)).toEqual(['标题 a3', '标题 a2']);
    expect(page.more).toBe(true);
    expect((await listArticles({ limit: 4 }, db)).more).toBe(false);
    expect((await listArticles({ tag: '单', limit: 1 }, db)).items.map((i) => i.title)).toEqual(['标题 a3']);
    expect((await listArticles({ tag: '单', limit: 2 }, db)).more).toBe(false);
  });

  it('stores the original-script text only when it differs, and reads both back', async () => {
    const db = await freshDb();
    const same = await saveArticle(article('same', { text: '正文', originalText: '正文' }), db);
    const differs = await saveArticle(article('differs', { text: '繁體正文', originalText: '简体正文', script: 'tw' }), db);
    const stored = await db.get('texts', same.record.id);
    expect(stored && 'originalText' in stored).toBe(false);
    expect(stored?.text).toBe('正文');
    expect((await getArticle(same.record.id, db))?.text).toEqual({ id: same.record.id, text: '正文', originalText: '正文' });
    expect((await getArticle(differs.record.id, db))?.text.originalText).toBe('简体正文');
  });

  it('trash hides an article, undo restores it, and the trash empties after 30 days', async () => {
    const db = await freshDb();
    const { record } = await saveArticle(article('a', { savedAt: 1000 }), db);
    await trashArticle(record.id, db, 10_000);
    expect((await listArticles({}, db)).items).toHaveLength(0);
    expect(await findSaved([record.url], db)).toBeUndefined();
    expect((await listTrash(db)).map((t) => t.id)).toEqual([record.id]);
    await restoreArticle(record.id, db);
    expect((await listArticles({}, db)).items).toHaveLength(1);
    await trashArticle(record.id, db, 10_000);
    expect(await purgeOldTrash(db, 10_000 + 29 * 86_400_000)).toBe(0);
    expect(await purgeOldTrash(db, 10_000 + 31 * 86_400_000)).toBe(1);
    expect(await getArticle(record.id, db)).toBeUndefined();
  });

  it('a failed write reports a clear message and keeps what was saved before', async () => {
    const db = await freshDb();
    await saveArticle(article('keep', { savedAt: 1000 }), db);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const error = await saveArticle(article('new', { savedAt: 2000 }), db).catch((e) => e);
      expect(error).toBeInstanceOf(LibraryError);
      expect(error.message).toContain('存储空间已满');
      expect(error.message).toContain('已收藏的文章都还在');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect((await listArticles({}, db)).items.map((i) => i.title)).toEqual(['标题 keep']);
  });

  it('refuses to save what is not a web page', async () => {
    const db = await freshDb();
    await expect(saveArticle(article('x', { url: 'javascript:alert(1)' }), db)).rejects.toThrow(/http\/https/);
  });
});
