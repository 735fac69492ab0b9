import { describe, expect, it } from 'vitest';
import { article, freshDb } from './helpers';
import { listArticles, restoreArticle, saveArticle, trashArticle, updateDetails } from '@/utils/library/store';

async function titles(db: Awaited<ReturnType<typeof freshDb>>, query: string, extra = {}) {
  return (await listArticles({ query, ...extra }, db)).items.map((i) => i.title).sort();
}

describe('library search', () => {
  it('本田 never matches an article that only has 本 and 田 apart', async () => {
    const db = await freshDb();
    await saveArticle(article('honda', { title: '本田汽车', text: '本田公司发布新车。' }), db);
    await saveArticle(article('apart', { title: '基本情况', text: '本次会议在田间举行，田本无事。' }), db);
    expect(await titles(db, '本田')).toEqual(['本田汽车']);
    expect(await titles(db, '本')).toEqual(['基本情况', '本田汽车']);
    expect(await titles(db, '田间')).toEqual(['基本情况']);
  });

  it('a 简体 query finds an article saved in 繁體, and the other way round', async () => {
    const db = await freshDb();
    await saveArticle(article('hant', { title: '施政報告', text: '國務院辦公廳關於推進政務公開的意見', script: 'tw' }), db);
    await saveArticle(article('hans', { title: '工作报告', text: '发展数字经济，建设网络强国' }), db);
    expect(await titles(db, '国务院办公厅')).toEqual(['施政報告']);
    expect(await titles(db, '施政报告')).toEqual(['施政報告']);
    expect(await titles(db, '數字經濟')).toEqual(['工作报告']);
  });

  it('matches title, site, source and 文号; words and digits as words; phrases must all appear', async () => {
    const db = await freshDb();
    await saveArticle(article('doc', { title: '通知', docNumber: '国办发〔2017〕47号', source: '国务院办公厅', text: 'GDP 增长 6.9%' }), db);
    await saveArticle(article('other', { title: '公告', text: '另一篇 GDPR 说明' }), db);
    expect(await titles(db, '47号')).toEqual(['通知']);
    expect(await titles(db, '国务院办公厅')).toEqual(['通知']);
    expect(await titles(db, 'gdp')).toEqual(['公告', '通知']);
    expect(await titles(db, 'GDP 增长')).toEqual(['通知']);
    expect(await titles(db, '示例政府网')).toEqual(['公告', '通知']);
    expect(await titles(db, '不存在的词')).toEqual([]);
  });

  it('search honours filters and leaves out the trash', async () => {
    const db = await freshDb();
    const a = await saveArticle(article('a', { text: '乡村振兴', tags: ['农业'] }), db);
    await saveArticle(article('b', { text: '乡村振兴战略' }), db);
    expect(await titles(db, '乡村振兴', { tag: '农业' })).toEqual(['标题 a']);
    await trashArticle(a.record.id, db);
    expect(await titles(db, '乡村振兴')).toEqual(['标题 b']);
  });
});

describe('the record copy a saved text keeps for search', () => {
  it('follows tags, trash and restore, and texts saved without it are still found', async () => {
    const db = await freshDb();
    const a = await saveArticle(article('a', { title: '甲', text: '推进乡村振兴' }), db);
    const b = await saveArticle(article('b', { title: '乙', text: '乡村振兴战略' }), db);
    await updateDetails(a.record.id, { tags: ['农业'] }, db);
    expect((await db.get('texts', a.record.id))?.meta).toEqual(await db.get('articles', a.record.id));
    expect(await titles(db, '乡村振兴', { tag: '农业' })).toEqual(['甲']);
    await trashArticle(b.record.id, db);
    expect(await titles(db, '乡村振兴')).toEqual(['甲']);
    await restoreArticle(b.record.id, db);
    expect(await titles(db, '乡村振兴')).toEqual(['乙', '甲']);
    // A text stored before the copy was kept: the record is read instead.
    const old = (await db.get('texts', b.record.id))!;
    delete old.meta;
    await db.put('texts', old);
    await trashArticle(a.record.id, db);
    const bare = (await db.get('texts', a.record.id))!;
    delete bare.meta;
    await db.put('texts', bare);
    expect(await titles(db, '乡村振兴')).toEqual(['乙']);
  });
});

describe('library search on more articles than one read of the index', () => {
  // 400 articles of five words each (a fixed pseudo-random draw): phrases in about half of them,
  // a phrase whose pairs are common but which itself is in five, Latin words sharing a prefix.
  // Every search is checked against a plain scan of the texts.
  const WORDS = ['乡村振兴', '乡村建设', '振兴产业', '城市更新', '数字经济', '生态保护', 'report', 'reporting', 'repo'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const texts: string[] = [];
  for (let i = 0; i < 400; i++) {
    const parts = Array.from({ length: 5 }, () => WORDS[Math.floor(next() * WORDS.length)]);
    if (i % 97 === 0) parts.push('建设乡村振兴产业');
    texts.push(parts.join('，'));
  }

  it('returns the newest matches first, exactly those a scan finds, and says when there are more', async () => {
    const db = await freshDb();
    for (let i = 0; i < texts.length; i++) await saveArticle(article(`n${i}`, { title: `第${i}篇`, text: texts[i], savedAt: 1_000_000 + i * 1000 }), db);
    const cases: [string, number][] = [
      ['乡村振兴', 20],
      ['村振兴产', 3],
      ['建设乡村振兴产业', 50],
      ['振兴', 150],
      ['repo', 30],
      ['report', 300],
      ['repo 建设乡村振兴产业', 10],
      ['数字经济 乡村建设', 10],
    ];
    for (const [query, limit] of cases) {
      const phrases = query.split(' ');
      // Newest first: the last saved first.
      const expected = texts
        .map((t, i) => ({ t, i }))
        .filter(({ t }) => phrases.every((p) => t.includes(p)))
        .map(({ i }) => `第${i}篇`)
        .reverse();
      const result = await listArticles({ query, limit }, db);
      expect(result.items.map((m) => m.title), query).toEqual(expected.slice(0, limit));
      expect(result.more, query).toBe(expected.length > limit);
    }
  }, 60_000);
});
