/**
 * Background side of the early step: keeps one registered CSS content script
 * (public/typography-early.css, applied by the browser before first paint) for exactly the sites
 * whose remembered size is above 100%, so their next pages wait hidden instead of flashing small.
 * Never registers anything for sites the reader did not enlarge.
 */
import { browser } from 'wxt/browser';
import { settingsItem, siteRulesItem, type Settings, type SiteRules } from '../storage';

export const EARLY_CSS = '/typography-early.css';
const ID = 'qingdu-typography-early';

/** Match patterns for the sites (any port) that open enlarged. */
export function earlyMatches(settings: Pick<Settings, 'scale'>, rules: SiteRules): string[] {
  if (typeof settings.scale === 'number' && settings.scale > 1) return ['http://*/*', 'https://*/*'];
  const out = new Set<string>();
  for (const [origin, rule] of Object.entries(rules ?? {})) {
    if (!rule || typeof rule.scale !== 'number' || !(rule.scale > 1) || rule.enable === 'never') continue;
    try {
      const url = new URL(origin);
      if (url.protocol === 'http:' || url.protocol === 'https:') out.add(`${url.protocol}//${url.hostname}/*`);
    } catch {
      // A malformed key never blocks the others.
    }
  }
  return [...out].sort();
}

interface FirefoxRegistered {
  unregister(): Promise<void>;
}
type FirefoxApi = { contentScripts?: { register(o: unknown): Promise<FirefoxRegistered> } };

export function watchEarlyTypography(): () => void {
  let firefox: FirefoxRegistered | null = null;
  let last = '';
  let queue = Promise.resolve();

  async function register(matches: string[]): Promise<void> {
    const key = matches.join(' ');
    if (key === last) return;
    last = key;
    const ff = (browser as unknown as FirefoxApi).contentScripts;
    if (ff) {
      await firefox?.unregister().catch(() => undefined);
      firefox = matches.length ? await ff.register({ matches, css: [{ file: EARLY_CSS }], runAt: 'document_start' }) : null;
      return;
    }
    await browser.scripting.unregisterContentScripts({ ids: [ID] }).catch(() => undefined);
    if (matches.length) {
      await browser.scripting.registerContentScripts([{ id: ID, matches, css: [EARLY_CSS.slice(1)], runAt: 'document_start', persistAcrossSessions: true }]);
    }
  }

  const update = () => {
    queue = queue
      .then(async () => register(earlyMatches(await settingsItem.getValue(), await siteRulesItem.getValue())))
      .catch((error) => console.warn('Qingdu could not register its early text-size step', error));
  };
  update();
  const unwatchRules = siteRulesItem.watch(update);
  const unwatchSettings = settingsItem.watch(update);
  return () => {
    unwatchRules();
    unwatchSettings();
  };
}
