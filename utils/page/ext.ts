/**
 * The few extension APIs the always-on content script needs, on the browser's own objects
 * (Firefox's promise-based `browser`, Chrome MV3's promise-returning `chrome`), so that script
 * carries no polyfill. Everything else in Qingdu uses `browser` from `wxt/browser`.
 */
import { DEFAULT_SETTINGS, SETTINGS_KEY, SITE_RULES_KEY, type Settings, type SiteRule } from '../settings';

interface NativeApi {
  runtime: {
    id?: string;
    sendMessage(msg: unknown): Promise<unknown>;
    onMessage: {
      addListener(fn: NativeListener): void;
      removeListener(fn: NativeListener): void;
    };
  };
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
}

export type NativeListener = (msg: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | void;

function api(): NativeApi {
  const g = globalThis as { browser?: NativeApi; chrome?: NativeApi };
  return g.browser?.runtime?.id ? g.browser : (g.chrome as NativeApi);
}

export function sendToBackground(msg: unknown): Promise<unknown> {
  return api().runtime.sendMessage(msg);
}

/** Answers messages with an async handler (sendResponse + `return true` works in every browser). */
export function onTabMessage(handler: (msg: unknown) => Promise<unknown> | undefined): () => void {
  const listener: NativeListener = (msg, _sender, sendResponse) => {
    const reply = handler(msg);
    if (!reply) return false;
    reply.then(sendResponse, (error: unknown) =>
      sendResponse({ error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  api().runtime.onMessage.addListener(listener);
  return () => api().runtime.onMessage.removeListener(listener);
}

/** Settings and this origin's rule, read raw (the background runs the storage migrations). */
export async function readPageSettings(origin: string): Promise<{ settings: Settings; rule: SiteRule }> {
  const raw = await api().storage.local.get([SETTINGS_KEY, SITE_RULES_KEY]);
  const stored = raw[SETTINGS_KEY];
  const settings = { ...DEFAULT_SETTINGS, ...(stored && typeof stored === 'object' ? stored : {}) } as Settings;
  const rules = raw[SITE_RULES_KEY] as Record<string, SiteRule> | undefined;
  const rule = rules && typeof rules === 'object' && rules[origin] && typeof rules[origin] === 'object' ? rules[origin] : {};
  return { settings, rule };
}
