/**
 * The popup's and options page's strings, from public/_locales (the same files the manifest's
 * __MSG_*__ names use). The language follows Qingdu's own setting, else the reader's preferred
 * languages, else the browser's UI language. browser.i18n alone cannot do this: it only speaks the
 * browser's UI language (an English Firefox shows English to a reader whose first language is zh-CN).
 * Must never throw on a missing key: it shows the key instead.
 */
import { browser } from 'wxt/browser';
import zhCN from '@/public/_locales/zh_CN/messages.json';
import zhTW from '@/public/_locales/zh_TW/messages.json';
import en from '@/public/_locales/en/messages.json';

export type Locale = 'zh_CN' | 'zh_TW' | 'en';
export const LOCALES: Locale[] = ['zh_CN', 'zh_TW', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh_CN';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalog = Record<string, Entry>;

const CATALOGS: Record<Locale, Catalog> = { zh_CN: zhCN, zh_TW: zhTW, en } as Record<Locale, Catalog>;

/** Maps a BCP 47 tag (zh-Hant-HK, zh-TW, en-GB…) to the locale Qingdu has for it. */
export function localeFor(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const t = tag.toLowerCase().replace(/_/g, '-');
  if (t === 'zh' || t.startsWith('zh-')) {
    return /^zh-(tw|hk|mo|hant)\b/.test(t) ? 'zh_TW' : 'zh_CN';
  }
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return undefined;
}

/** The UI language: the reader's choice, else the first preferred language Qingdu speaks. */
export function pickLocale(choice: string | undefined, preferred: readonly string[], uiLanguage?: string): Locale {
  if (choice && (LOCALES as string[]).includes(choice)) return choice as Locale;
  for (const tag of preferred) {
    const hit = localeFor(tag);
    if (hit) return hit;
  }
  return localeFor(uiLanguage) ?? DEFAULT_LOCALE;
}

/** `<html lang>` for a locale. */
export function langTag(locale: Locale): string {
  return locale === 'zh_CN' ? 'zh-CN' : locale === 'zh_TW' ? 'zh-TW' : 'en';
}

/** Fills `$NAME$` placeholders (whose content is `$1`…`$9`) the way browser.i18n does. */
export function format(entry: Entry, subs: readonly (string | number)[]): string {
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const ph = entry.placeholders?.[name.toLowerCase()];
      return ph ? fill(ph.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

let current: Locale = DEFAULT_LOCALE;

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The message for `key` in the current locale, falling back to zh_CN, then to the key itself. */
export function t(key: string, ...subs: (string | number)[]): string {
  const entry = CATALOGS[current][key] ?? CATALOGS[DEFAULT_LOCALE][key];
  return entry ? format(entry, subs) : key;
}

export function catalog(locale: Locale): Catalog {
  return CATALOGS[locale];
}

/** Picks and applies the UI language for an extension page, and sets `<html lang>`. */
export function applyLocale(doc: Document, choice: string | undefined): Locale {
  let ui: string | undefined;
  try {
    ui = browser.i18n.getUILanguage();
  } catch {
    ui = undefined;
  }
  const locale = pickLocale(choice, doc.defaultView?.navigator.languages ?? [], ui);
  setLocale(locale);
  doc.documentElement.lang = langTag(locale);
  return locale;
}
