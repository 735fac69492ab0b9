import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { article, freshDb } from './helpers';
import { listArticles, saveArticle, wipeLibrary, getArticle } from '@/utils/library/store';
import {
  csvCell,
  exportLibrary,
  importFile,
  parseCsv,
  toBookmarksHtml,
  toCsv,
  toJson,
  parseImport,
  ImportError,
} from '@/utils/library/transfer';

const fixture = (name: string) => readFileSync(`tests/fixtures/library/${name}`, 'utf8');
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('library export', () => {
  it('JSON round trip: export, wipe, import gives the same library', async () => {
    const db = await freshDb();
    await saveArticle(article('a', { savedAt: 1000, tags: ['政策'], note: '备注', docNumber: '鄂政发〔2020〕1号' }), db);
    await saveArticle(article('b', { savedAt: 2000, title: HOSTILE, script: 'tw', text: '繁體正文', originalText: '简体正文' }), db);
    await saveArticle(article('c', { savedAt: 2000, url: 'https://x.gov.cn/c?utm_source=a', canonicalUrl: 'https://x.gov.cn/c' }), db);
    const before = await exportLibrary(db);
    const beforeList = (await listArticles({}, db)).items;
    await wipeLibrary(db);
    expect((await listArticles({}, db)).items).toHaveLength(0);
    const result = await importFile('qingdu.json', toJson(before), db);
    expect(result).toMatchObject({ format: 'qingdu-json', added: 3, updated: 0 });
    const after = await exportLibrary(db);
    expect(after.articles).toEqual(before.articles);
    expect((await listArticles({}, db)).items).toEqual(beforeList);
    // Importing the same file again merges by canonical URL instead of duplicating.
    expect(await importFile('qingdu.json', toJson(before), db)).toMatchObject({ added: 0, updated: 3 });
    expect((await exportLibrary(db)).articles).toEqual(before.articles);
  });

  it('bookmarks HTML escapes titles and URLs, and re-imports', async () => {
    const db = await freshDb();
    await saveArticle(article('a', { title: HOSTILE, url: 'https://gov.cn/a?x=1&y="2"', tags: ['一', '二'] }), db);
    const html = toBookmarksHtml(await exportLibrary(db));
    expect(html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>')).toBe(true);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const other = await freshDb();
    await importFile('bookmarks.html', html, other);
    const { items } = await listArticles({}, other);
    expect(items.map((i) => [i.title, i.url, i.tags])).toEqual([[HOSTILE, 'https://gov.cn/a?x=1&y="2"', ['一', '二']]]);
  });

  it('CSV has a BOM, quotes every cell and guards formulas', async () => {
    const db = await freshDb();
    await saveArticle(article('a', { title: '=1+1', note: '@SUM(A1)', text: '含"引号",逗号\n换行' }), db);
    const csv = toCsv(await exportLibrary(db));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv);
    expect(rows[0][0]).toBe('标题');
    expect(rows[1][0]).toBe("'=1+1");
    expect(rows[1][8]).toBe("'@SUM(A1)");
    expect(rows[1][9]).toBe('含"引号",逗号 换行');
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('政府')).toBe('"政府"');
  });
});

describe('library import', () => {
  it('imports a Qingdu JSON file with every field', async () => {
    const db = await freshDb();
    expect(await importFile('export.json', fixture('qingdu-export.json'), db)).toMatchObject({ added: 2 });
    const { items } = await listArticles({}, db);
    expect(items.map((i) => i.title)).toEqual([HOSTILE, '国务院关于印发新一代人工智能发展规划的通知']);
    const full = await getArticle(items[1].id, db);
    expect(full?.meta).toMatchObject({ docNumber: '国发〔2017〕35号', tags: ['规划', '人工智能'], year: 2017 });
    expect(full?.text.text).toContain('制定本规划');
    expect((await listArticles({ query: '抢抓' }, db)).items).toHaveLength(1);
    expect((await listArticles({ query: '委员们' }, db)).items.map((i) => i.title)).toEqual([HOSTILE]);
  });

  it('imports Pocket CSV with tags and times, merging the same URL', async () => {
    const db = await freshDb();
    await saveArticle(article('h', { url: 'https://hubei.gov.cn/a.shtml', text: '已保存的正文' }), db);
    const result = await importFile('pocket.csv', fixture('pocket.csv'), db);
    expect(result).toMatchObject({ format: 'pocket-csv', added: 2, updated: 1 });
    const { items } = await listArticles({}, db);
    expect(items).toHaveLength(3);
    const hubei = items.find((i) => i.url.includes('hubei'))!;
    expect(hubei.title).toBe('标题 h');
    expect((await getArticle(hubei.id, db))?.text.text).toBe('已保存的正文');
    const tagged = items.find((i) => i.tags.includes('政务公开'))!;
    expect(tagged.savedAt).toBe(1618000000 * 1000);
  });

  it('imports browser bookmarks, folders as tags, skipping non-web links', async () => {
    const db = await freshDb();
    const result = await importFile('bookmarks.html', fixture('bookmarks.html'), db);
    expect(result).toMatchObject({ format: 'bookmarks-html', added: 3, skipped: 1 });
    const { items } = await listArticles({}, db);
    const hubei = items.find((i) => i.url.includes('hubei'))!;
    expect(hubei.title).toBe('湖北省人民政府 <公开>');
    expect(hubei.tags).toEqual(['政府网站', '湖北', '公开']);
    expect(items.some((i) => i.url.startsWith('javascript'))).toBe(false);
  });

  const broken: [string, RegExp][] = [
    ['hostile-url.json', /第 2 篇文章.*http\/https/],
    ['truncated.json', /不是有效的 JSON/],
    ['newer.json', /较新版本/],
    ['wrong-type.json', /第 1 篇文章.*title/],
    ['not-pocket.csv', /缺少 url 列/],
    ['broken.csv', /未闭合的引号/],
    ['not-bookmarks.html', /不是浏览器书签文件/],
  ];
  it.each(broken)('%s gets a clear error and leaves the library untouched', async (name, message) => {
    const db = await freshDb();
    await saveArticle(article('keep', { savedAt: 1000 }), db);
    const before = await exportLibrary(db);
    const error = await importFile(name, fixture(name), db).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(message);
    expect((await exportLibrary(db)).articles).toEqual(before.articles);
  });

  it('an unknown file type is named as such', () => {
    expect(() => parseImport('notes.txt', 'hello')).toThrow(/无法识别的文件类型/);
  });
});
