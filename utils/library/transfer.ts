/**
 * Export (Qingdu JSON, Netscape bookmarks HTML, CSV with BOM) and import (Qingdu JSON, bookmarks
 * HTML, Pocket CSV). Imports are validated completely before anything is written and then land in
 * one transaction, so a malformed or hostile file leaves the library untouched. Page titles and
 * text are data: escaped in HTML, guarded against formulas in CSV, never parsed as markup here.
 */
import type { ScriptTarget } from '../settings';
import { keysFor } from './canonical';
import { type LibraryDB, excerptOf, gramsFor, yearOf } from './db';
import { SCHEMA_VERSION } from './db';
import { loadFold } from './fold';
import { LibraryError, describeWriteError, idFor, library } from './store';
import { type ArticleInput, type ArticleRecord, type ExportedArticle, type LibraryExport, fromStoredText, toStoredText } from './types';

const SCRIPTS: ScriptTarget[] = ['original', 'cn', 'tw', 'hk'];
/** Larger files are refused before parsing (a saved copy is rarely above 100 KB). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

// ---------- export ----------

/** Every live article with its full text, oldest first. */
export async function exportLibrary(db?: LibraryDB, now = new Date()): Promise<LibraryExport> {
  db ??= await library();
  const tx = db.transaction(['articles', 'texts']);
  // Keys ascend from the newest; export oldest first, the order they were saved in.
  const metas = (await tx.objectStore('articles').getAll()).filter((m) => m.deletedAt === undefined).reverse();
  const articles: ExportedArticle[] = [];
  for (const meta of metas) {
    const text = await tx.objectStore('texts').get(meta.id);
    articles.push(exported(meta, text?.text ?? '', text ? fromStoredText(text).originalText : ''));
  }
  return { format: 'qingdu-library', schemaVersion: SCHEMA_VERSION, exportedAt: now.toISOString(), articles };
}

function exported(meta: ArticleRecord, text: string, originalText: string): ExportedArticle {
  return {
    url: meta.url,
    canonicalUrl: meta.canonicalUrl,
    title: meta.title,
    siteName: meta.siteName,
    source: meta.source,
    agency: meta.agency,
    publishedAt: meta.publishedAt,
    docNumber: meta.docNumber,
    savedAt: new Date(meta.savedAt).toISOString(),
    updatedAt: new Date(meta.updatedAt).toISOString(),
    script: meta.script,
    excerpt: meta.excerpt,
    tags: meta.tags,
    note: meta.note,
    text,
    originalText,
  };
}

export function toJson(data: LibraryExport): string {
  return JSON.stringify(data, null, 2);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A Netscape bookmarks file every browser imports; tags become folders' worth of TAGS attributes. */
export function toBookmarksHtml(data: LibraryExport): string {
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
    '    <DT><H3>清读收藏</H3>',
    '    <DL><p>',
  ];
  for (const a of data.articles) {
    const added = Math.floor(Date.parse(a.savedAt) / 1000);
    const tags = a.tags.length ? ` TAGS="${escapeHtml(a.tags.join(','))}"` : '';
    lines.push(`        <DT><A HREF="${escapeHtml(a.url)}" ADD_DATE="${added}"${tags}>${escapeHtml(a.title)}</A>`);
    if (a.note) lines.push(`        <DD>${escapeHtml(a.note)}`);
  }
  lines.push('    </DL><p>', '</DL><p>', '');
  return lines.join('\n');
}

/** A cell Excel will not run as a formula and that survives commas, quotes and newlines. */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${guarded.replace(/"/g, '""')}"`;
}

export const CSV_HEADER = ['标题', '网址', '网站', '来源', '发布日期', '文号', '收藏时间', '标签', '备注', '摘要'];

/** UTF-8 with BOM and CRLF, so Excel on Chinese Windows opens it correctly. */
export function toCsv(data: LibraryExport): string {
  const rows = [CSV_HEADER.map(csvCell).join(',')];
  for (const a of data.articles) {
    rows.push([a.title, a.url, a.siteName, a.source, a.publishedAt, a.docNumber, a.savedAt, a.tags.join('|'), a.note, a.excerpt].map(csvCell).join(','));
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

// ---------- import ----------

export type ImportFormat = 'qingdu-json' | 'bookmarks-html' | 'pocket-csv';

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

function httpUrl(value: unknown, where: string): string {
  if (typeof value !== 'string' || !value) throw new ImportError(`${where}：缺少网址`);
  if (!keysFor(value).length) throw new ImportError(`${where}：网址不是 http/https 网页地址（${value.slice(0, 80)}）`);
  return value;
}

function str(value: unknown, where: string, field: string, max = 10_000_000): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new ImportError(`${where}：字段 ${field} 应为文字`);
  if (value.length > max) throw new ImportError(`${where}：字段 ${field} 过长`);
  return value;
}

function time(value: unknown, where: string, field: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const ms = typeof value === 'number' ? value : Date.parse(String(value));
  if (!Number.isFinite(ms)) throw new ImportError(`${where}：字段 ${field} 不是有效的时间（${String(value).slice(0, 40)}）`);
  return ms;
}

/** Validates a Qingdu JSON export; throws ImportError naming the first thing wrong. */
export function parseQingduJson(text: string): ArticleInput[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportError(`不是有效的 JSON 文件：${error instanceof Error ? error.message : String(error)}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ImportError('JSON 文件的内容不是清读收藏库（顶层应为对象）');
  const root = data as Record<string, unknown>;
  if (root.format !== 'qingdu-library') throw new ImportError('JSON 文件不是清读导出的收藏库（缺少 format: "qingdu-library"）');
  if (typeof root.schemaVersion !== 'number' || !Number.isInteger(root.schemaVersion) || root.schemaVersion < 1) {
    throw new ImportError('JSON 文件的 schemaVersion 无效');
  }
  if (root.schemaVersion > SCHEMA_VERSION) {
    throw new ImportError(`此文件来自较新版本的清读（数据版本 ${root.schemaVersion}，本版本支持到 ${SCHEMA_VERSION}），请先更新清读`);
  }
  if (!Array.isArray(root.articles)) throw new ImportError('JSON 文件缺少 articles 列表');
  return root.articles.map((raw, i): ArticleInput => {
    const where = `第 ${i + 1} 篇文章`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ImportError(`${where}：不是对象`);
    const a = raw as Record<string, unknown>;
    const url = httpUrl(a.url, where);
    const canonicalUrl = a.canonicalUrl === undefined || a.canonicalUrl === '' ? url : httpUrl(a.canonicalUrl, `${where}（canonicalUrl）`);
    if (a.tags !== undefined && (!Array.isArray(a.tags) || a.tags.some((t) => typeof t !== 'string'))) {
      throw new ImportError(`${where}：字段 tags 应为文字列表`);
    }
    const script = a.script === undefined ? 'original' : a.script;
    if (!SCRIPTS.includes(script as ScriptTarget)) throw new ImportError(`${where}：字段 script 的值无效`);
    return {
      url,
      canonicalUrl,
      title: str(a.title, where, 'title', 2000),
      siteName: str(a.siteName, where, 'siteName', 2000),
      source: str(a.source, where, 'source', 2000),
      agency: str(a.agency, where, 'agency', 2000),
      publishedAt: str(a.publishedAt, where, 'publishedAt', 40),
      docNumber: str(a.docNumber, where, 'docNumber', 200),
      savedAt: time(a.savedAt, where, 'savedAt'),
      updatedAt: time(a.updatedAt, where, 'updatedAt'),
      script: script as ScriptTarget,
      excerpt: a.excerpt === undefined ? undefined : str(a.excerpt, where, 'excerpt', 2000),
      tags: (a.tags as string[] | undefined) ?? [],
      note: str(a.note, where, 'note', 100_000),
      text: str(a.text, where, 'text'),
      originalText: str(a.originalText, where, 'originalText'),
    };
  });
}

/** Reads a Netscape bookmarks file with an inert parser (no scripts run, nothing loads). */
export function parseBookmarksHtml(text: string, parser: DOMParser): { items: ArticleInput[]; skipped: number } {
  if (!/<!DOCTYPE NETSCAPE-Bookmark-file-1>/i.test(text.slice(0, 2000))) {
    throw new ImportError('不是浏览器书签文件（缺少 <!DOCTYPE NETSCAPE-Bookmark-file-1>）');
  }
  const doc = parser.parseFromString(text, 'text/html');
  const items: ArticleInput[] = [];
  let skipped = 0;
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!keysFor(href).length) {
      skipped++;
      continue;
    }
    const folders: string[] = [];
    for (let dl = a.closest('dl'); dl; dl = dl.parentElement?.closest('dl') ?? null) {
      const heading = dl.previousElementSibling?.tagName === 'H3' ? dl.previousElementSibling : dl.parentElement?.querySelector(':scope > h3');
      const name = heading?.textContent?.trim();
      if (name && name !== '清读收藏') folders.unshift(name);
    }
    const tagAttr = (a.getAttribute('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    const added = Number(a.getAttribute('add_date'));
    items.push({
      url: href,
      canonicalUrl: href,
      title: (a.textContent ?? '').trim(),
      savedAt: Number.isFinite(added) && added > 0 ? added * 1000 : undefined,
      tags: [...new Set([...folders, ...tagAttr])],
    });
  }
  if (!items.length) throw new ImportError('书签文件中没有可导入的网页链接（http/https）');
  return { items, skipped };
}

/** RFC 4180 CSV rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const src = text.replace(/^\uFEFF/, '');
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
    i++;
  }
  if (quoted) throw new ImportError('CSV 文件格式错误：有未闭合的引号');
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c !== ''));
}

/** Pocket's export: title,url,time_added,tags,status (tags separated by |). */
export function parsePocketCsv(text: string): ArticleInput[] {
  const rows = parseCsv(text);
  if (!rows.length) throw new ImportError('CSV 文件是空的');
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('url') < 0) throw new ImportError('不是 Pocket 导出的 CSV（第一行缺少 url 列）');
  return rows.slice(1).map((row, i) => {
    const where = `CSV 第 ${i + 2} 行`;
    const url = httpUrl(row[col('url')], where);
    const added = col('time_added') >= 0 ? Number(row[col('time_added')]) : NaN;
    const tags = col('tags') >= 0 ? (row[col('tags')] ?? '').split('|').map((t) => t.trim()).filter(Boolean) : [];
    return {
      url,
      canonicalUrl: url,
      title: col('title') >= 0 ? str(row[col('title')], where, 'title', 2000) : '',
      savedAt: Number.isFinite(added) && added > 0 ? added * 1000 : undefined,
      tags,
    };
  });
}

export function detectFormat(name: string, text: string): ImportFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 200);
  if (/\.json$/i.test(name) || head.startsWith('{') || head.startsWith('[')) return 'qingdu-json';
  if (/\.html?$/i.test(name) || /^<!DOCTYPE NETSCAPE/i.test(head) || head.startsWith('<')) return 'bookmarks-html';
  if (/\.csv$/i.test(name) || /^"?title"?,|(^|,)"?url"?(,|$)/im.test(head)) return 'pocket-csv';
  throw new ImportError('无法识别的文件类型：请选择清读导出的 JSON、浏览器书签 HTML 或 Pocket 导出的 CSV');
}

export interface ImportResult {
  format: ImportFormat;
  added: number;
  updated: number;
  skipped: number;
}

/** Parses and validates a whole file; nothing is written here. */
export function parseImport(name: string, text: string, parser?: DOMParser): { format: ImportFormat; items: ArticleInput[]; skipped: number } {
  if (text.length > MAX_IMPORT_BYTES) throw new ImportError('文件过大，无法导入');
  const format = detectFormat(name, text);
  if (format === 'qingdu-json') return { format, items: parseQingduJson(text), skipped: 0 };
  if (format === 'pocket-csv') return { format, items: parsePocketCsv(text), skipped: 0 };
  const { items, skipped } = parseBookmarksHtml(text, parser ?? new DOMParser());
  return { format, items, skipped };
}

/**
 * Imports a file into the library, merging by canonical key (never duplicating): an article
 * already saved keeps its saved copy unless the file brings a text, and gains the file's tags.
 * All or nothing: one transaction.
 */
export async function importFile(name: string, text: string, db?: LibraryDB, parser?: DOMParser): Promise<ImportResult> {
  const { format, items, skipped } = parseImport(name, text, parser);
  db ??= await library();
  const fold = await loadFold();
  let added = 0;
  let updated = 0;
  try {
    const tx = db.transaction(['articles', 'texts', 'search'], 'readwrite');
    const articles = tx.objectStore('articles');
    for (const item of items) {
      const keys = keysFor(item.canonicalUrl, item.url);
      let previous: ArticleRecord | undefined;
      for (const key of keys) {
        previous = await articles.index('keys').get(key);
        if (previous) break;
      }
      const now = Date.now();
      const savedAt = previous?.savedAt ?? item.savedAt ?? now;
      let id = previous?.id ?? idFor(savedAt);
      if (!previous) while ((await articles.getKey(id)) !== undefined) id--;
      const hasText = !!item.text;
      const oldText = previous ? await tx.objectStore('texts').get(id) : undefined;
      const text = hasText ? item.text! : (oldText?.text ?? '');
      const originalText = hasText ? item.originalText || item.text! : oldText ? fromStoredText(oldText).originalText : '';
      const base = previous && !hasText ? previous : undefined;
      const siteName = item.siteName ?? base?.siteName ?? '';
      const canonicalUrl = item.canonicalUrl || item.url;
      const publishedAt = item.publishedAt ?? base?.publishedAt ?? '';
      let site = siteName;
      if (!site) {
        try {
          site = new URL(canonicalUrl).hostname.replace(/^www\./, '');
        } catch {
          site = '';
        }
      }
      const record: ArticleRecord = {
        id,
        key: previous?.key ?? keys[0],
        keys: [...new Set([...(previous?.keys ?? []), ...keys])],
        url: base?.url ?? item.url,
        canonicalUrl: base?.canonicalUrl ?? canonicalUrl,
        title: (base?.title || item.title) || canonicalUrl,
        siteName: base?.siteName ?? siteName,
        site: base?.site ?? site,
        source: base?.source ?? item.source ?? '',
        agency: base?.agency ?? item.agency ?? '',
        publishedAt: base?.publishedAt ?? publishedAt,
        docNumber: base?.docNumber ?? item.docNumber ?? '',
        savedAt,
        updatedAt: item.updatedAt ?? previous?.updatedAt ?? savedAt,
        year: yearOf(base?.publishedAt ?? publishedAt, savedAt),
        script: base?.script ?? item.script ?? 'original',
        excerpt: hasText ? (item.excerpt ?? excerptOf(text)) : (previous?.excerpt ?? ''),
        length: text.length,
        tags: [...new Set([...(previous?.tags ?? []), ...(item.tags ?? [])])],
        note: item.note || previous?.note || '',
      };
      await articles.put(record);
      await tx.objectStore('texts').put(toStoredText(id, text, originalText, record));
      await tx.objectStore('search').put({ id, grams: gramsFor(record, text, fold) });
      if (previous) updated++;
      else added++;
    }
    await tx.done;
  } catch (error) {
    throw new LibraryError(`导入失败，收藏库未改变：${describeWriteError(error)}`, error);
  }
  return { format, added, updated, skipped };
}

export function exportFilename(kind: 'json' | 'html' | 'csv', now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  return `qingdu-library-${day}.${kind}`;
}
