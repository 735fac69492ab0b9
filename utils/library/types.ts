/**
 * The shapes of the saved-articles library: what is stored per article and what is exported.
 * Types only; no storage or DOM access here.
 */
import type { ScriptTarget } from '../settings';

/** An article's metadata: one record per article in the `articles` store (no body text). */
export interface ArticleRecord {
  /** Unique: minus the save time in ms (bumped on collisions), so ascending keys are newest first. */
  id: number;
  /** The canonical key (see canonical.ts) that identifies the article. */
  key: string;
  /** Every key the article is known by (rel=canonical and the address it was read at). */
  keys: string[];
  url: string;
  canonicalUrl: string;
  title: string;
  siteName: string;
  /** What the site filter groups by: the site name, else the host. */
  site: string;
  source: string;
  agency: string;
  publishedAt: string;
  docNumber: string;
  savedAt: number;
  updatedAt: number;
  /** Year of publication, else of saving; for the year filter. */
  year: number;
  script: ScriptTarget;
  excerpt: string;
  /** Characters of saved text; 0 for a link saved without a copy (imported bookmarks). */
  length: number;
  tags: string[];
  note: string;
  /** Set while the article is in the trash. */
  deletedAt?: number;
}

/** The saved copy of an article, as read. */
export interface TextRecord {
  id: number;
  text: string;
  originalText: string;
}

/**
 * The saved copy as stored, one record per article in the `texts` store: the original-script
 * text only when it differs from the text (most articles are saved as they came), which halves
 * what a save stores and what a search reads.
 */
export interface StoredText {
  id: number;
  text: string;
  originalText?: string;
  /**
   * A copy of the article's record, written with every change of it, so a search reads one
   * record per candidate. Absent in libraries saved before it was kept: read the record then.
   */
  meta?: ArticleRecord;
}

export function toStoredText(id: number, text: string, originalText: string, meta?: ArticleRecord): StoredText {
  const stored: StoredText = originalText && originalText !== text ? { id, text, originalText } : { id, text };
  if (meta) stored.meta = meta;
  return stored;
}

export function fromStoredText(stored: StoredText): TextRecord {
  return { id: stored.id, text: stored.text, originalText: stored.originalText ?? stored.text };
}

/** One article as exported and imported: every field and the full text. */
export interface ExportedArticle {
  url: string;
  canonicalUrl: string;
  title: string;
  siteName: string;
  source: string;
  agency: string;
  publishedAt: string;
  docNumber: string;
  savedAt: string;
  updatedAt: string;
  script: ScriptTarget;
  excerpt: string;
  tags: string[];
  note: string;
  text: string;
  originalText: string;
}

export interface LibraryExport {
  format: 'qingdu-library';
  schemaVersion: number;
  exportedAt: string;
  articles: ExportedArticle[];
}

/** What a save or import brings: an article's fields before the library assigns id and keys. */
export interface ArticleInput {
  url: string;
  canonicalUrl?: string;
  title?: string;
  siteName?: string;
  source?: string;
  agency?: string;
  publishedAt?: string;
  docNumber?: string;
  savedAt?: number;
  updatedAt?: number;
  script?: ScriptTarget;
  excerpt?: string;
  tags?: string[];
  note?: string;
  text?: string;
  originalText?: string;
}
