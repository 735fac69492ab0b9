import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import './helpers';
import { SCHEMA_VERSION, openLibraryDB, type ArticleRecordV1 } from '@/utils/library/db';
import { getArticle, listArticles } from '@/utils/library/store';

const v1 = JSON.parse(readFileSync('tests/fixtures/library/v1-articles.json', 'utf8')) as ArticleRecordV1[];

/** Writes the fixture the way version 1 stored it: one store, text inside each record. */
async function seedV1(name: string) {
  const db = await openDB(name, 1, {
    upgrade(v1) {
      const articles = v1.createObjectStore('articles', { keyPath: 'id' });
      articles.createIndex('key', 'key', { unique: true });
      articles.createIndex('savedAt', 'savedAt');
    },
  });
  for (const record of v1) await db.put('articles', record);
  db.close();
}

describe('library migrations', () => {
  it('schema 1 → 2 keeps every article and its text, and makes them searchable', async () => {
    const name = `migrate-${Math.random()}`;
    await seedV1(name);
    // The fixture really is in the version-1 shape before the upgrade.
    const raw = await openDB(name);
    expect(raw.version).toBe(1);
    expect([...raw.objectStoreNames]).toEqual(['articles']);
    expect((await raw.getAll('articles')).map((r) => r.text)).toEqual(v1.map((r) => r.text));
    raw.close();

    const db = await openLibraryDB(name);
    expect(db.version).toBe(SCHEMA_VERSION);
    const { items } = await listArticles({ limit: 100 }, db);
    expect(items.map((i) => i.key)).toEqual(v1.map((r) => r.key).reverse());
    expect(items.map((i) => i.id)).toEqual(v1.map((r) => -r.savedAt).reverse());
    for (const old of v1) {
      const saved = await getArticle(-old.savedAt, db);
      expect(saved?.meta).toMatchObject({
        key: old.key,
        url: old.url,
        title: old.title,
        savedAt: old.savedAt,
        script: old.script,
        tags: old.tags ?? [],
        note: old.note ?? '',
        docNumber: old.docNumber ?? '',
      });
      expect(saved?.text.text).toBe(old.text);
      expect(saved?.text.originalText).toBe(old.originalText);
      expect('text' in (saved!.meta as object)).toBe(false);
    }
    expect((await listArticles({ query: '本田' }, db)).items.map((i) => i.savedAt)).toEqual([1600000000000]);
    expect((await listArticles({ query: '国务院办公厅' }, db)).items.map((i) => i.savedAt)).toEqual([1600000000500]);
    expect((await listArticles({ site: 'gov.cn' }, db)).items.map((i) => i.savedAt)).toEqual([1600000001000]);
    expect((await listArticles({ year: 2020 }, db)).items).toHaveLength(3);
    expect((await listArticles({ year: 2019 }, db)).items).toHaveLength(0);
    db.close();
  });
});
