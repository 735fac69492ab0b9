import { describe, expect, it } from 'vitest';
import { repairFeature } from '@/utils/repair/feature';
import type { PageContext } from '@/utils/page/feature';
import type { PageState } from '@/utils/messages';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { utf8AsGbk } from './garble';

function page(html: string, href: string, repair = true): PageContext {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html;
  return {
    doc,
    url: new URL(href),
    detection: {
      kind: 'article',
      score: 100,
      reasons: [{ id: 'site-rule', label: '本网站设为总是启用', weight: 100 }],
      meta: { canonicalUrl: href },
      body: null,
    },
    settings: { ...DEFAULT_SETTINGS, repair },
    rule: {},
    signal: new AbortController().signal,
  };
}

function state(): PageState {
  const s = { repair: { applied: false, total: 0, byClass: {} } } as unknown as PageState;
  repairFeature.describe(s);
  return s;
}

const TITLE = '省人民政府办公厅关于春耕生产的通知';
const HTML = `<head><title>${utf8AsGbk(TITLE)}</title></head><body><p>${utf8AsGbk('各市、州、县人民政府：现就有关事项通知如下')}</p></body>`;

describe('repair feature', () => {
  it('start repairs, re-reads detection from repaired text and keeps the site rule; stop reverts', async () => {
    const p = page(HTML, 'https://blog.example.com/a.html');
    const before = p.doc.documentElement.outerHTML;
    await repairFeature.start(p);
    expect(p.doc.title).toBe(TITLE);
    expect(p.detection.meta.title).toBe(TITLE);
    // The host is not a government one: detection alone says none; the rule's kind and reason stay.
    expect(p.detection.kind).toBe('article');
    expect(p.detection.reasons.map((r) => r.id)).toContain('site-rule');
    expect(state().repair).toEqual({ applied: true, total: 2, byClass: { A: 2 } });
    repairFeature.stop();
    expect(p.doc.documentElement.outerHTML).toBe(before);
  });

  it('setRepair reverts and re-applies, and returns true; other messages are not its own', async () => {
    const p = page(HTML, 'https://www.hubei.gov.cn/a.html');
    await repairFeature.start(p);
    const repaired = p.doc.documentElement.outerHTML;
    expect(await repairFeature.handle!({ type: 'setRepair', applied: false }, p)).toBe(true);
    expect(p.doc.title).toBe(utf8AsGbk(TITLE));
    expect(p.detection.meta.title).toBe(utf8AsGbk(TITLE));
    expect(state().repair.applied).toBe(false);
    expect(await repairFeature.handle!({ type: 'setRepair', applied: true }, p)).toBe(true);
    expect(p.doc.documentElement.outerHTML).toBe(repaired);
    expect(await repairFeature.handle!({ type: 'getState' }, p)).toBeUndefined();
    repairFeature.stop();
  });

  it('does nothing at start when the reader turned repair off, but repairs when asked', async () => {
    const p = page(HTML, 'https://www.hubei.gov.cn/a.html', false);
    const before = p.doc.documentElement.outerHTML;
    await repairFeature.start(p);
    expect(p.doc.documentElement.outerHTML).toBe(before);
    expect(state().repair.applied).toBe(false);
    await repairFeature.handle!({ type: 'setRepair', applied: true }, p);
    expect(p.doc.title).toBe(TITLE);
    repairFeature.stop();
    expect(p.doc.documentElement.outerHTML).toBe(before);
  });
});
