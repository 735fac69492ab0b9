/**
 * The reader page for a saved copy: the saved text at the reader's size (the site's rule, else
 * the default), with the original-script text one click away. Text is rendered as text only.
 */
import { useEffect, useState } from 'preact/hooks';
import { getArticle } from '@/utils/library/store';
import type { ArticleRecord, TextRecord } from '@/utils/library/types';
import { getSiteRule, settingsItem } from '@/utils/storage';
import { dateOf, errorText, savedDate } from './format';
import './library.css';

const SCRIPT_NAMES = { original: '原文', cn: '简体', tw: '繁體（台灣）', hk: '繁體（香港）' } as const;

export function ReaderPage({ search }: { search: string }) {
  const [article, setArticle] = useState<{ meta: ArticleRecord; text: TextRecord } | null | undefined>();
  const [error, setError] = useState('');
  const [showOriginal, setShowOriginal] = useState(false);
  const [size, setSize] = useState({ scale: 1, lineHeight: 1.8 });

  useEffect(() => {
    const id = Number(new URLSearchParams(search).get('id'));
    if (!Number.isFinite(id)) {
      setArticle(null);
      return;
    }
    getArticle(id)
      .then(async (found) => {
        setArticle(found ?? null);
        if (!found) return;
        document.title = `${found.meta.title} · 清读收藏`;
        const settings = await settingsItem.getValue();
        let origin = '';
        try {
          origin = new URL(found.meta.url).origin;
        } catch {
          /* keep defaults */
        }
        const rule = origin ? await getSiteRule(origin) : {};
        setSize({ scale: rule.scale ?? settings.scale ?? 1, lineHeight: rule.lineHeight ?? settings.lineHeight ?? 1.8 });
      })
      .catch((e) => setError(errorText(e)));
  }, [search]);

  if (error) return <p role="alert">{error}</p>;
  if (article === undefined) return <p>正在读取…</p>;
  if (article === null) return <p role="alert">找不到这篇收藏，它可能已被删除。</p>;
  const { meta, text } = article;
  const body = showOriginal ? text.originalText : text.text;
  const differs = text.originalText && text.originalText !== text.text;
  return (
    <article class="lib-reader" style={{ fontSize: `${18 * size.scale}px`, lineHeight: String(size.lineHeight) }}>
      <header>
        <h1>{meta.title}</h1>
        <p class="lib-meta">
          {[meta.siteName || meta.site, meta.source, meta.publishedAt && dateOf(meta), meta.docNumber].filter(Boolean).join(' · ')}
        </p>
        <p class="lib-meta">
          收藏于 {savedDate(meta.savedAt)}
          {meta.updatedAt !== meta.savedAt && `，更新于 ${savedDate(meta.updatedAt)}`} · 显示为{SCRIPT_NAMES[showOriginal ? 'original' : meta.script]} ·{' '}
          <a href={meta.url} rel="noopener noreferrer">
            打开原文
          </a>
          {differs && (
            <>
              {' · '}
              <button type="button" onClick={() => setShowOriginal((v) => !v)}>
                {showOriginal ? `显示${SCRIPT_NAMES[meta.script]}` : '显示原文字形'}
              </button>
            </>
          )}
        </p>
        {meta.tags.length > 0 && <p class="lib-meta">标签：{meta.tags.join('、')}</p>}
        {meta.note && <p class="lib-note">备注：{meta.note}</p>}
      </header>
      {body ? (
        body.split(/\n{2,}/).map((para, i) => (
          <p key={i} style={{ whiteSpace: 'pre-line' }}>
            {para}
          </p>
        ))
      ) : (
        <p>这条收藏只有链接，没有保存正文（从书签或 Pocket 导入）。</p>
      )}
    </article>
  );
}
