/**
 * Every setting Qingdu keeps, as versioned WXT storage items.
 * Each item has a `version` and `migrations` so a later shape never loses what a reader set.
 * Saved articles are not here: they live in IndexedDB (utils/library).
 */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  SITE_RULES_KEY,
  USER_PHRASES_KEY,
  type Settings,
  type SiteRule,
  type SiteRules,
  type UserPhrase,
} from './settings';

export * from './settings';

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  migrations: {},
});

export const siteRulesItem = storage.defineItem<SiteRules>(`local:${SITE_RULES_KEY}`, {
  fallback: {},
  version: 1,
  migrations: {},
});

export const userPhrasesItem = storage.defineItem<UserPhrase[]>(`local:${USER_PHRASES_KEY}`, {
  fallback: [],
  version: 1,
  migrations: {},
});

/** Reads the rule for an origin; never throws on a missing or malformed entry. */
export async function getSiteRule(origin: string): Promise<SiteRule> {
  const rules = await siteRulesItem.getValue();
  const rule = rules && typeof rules === 'object' ? rules[origin] : undefined;
  return rule && typeof rule === 'object' ? rule : {};
}

/** Merges `patch` into the rule for an origin; keys set to undefined are removed. */
export async function updateSiteRule(origin: string, patch: Partial<SiteRule>): Promise<SiteRule> {
  const rules = { ...(await siteRulesItem.getValue()) };
  const next: SiteRule = { ...rules[origin], ...patch };
  for (const key of Object.keys(next) as (keyof SiteRule)[]) {
    if (next[key] === undefined) delete next[key];
  }
  if (Object.keys(next).length === 0) delete rules[origin];
  else rules[origin] = next;
  await siteRulesItem.setValue(rules);
  return next;
}
