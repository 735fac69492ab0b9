/**
 * The shapes and defaults of Qingdu's settings, with no dependencies, so the small always-on
 * content script can read them without pulling in the storage library.
 */

export const SETTINGS_KEY = 'settings';
export const SITE_RULES_KEY = 'siteRules';
export const USER_PHRASES_KEY = 'userPhrases';

/** What the page is shown in: as it came (after repair), Simplified, or Traditional of a region. */
export type ScriptTarget = 'original' | 'cn' | 'tw' | 'hk';
/** Which pages Qingdu acts on without being asked. */
export type ActOn = 'article' | 'gov' | 'chinese';

export interface Settings {
  /** Default script for pages that have no site rule. */
  script: ScriptTarget;
  /** Region used when the reader picks 繁體. */
  region: 'tw' | 'hk';
  /** Taiwan phrase conversion (软件→軟體) when region is tw. */
  twPhrases: boolean;
  /** Default text scale, 1 = the article's own size. */
  scale: number;
  /** Default line height for the article body. */
  lineHeight: number;
  /** Repair garbled text automatically on government pages. */
  repair: boolean;
  actOn: ActOn;
  /** Language of the popup and options page; absent or 'auto' follows the reader's languages. */
  uiLanguage?: 'auto' | 'zh_CN' | 'zh_TW' | 'en';
}

export const DEFAULT_SETTINGS: Settings = {
  script: 'original',
  region: 'tw',
  twPhrases: false,
  scale: 1,
  lineHeight: 1.8,
  repair: true,
  actOn: 'gov',
};

/** A reader's rule for one site (keyed by origin, e.g. `https://www.hubei.gov.cn`). */
export interface SiteRule {
  /** always: treat as government articles; never: Qingdu stays off on this site. */
  enable?: 'always' | 'never';
  script?: ScriptTarget;
  scale?: number;
  lineHeight?: number;
}

export type SiteRules = Record<string, SiteRule>;

/** A user phrase that always wins over the dictionary: `from` is written as `to`. */
export interface UserPhrase {
  from: string;
  to: string;
  /** t2s: applies when converting to Simplified; s2t: to Traditional; both: either way. */
  direction: 's2t' | 't2s' | 'both';
}

