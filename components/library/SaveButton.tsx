/** 收藏本文: saves the tab's article as the reader sees it, or offers to update a saved copy. */
import { useEffect, useState } from 'preact/hooks';
import type { ArticleSnapshot, PageState } from '@/utils/messages';
import { sendToTab } from '@/utils/ui/tab-messages';
import { findSaved, inputFromSnapshot, saveArticle, updateDetails } from '@/utils/library/store';
import { announceLibraryChange } from '@/utils/library/background';
import type { ArticleRecord } from '@/utils/library/types';
import { broadcastChange, errorText, readerHref, savedDate } from './format';
import './library.css';

type Phase = 'checking' | 'idle' | 'confirm-update' | 'saving';

export function SaveButton({ tabId, state }: { tabId: number; state: PageState }) {
  const [saved, setSaved] = useState<ArticleRecord | undefined>();
  const [phase, setPhase] = useState<Phase>('checking');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');

  useEffect(() => {
    let live = true;
    findSaved([state.meta.canonicalUrl, state.url])
      .then((found) => {
        if (!live) return;
        setSaved(found);
        setTags(found?.tags.join('，') ?? '');
        setNote(found?.note ?? '');
      })
      .catch((e) => live && setError(errorText(e)))
      .finally(() => live && setPhase('idle'));
    return () => {
      live = false;
    };
  }, [state.url, state.meta.canonicalUrl]);

  async function save() {
    setPhase('saving');
    setError('');
    setStatus('正在收藏…');
    try {
      const snapshot = await sendToTab<ArticleSnapshot>(tabId, { type: 'getArticle' });
      const { record, updated } = await saveArticle(inputFromSnapshot(snapshot));
      setSaved(record);
      setStatus(updated ? `已更新收藏的副本：${record.title}` : `已收藏：${record.title}`);
      broadcastChange();
      void announceLibraryChange();
    } catch (e) {
      setStatus('');
      setError(errorText(e));
    } finally {
      setPhase('idle');
    }
  }

  async function saveDetails(event: Event) {
    event.preventDefault();
    if (!saved) return;
    try {
      const record = await updateDetails(saved.id, { tags: tags.split(/[,，、\s]+/), note });
      setSaved(record);
      setStatus('标签和备注已保存');
      broadcastChange();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <section class="lib-save" aria-label="收藏">
      {phase === 'confirm-update' && saved ? (
        <div class="lib-confirm" role="group" aria-label="更新收藏">
          <p>本文已于 {savedDate(saved.updatedAt)} 收藏。用当前页面更新收藏的副本？</p>
          <button type="button" onClick={() => void save()}>
            更新副本
          </button>{' '}
          <button type="button" onClick={() => setPhase('idle')}>
            取消
          </button>
        </div>
      ) : (
        <button
          type="button"
          class={saved ? 'lib-save-button saved' : 'lib-save-button'}
          disabled={phase === 'checking' || phase === 'saving'}
          onClick={() => (saved ? setPhase('confirm-update') : void save())}
        >
          {saved ? '已收藏' : '收藏本文'}
        </button>
      )}
      {saved && (
        <a class="lib-open-copy" href={readerHref(saved.id)} target="_blank" rel="noopener">
          阅读收藏的副本
        </a>
      )}
      <p class="lib-status" role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p class="lib-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <details class="lib-details">
          <summary>标签和备注</summary>
          <form onSubmit={(e) => void saveDetails(e)}>
            <label>
              标签（用逗号分隔）
              <input type="text" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
            </label>
            <label>
              备注
              <textarea rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
            </label>
            <button type="submit">保存标签和备注</button>
          </form>
        </details>
      )}
    </section>
  );
}
