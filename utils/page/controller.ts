/**
 * The always-on part of the content script: detect the page, decide whether Qingdu acts on it,
 * load the full feature script only then (or when the reader asks), and answer the popup.
 * Must stay small and cheap: it runs on every http(s) page. Never changes a page it does not act on.
 */
import { detectPage } from '../detect';
import type { Detection } from '../detect/types';
import type { ContentMessage, PageState } from '../messages';
import type { ActOn, SiteRule } from '../settings';
import { readPageSettings, sendToBackground } from './ext';
import { domReady } from './dom-ready';
import type { PageContext } from './feature';
import { findFull, type FullApi } from './full-api';
import { hasChineseText } from '../detect/chinese';

export const KIND_ATTRIBUTE = 'qingdu';

export function setKindAttribute(doc: Document, kind: Detection['kind']): void {
  if (kind === 'none') delete doc.documentElement.dataset[KIND_ATTRIBUTE];
  else doc.documentElement.dataset[KIND_ATTRIBUTE] = kind;
}

/** Whether Qingdu acts on a page without being asked. */
export function shouldAct(actOn: ActOn, detection: Detection, doc: Document): boolean {
  if (detection.kind === 'article') return true;
  if (detection.kind === 'gov') return actOn !== 'article';
  return actOn === 'chinese' && hasChineseText(doc);
}

export interface PageController {
  state(): PageState;
  handle(msg: ContentMessage): Promise<unknown>;
  ready: Promise<void>;
}

/**
 * Starts Qingdu on a document. `loadFull` injects the full feature script (through the
 * background) and resolves once it is available.
 */
export function startPage(doc: Document, signal: AbortSignal, loadFull: () => Promise<FullApi>): PageController {
  let page: PageContext | undefined;
  let full: FullApi | undefined;
  let siteEnable: 'always' | 'never' | undefined;

  const url = new URL(doc.URL);

  async function activate(): Promise<FullApi> {
    if (full) return full;
    if (!page) throw new Error('Qingdu has not finished reading this page yet');
    full = findFull() ?? (await loadFull());
    await full.start(page);
    return full;
  }

  const ready = (async () => {
    await domReady(doc);
    const { settings, rule } = await readPageSettings(url.origin);
    siteEnable = rule.enable;
    if (signal.aborted) return;
    let detection = detectPage(doc, url.href);
    if (rule.enable === 'always' && detection.kind !== 'article') {
      detection = {
        ...detection,
        kind: 'article',
        reasons: [...detection.reasons, { id: 'site-rule', label: '本网站设为总是启用', weight: 100 }],
      };
    }
    page = { doc, url, detection, settings, rule, signal };
    if (rule.enable === 'never') return;
    if (shouldAct(settings.actOn, detection, doc)) await activate();
    setKindAttribute(doc, page.detection.kind);
  })();

  signal.addEventListener('abort', () => {
    full?.stop();
    full = undefined;
  });

  function state(): PageState {
    const detection = page?.detection;
    const s: PageState = {
      url: url.href,
      origin: url.origin,
      kind: detection?.kind ?? 'none',
      active: !!full,
      siteEnable,
      reasons: detection?.reasons ?? [],
      meta: detection?.meta ?? { canonicalUrl: url.href },
      repair: { applied: false, total: 0, byClass: {} },
      script: { current: 'original', source: 'unknown' },
      typography: { scale: 1, lineHeight: page?.settings.lineHeight ?? 1.8, reading: false },
    };
    full?.describe(s);
    return s;
  }

  async function handle(msg: ContentMessage): Promise<unknown> {
    await ready;
    if (msg.type === 'getState') return state();
    if (msg.type === 'setSiteEnable') {
      // The popup has stored the rule already; this applies it to the open page.
      siteEnable = msg.enable;
      if (page) page.rule = { ...page.rule, enable: msg.enable } satisfies SiteRule;
      if (msg.enable === 'never') {
        full?.stop();
        full = undefined;
        setKindAttribute(doc, 'none');
      } else if (msg.enable === 'always') {
        await activate();
      }
      return state();
    }
    if (msg.type === 'activate') {
      await activate();
      setKindAttribute(doc, page!.detection.kind);
      return state();
    }
    const api = await activate();
    const result = await api.handle(msg, page!);
    return result === true ? state() : result;
  }

  return { state, handle, ready };
}

/** Asks the background to inject the full feature script into this frame, then picks it up. */
export async function loadFullThroughBackground(): Promise<FullApi> {
  await sendToBackground({ type: 'loadFull' });
  const api = findFull();
  if (!api) throw new Error('Qingdu could not load its page features in this frame');
  return api;
}
