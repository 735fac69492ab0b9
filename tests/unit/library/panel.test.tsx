import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/preact';
import './helpers';
import { article } from './helpers';
import { saveArticle, library, wipeLibrary, prefetchFirstList } from '@/utils/library/store';
import { FIRST_PAGE_KEY, MIRROR_KEY, readFirstPage, writeFirstPage } from '@/utils/library/first-page';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ArticleRecord } from '@/utils/library/types';
import type { LibraryDB } from '@/utils/library/db';
import { cleanup } from '@testing-library/preact';
import { LibraryPanel } from '@/components/library/LibraryPanel';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** Holds a write transaction on the articles, as a database still opening holds every read. */
function holdDatabase(db: LibraryDB) {
  let hold = true;
  const tx = db.transaction('articles', 'readwrite');
  const held = (async () => {
    while (hold) await tx.store.get(0);
    await tx.done;
  })();
  return () => {
    hold = false;
    return held;
  };
}

/**
 * Renders the panel on a library holding one article titled `title`, with the mirror made from
 * its record and, if given, a copy in storage.local; the database is held until `release`.
 */
async function openHeld(title: string, mirror: (saved: ArticleRecord) => ArticleRecord[], kept?: object) {
  cleanup();
  const db = await library();
  await wipeLibrary(db);
  const { record } = await saveArticle(article('real', { savedAt: 3000, title }), db);
  localStorage.setItem(MIRROR_KEY, JSON.stringify({ items: mirror(record), more: false, keptAt: 100 }));
  await (kept ? fakeBrowser.storage.local.set({ [FIRST_PAGE_KEY]: kept }) : fakeBrowser.storage.local.remove(FIRST_PAGE_KEY));
  const release = holdDatabase(db);
  prefetchFirstList();
  const { container } = render(<LibraryPanel />);
  const titles = () => Array.from(container.querySelectorAll('.lib-list .lib-title')).map((el) => el.textContent);
  return { titles, release };
}

/** A record as kept in a copy of the first page. */
function keptRecord(id: number, title: string): ArticleRecord {
  return { id, key: `k${id}`, keys: [`k${id}`], url: `https://a.gov.cn/${-id}.html`, canonicalUrl: `https://a.gov.cn/${-id}.html`, title, siteName: '', site: 'a.gov.cn', source: '', agency: '', publishedAt: '', docNumber: '', savedAt: -id, updatedAt: -id, year: 2020, script: 'original', excerpt: '', length: 1, tags: [], note: '' };
}

describe('LibraryPanel', () => {
  afterEach(() => cleanup());

  it('lists newest first, shows a hostile title as text, searches and deletes with 撤销', async () => {
    const db = await library();
    await wipeLibrary(db);
    await saveArticle(article('old', { savedAt: 1000, title: '旧通知', text: '关于本田汽车的说明' }), db);
    await saveArticle(article('new', { savedAt: 2000, title: HOSTILE, text: '基本情况' }), db);
    const { container } = render(<LibraryPanel />);
    await waitFor(() => expect(container.querySelectorAll('.lib-item')).toHaveLength(2));
    const titles = () => Array.from(container.querySelectorAll('.lib-list .lib-title')).map((el) => el.textContent);
    expect(titles()).toEqual([HOSTILE, '旧通知']);
    expect(container.querySelector('img')).toBeNull();

    fireEvent.input(screen.getByLabelText('搜索收藏'), { target: { value: '本田' } });
    await waitFor(() => expect(titles()).toEqual(['旧通知']));

    fireEvent.input(screen.getByLabelText('搜索收藏'), { target: { value: '' } });
    await waitFor(() => expect(titles()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: '删除《旧通知》' }));
    await waitFor(() => expect(titles()).toEqual([HOSTILE]));
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    await waitFor(() => expect(titles()).toEqual([HOSTILE, '旧通知']));
  });

  it('shows the kept first page until the database answers, then the list from the database, and keeps that', async () => {
    cleanup();
    const db = await library();
    await wipeLibrary(db);
    await saveArticle(article('real', { savedAt: 3000, title: '库里的文章' }), db);
    const stale = { ...(await saveArticle(article('kept', { savedAt: 4000, title: '上次打开时的文章' }), db)).record };
    await wipeLibrary(db);
    await saveArticle(article('real', { savedAt: 3000, title: '库里的文章' }), db);
    await writeFirstPage({ items: [stale], more: false });
    prefetchFirstList();
    const { container } = render(<LibraryPanel />);
    const titles = () => Array.from(container.querySelectorAll('.lib-list .lib-title')).map((el) => el.textContent);
    await waitFor(() => expect(titles()).toEqual(['上次打开时的文章']));
    await waitFor(() => expect(titles()).toEqual(['库里的文章']));
    expect((await readFirstPage())?.items.map((i) => i.title)).toEqual(['库里的文章']);
  });

  it('says 正在搜索… while a search waits for the database, and shows the results when they come', async () => {
    cleanup();
    const db = await library();
    await wipeLibrary(db);
    await saveArticle(article('a', { savedAt: 1000, title: '乡村振兴通知', text: '推进乡村振兴' }), db);
    await saveArticle(article('b', { savedAt: 2000, title: '营商环境通知', text: '优化营商环境' }), db);
    const { container } = render(<LibraryPanel />);
    const titles = () => Array.from(container.querySelectorAll('.lib-list .lib-title')).map((el) => el.textContent);
    await waitFor(() => expect(titles()).toHaveLength(2));
    expect(container.querySelector('.lib-pending')).toBeNull();
    // A write the search has to wait for, as a database still opening makes it wait.
    const release = holdDatabase(db);
    fireEvent.input(screen.getByLabelText('搜索收藏'), { target: { value: '乡村' } });
    await waitFor(() => expect(container.querySelector('.lib-pending')?.textContent).toBe('正在搜索…'));
    expect(titles()).toHaveLength(2);
    await release();
    await waitFor(() => expect(titles()).toEqual(['乡村振兴通知']));
    expect(container.querySelector('.lib-pending')).toBeNull();
  });

  it('draws the mirrored first page with its first render, and the list from the database when it answers', async () => {
    const { titles, release } = await openHeld('库里的文章', () => [keptRecord(-4000, '上次打开时的文章')]);
    // No await between render and this: the mirror is in the first render.
    expect(titles()).toEqual(['上次打开时的文章']);
    await release();
    await waitFor(() => expect(titles()).toEqual(['库里的文章']));
  });

  it('replaces the mirror with a newer copy from storage.local (a save by the background), never with an older one', async () => {
    for (const [keptAt, expected] of [
      [200, '后台刚保存的文章'],
      [50, '上次打开时的文章'],
    ] as const) {
      const kept = { items: [keptRecord(-5000, '后台刚保存的文章')], more: false, keptAt };
      const { titles, release } = await openHeld('库里的文章', () => [keptRecord(-4000, '上次打开时的文章')], kept);
      expect(titles()).toEqual(['上次打开时的文章']);
      await readFirstPage();
      await new Promise((r) => setTimeout(r, 20));
      expect(titles()).toEqual([expected]);
      await release();
      await waitFor(() => expect(titles()).toEqual(['库里的文章']));
    }
  });

  it('updates a line the mirror shows with an old title once the database answers', async () => {
    const { titles, release } = await openHeld('改过的标题', (record) => [{ ...record, title: '原来的标题' }]);
    expect(titles()).toEqual(['原来的标题']);
    await release();
    await waitFor(() => expect(titles()).toEqual(['改过的标题']));
  });
});
