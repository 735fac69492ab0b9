/**
 * The messages between the popup / background and a tab's content script, and the page state
 * the content script reports. One typed union so every sender and handler agrees.
 */
import type { ArticleMeta, PageKind, Signal } from './detect/types';
import type { ScriptTarget, UserPhrase } from './storage';
import type { ConfigName } from './convert/configs';

export interface RepairState {
  /** Whether repairs are applied now. */
  applied: boolean;
  /** Repairs made on this page, per class letter (A–I) and in total. */
  total: number;
  byClass: Record<string, number>;
}

export interface ScriptState {
  current: ScriptTarget;
  /** The script the page is written in. */
  source: 'hans' | 'hant' | 'unknown';
}

export interface TypographyState {
  /** 1 = the article's own size; 1.125 = one step up. */
  scale: number;
  lineHeight: number;
  reading: boolean;
}

export interface PageState {
  url: string;
  origin: string;
  kind: PageKind;
  /** True when Qingdu's full features are running on the page. */
  active: boolean;
  /** The site rule's `enable`, if any. */
  siteEnable?: 'always' | 'never';
  reasons: Signal[];
  meta: ArticleMeta;
  repair: RepairState;
  script: ScriptState;
  typography: TypographyState;
}

/** A snapshot of the article as the reader sees it, for the library. */
export interface ArticleSnapshot {
  meta: ArticleMeta;
  url: string;
  /** The script the text is shown in. */
  script: ScriptTarget;
  /** Body text as displayed (repaired, converted), paragraphs separated by blank lines. */
  text: string;
  /** Body text in the page's own script (repaired, not converted). */
  originalText: string;
}

export type ContentMessage =
  | { type: 'getState' }
  | { type: 'activate' }
  | { type: 'setScript'; script: ScriptTarget }
  | { type: 'cycleScript' }
  | { type: 'convertSelection'; script: ScriptTarget }
  | { type: 'setRepair'; applied: boolean }
  | { type: 'zoom'; direction: 1 | -1 }
  | { type: 'setLineHeight'; value: number }
  | { type: 'resetTypography' }
  | { type: 'setReading'; open: boolean }
  | { type: 'setSiteEnable'; enable: 'always' | 'never' | undefined }
  | { type: 'getArticle' };

export type BackgroundMessage =
  /** The content script asks for its full feature script to be injected into its frame. */
  | { type: 'loadFull' }
  /** The library changed; refresh badges. */
  | { type: 'libraryChanged' }
  /** A page may soon ask for this conversion: have its converter ready. */
  | { type: 'warmConverter'; config: ConfigName; phrases: UserPhrase[] }
  /** Convert these texts (with the reader's phrases); the reply is the converted texts in order. */
  | { type: 'convertTexts'; config: ConfigName; texts: string[]; phrases: UserPhrase[] };

export function isContentMessage(value: unknown): value is ContentMessage {
  return !!value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}
