/**
 * The library list: newest first, search as you type, filters by site, year and tag, open the
 * original or the saved copy, delete with a 10-second 撤销 and a 30-day trash.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  facets as readFacets,
  listArticles,
  listTrash,
  takeFirstList,
  isFirstPage,
  purgeArticle,
  purgeOldTrash,
  restoreArticle,
  trashArticle,
  type Facets,
  type ListOptions,
} from '@/utils/library/store';
import { announceLibraryChange } from '@/utils/library/background';
import type { ArticleRecord } from '@/utils/library/types';
import { FIRST_PAGE_SIZE, showsNewer, writeFirstPage } from '@/utils/library/first-page';
import { broadcastChange, dateOf, errorText, readerHref, savedDate, useLibraryVersion } from './format';
import './library.css';

const UNDO_MS = 10_000;
/** A search or filter still unanswered after this long says so (a large library can take a second to open). */
const PENDING_MS = 150;
let listedOnce = false;
/** Element Timing name of the list's first line: the bench reads when the reader first sees the list. */
const LIST_TIMING = 'qingdu-library-list';
/** Articles per page of the list (the first page is prefetched by the page's entry point). */
const PAGE_SIZE = FIRST_PAGE_SIZE;

/** Whether two lists hold the same records, field for field. */
function sameRecords(a: ArticleRecord[] | undefined, b: ArticleRecord[]): boolean {
  return !!a && a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

interface Undo {
  record: ArticleRecord;
  timer: ReturnType<typeof setTimeout>;
}

export function LibraryPanel({ full = false }: { full?: boolean }) {
  const [query, setQuery] = useState('');
  const [site, setSite] = useState('');
  const [year, setYear] = useState('');
  const [tag, setTag] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  // The prefetched first page is taken at the first render, so its mirrored copy is drawn with it.
  const [start] = useState(() => {
    const first = takeFirstList({ limit: PAGE_SIZE });
    return { first, shown: showsNewer(first?.mirrored, undefined) ? first?.mirrored : undefined };
  });
  const [items, setItems] = useState<ArticleRecord[] | undefined>(start.shown?.items);
  const [more, setMore] = useState(start.shown?.more ?? false);
  /** The stamp of the kept copy on screen; undefined once the database has answered. */
  const shownAt = useRef(start.shown?.keptAt);
  const prefetched = useRef(start.first);
  const [answeredOnce, setAnsweredOnce] = useState(false);
  const [facets, setFacets] = useState<Facets | undefined>();
  const [error, setError] = useState('');
  const [announce, setAnnounce] = useState('');
  const [undo, setUndo] = useState<Undo | undefined>();
  const [trash, setTrash] = useState<ArticleRecord[] | undefined>();
  const [pending, setPending] = useState(false);
  const [version, bump] = useLibraryVersion();
  const seq = useRef(0);

  const options: ListOptions = {
    query,
    site: site || undefined,
    year: year ? Number(year) : undefined,
    tag: tag || undefined,
    limit,
  };

  useEffect(() => {
    const mine = ++seq.current;
    const first = isFirstPage(options) ? prefetched.current : undefined;
    prefetched.current = undefined;
    let answered = false;
    setPending(false);
    const slow = setTimeout(() => mine === seq.current && !answered && setPending(true), PENDING_MS);
    // A newer kept copy (the background saved since the mirror was written) replaces the mirror
    // until the database answers.
    first?.kept.then((kept) => {
      if (!answered && mine === seq.current && showsNewer(kept, shownAt.current)) {
        shownAt.current = kept.keptAt;
        setItems(kept.items);
        setMore(kept.more);
      }
    });
    (first?.result ?? listArticles(options))
      .finally(() => {
        answered = true;
        clearTimeout(slow);
        if (mine === seq.current) setPending(false);
      })
      .then(
        (result) => {
          if (mine !== seq.current) return;
          if (!first && isFirstPage(options)) void writeFirstPage(result);
          // The database usually confirms a kept copy on screen: keep it then, and skip a render.
          // Only then is the list compared; a search's answers replace the list as they come.
          const keptOnScreen = shownAt.current !== undefined;
          shownAt.current = undefined;
          setAnsweredOnce(true);
          setItems((shown) => (keptOnScreen && sameRecords(shown, result.items) ? shown : result.items));
          setMore(result.more);
          setError('');
          if (query.trim()) setAnnounce(result.items.length ? `找到 ${result.items.length}${result.more ? '+' : ''} 篇` : '没有找到匹配的收藏');
        },
        (e) => mine === seq.current && setError(errorText(e)),
      );
    return () => {
      clearTimeout(slow);
      // A list still on its way when the panel closes or the options change is not shown.
      seq.current++;
    };
  }, [query, site, year, tag, limit, version]);

  // Filters, the trash and trash expiry wait for the database's first list: the list comes first.
  useEffect(() => {
    if (answeredOnce) void purgeOldTrash().catch(() => undefined);
  }, [answeredOnce]);

  useEffect(() => {
    if (!answeredOnce) return;
    // Answers that come after the panel closed or the library changed again are dropped.
    let live = true;
    readFacets().then((f) => live && setFacets(f), () => undefined);
    if (trash) listTrash().then((t) => live && setTrash(t), () => undefined);
    return () => {
      live = false;
    };
  }, [version, answeredOnce]);

  const changed = () => {
    bump();
    broadcastChange();
    void announceLibraryChange();
  };

  async function remove(record: ArticleRecord) {
    try {
      await trashArticle(record.id);
      if (undo) clearTimeout(undo.timer);
      const timer = setTimeout(() => setUndo(undefined), UNDO_MS);
      setUndo({ record, timer });
      setAnnounce(`已删除《${record.title}》，10 秒内可撤销`);
      changed();
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function restore(record: ArticleRecord) {
    try {
      await restoreArticle(record.id);
      if (undo?.record.id === record.id) {
        clearTimeout(undo.timer);
        setUndo(undefined);
      }
      setAnnounce(`已恢复《${record.title}》`);
      changed();
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function purge(record: ArticleRecord) {
    try {
      await purgeArticle(record.id);
      setAnnounce(`已彻底删除《${record.title}》`);
      changed();
    } catch (e) {
      setError(errorText(e));
    }
  }

  useLayoutEffect(() => {
    // The bench reads this mark: the time from opening the page to the first list in the DOM.
    if (items && !listedOnce) {
      listedOnce = true;
      performance.mark('qingdu-library-listed');
    }
  }, [items]);

  const filtered = !!(query.trim() || site || year || tag);

  return (
    <section class={full ? 'lib-panel lib-full' : 'lib-panel'} aria-label="收藏库">
      <div class="lib-search">
        <label for="lib-search">搜索收藏</label>
        <input
          id="lib-search"
          type="search"
          value={query}
          placeholder="标题、网站、来源或正文中的词句"
          onInput={(e) => {
            setQuery((e.target as HTMLInputElement).value);
            setLimit(PAGE_SIZE);
          }}
        />
      </div>
      <div class="lib-filters">
        <label>
          网站
          <select value={site} onChange={(e) => setSite((e.target as HTMLSelectElement).value)}>
            <option value="">全部</option>
            {facets?.sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          年份
          <select value={year} onChange={(e) => setYear((e.target as HTMLSelectElement).value)}>
            <option value="">全部</option>
            {facets?.years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          标签
          <select value={tag} onChange={(e) => setTag((e.target as HTMLSelectElement).value)}>
            <option value="">全部</option>
            {facets?.tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="lib-announce" role="status" aria-live="polite">
        {announce}
      </p>
      {undo && (
        <p class="lib-undo">
          已删除《{undo.record.title}》{' '}
          <button type="button" onClick={() => void restore(undo.record)}>
            撤销
          </button>
        </p>
      )}
      {error && (
        <p class="lib-error" role="alert">
          {error}
        </p>
      )}
      {pending && items !== undefined && (
        <p class="lib-pending" role="status">
          {filtered ? '正在搜索…' : '正在读取收藏…'}
        </p>
      )}
      {items === undefined ? (
        <p>正在读取收藏…</p>
      ) : items.length === 0 ? (
        <p key="empty" class="lib-empty" elementtiming={LIST_TIMING}>
          {filtered ? '没有找到匹配的收藏。' : '还没有收藏的文章。在文章页面点“收藏本文”即可保存。'}
        </p>
      ) : (
        <ul class="lib-list">
          {items.map((item, i) => (
            <li key={item.id} class="lib-item" data-id={item.id}>
              <a class="lib-title" href={readerHref(item.id)} target={full ? undefined : '_blank'} rel="noopener" elementtiming={i === 0 ? LIST_TIMING : undefined}>
                {item.title}
              </a>
              <span class="lib-meta">
                {item.site} · {dateOf(item)}
                {item.tags.length > 0 && <> · {item.tags.join('、')}</>}
              </span>
              <span class="lib-actions">
                <a href={item.url} target="_blank" rel="noopener noreferrer">
                  打开原文
                </a>
                {item.length > 0 && (
                  <a href={readerHref(item.id)} target={full ? undefined : '_blank'} rel="noopener">
                    阅读副本
                  </a>
                )}
                <button type="button" aria-label={`删除《${item.title}》`} onClick={() => void remove(item)}>
                  删除
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {more && (
        <button type="button" onClick={() => setLimit((l) => l + PAGE_SIZE)}>
          显示更多
        </button>
      )}
      <p class="lib-footer">
        {facets && <span>共 {facets.count} 篇</span>}{' '}
        <button
          type="button"
          aria-expanded={trash ? 'true' : 'false'}
          onClick={() => (trash ? setTrash(undefined) : listTrash().then(setTrash, (e) => setError(errorText(e))))}
        >
          回收站（{facets?.trash ?? 0}）
        </button>{' '}
        {!full && (
          <a href="/library.html" target="_blank" rel="noopener">
            在新标签页中打开收藏库
          </a>
        )}
      </p>
      {trash && (
        <section class="lib-trash" aria-label="回收站">
          <p>删除的文章在回收站保留 30 天。</p>
          {trash.length === 0 ? (
            <p>回收站是空的。</p>
          ) : (
            <ul class="lib-list">
              {trash.map((item) => (
                <li key={item.id} class="lib-item">
                  <span class="lib-title">{item.title}</span>
                  <span class="lib-meta">删除于 {savedDate(item.deletedAt ?? 0)}</span>
                  <span class="lib-actions">
                    <button type="button" aria-label={`恢复《${item.title}》`} onClick={() => void restore(item)}>
                      恢复
                    </button>
                    <button type="button" aria-label={`彻底删除《${item.title}》`} onClick={() => void purge(item)}>
                      彻底删除
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
