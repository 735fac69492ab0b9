/**
 * Export (JSON, bookmarks HTML, CSV with BOM) through the browser's downloads, import (Qingdu
 * JSON, bookmarks HTML, Pocket CSV) with clear errors, storage used, and wiping the library.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { facets, storageUsage, wipeLibrary } from '@/utils/library/store';
import { exportFilename, exportLibrary, importFile, toBookmarksHtml, toCsv, toJson } from '@/utils/library/transfer';
import { announceLibraryChange } from '@/utils/library/background';
import { broadcastChange, errorText, useLibraryVersion } from './format';
import './library.css';

const FORMAT_NAMES = { 'qingdu-json': '清读 JSON', 'bookmarks-html': '浏览器书签', 'pocket-csv': 'Pocket CSV' } as const;

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

async function download(content: string, filename: string, type: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([content], { type }));
  try {
    await browser.downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });
  } finally {
    // The download has its own copy once started; keep the URL a while for slow starts.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

export function LibraryTools() {
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [usage, setUsage] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmWipe, setConfirmWipe] = useState(false);
  const [version, bump] = useLibraryVersion();

  useEffect(() => {
    Promise.all([facets(), storageUsage()])
      .then(([f, u]) => {
        const used = u.usage !== undefined ? `已用 ${size(u.usage)}` : '';
        setUsage(`${f.count} 篇收藏${f.trash ? `，回收站 ${f.trash} 篇` : ''}${used ? `；${used}` : ''}`);
      })
      .catch(() => setUsage(''));
  }, [version]);

  const changed = () => {
    bump();
    broadcastChange();
    void announceLibraryChange();
  };

  async function exportAs(kind: 'json' | 'html' | 'csv') {
    setBusy(true);
    setError('');
    try {
      const data = await exportLibrary();
      const filename = exportFilename(kind);
      if (kind === 'json') await download(toJson(data), filename, 'application/json');
      else if (kind === 'html') await download(toBookmarksHtml(data), filename, 'text/html');
      else await download(toCsv(data), filename, 'text/csv');
      setStatus(`已导出 ${data.articles.length} 篇到 ${filename}`);
    } catch (e) {
      setError(`导出失败：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  }

  async function importChosen(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError('');
    setStatus(`正在导入 ${file.name}…`);
    try {
      const result = await importFile(file.name, await file.text());
      const skipped = result.skipped ? `，跳过 ${result.skipped} 个非网页链接` : '';
      setStatus(`已从${FORMAT_NAMES[result.format]}导入：新增 ${result.added} 篇，更新 ${result.updated} 篇${skipped}`);
      changed();
    } catch (e) {
      setStatus('');
      setError(`无法导入 ${file.name}：${errorText(e)}`);
    } finally {
      input.value = '';
      setBusy(false);
    }
  }

  async function wipe() {
    setConfirmWipe(false);
    try {
      await wipeLibrary();
      setStatus('收藏库已清空');
      changed();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <section class="lib-tools" aria-label="导出与导入">
      <p class="lib-usage">{usage}</p>
      <div class="lib-buttons">
        <button type="button" disabled={busy} onClick={() => void exportAs('json')}>
          导出 JSON
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAs('html')}>
          导出书签 HTML
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAs('csv')}>
          导出 CSV
        </button>
      </div>
      <label class="lib-import">
        导入文件（清读 JSON、浏览器书签 HTML 或 Pocket CSV）
        <input type="file" accept=".json,.html,.htm,.csv,application/json,text/html,text/csv" disabled={busy} onChange={(e) => void importChosen(e.target as HTMLInputElement)} />
      </label>
      <p class="lib-status" role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p class="lib-error" role="alert">
          {error}
        </p>
      )}
      {confirmWipe ? (
        <p role="group" aria-label="确认清空">
          清空后无法恢复，建议先导出 JSON。{' '}
          <button type="button" onClick={() => void wipe()}>
            确认清空
          </button>{' '}
          <button type="button" onClick={() => setConfirmWipe(false)}>
            取消
          </button>
        </p>
      ) : (
        <button type="button" class="lib-danger" onClick={() => setConfirmWipe(true)}>
          清空收藏库
        </button>
      )}
    </section>
  );
}
