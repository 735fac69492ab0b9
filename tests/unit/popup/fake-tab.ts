/** A stand-in for a tab's content script: answers the popup's messages with a PageState, like the controller does. */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentMessage, PageState } from '@/utils/messages';

export function articleState(over: Partial<PageState> = {}): PageState {
  return {
    url: 'http://www.hbzx.gov.cn/zxzy/a.shtml',
    origin: 'http://www.hbzx.gov.cn',
    kind: 'article',
    active: true,
    reasons: [
      { id: 'host', label: '政府域名 gov.cn', weight: 40 },
      { id: 'site-code', label: '网站标识码 4200000059', weight: 30 },
    ],
    meta: { title: '关于开展机关党建工作的通知', siteName: '湖北省政协', canonicalUrl: 'http://www.hbzx.gov.cn/zxzy/a.shtml' },
    repair: { applied: true, total: 12, byClass: { A: 9, I: 3 } },
    script: { current: 'original', source: 'hans' },
    typography: { scale: 1, lineHeight: 1.8, reading: false },
    ...over,
  };
}

/** Creates a tab and answers its messages; returns the messages seen, newest last. */
export async function fakeTab(initial: PageState, opts: { fail?: string } = {}) {
  const tab = await fakeBrowser.tabs.create({ url: initial.url });
  let state = structuredClone(initial);
  const seen: { tabId: number; msg: ContentMessage; options: unknown }[] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, msg: ContentMessage, options: unknown) => {
    seen.push({ tabId, msg, options });
    if (opts.fail && msg.type !== 'getState') return { error: opts.fail };
    switch (msg.type) {
      case 'getState':
        break;
      case 'setScript':
        state.script.current = msg.script;
        break;
      case 'setRepair':
        state.repair.applied = msg.applied;
        break;
      case 'zoom':
        state.typography.scale = Math.round((state.typography.scale + msg.direction * 0.125) * 1000) / 1000;
        break;
      case 'setLineHeight':
        state.typography.lineHeight = msg.value;
        break;
      case 'resetTypography':
        state.typography = { ...state.typography, scale: 1, lineHeight: 1.8 };
        break;
      case 'setReading':
        state.typography.reading = msg.open;
        break;
      case 'activate':
        state.active = true;
        break;
      case 'setSiteEnable':
        state.siteEnable = msg.enable;
        state.active = msg.enable !== 'never';
        break;
      default:
        return { error: `no handler for ${msg.type}` };
    }
    return structuredClone(state);
  }) as never);
  return {
    tabId: tab.id!,
    seen,
    sent: () => seen.map((s) => s.msg).filter((m) => m.type !== 'getState'),
    state: () => state,
  };
}
