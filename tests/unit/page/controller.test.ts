import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setKindAttribute, shouldAct, startPage } from '@/utils/page/controller';
import type { FullApi } from '@/utils/page/full-api';
import type { Detection } from '@/utils/detect/types';
import { siteRulesItem, settingsItem, DEFAULT_SETTINGS } from '@/utils/storage';

function makeDoc(html: string, url: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html;
  Object.defineProperty(doc, 'URL', { value: url });
  return doc;
}

function fakeFull(): FullApi & { started: number; stopped: number } {
  const api = {
    started: 0,
    stopped: 0,
    async start() {
      api.started++;
    },
    async handle() {
      return true;
    },
    describe() {},
    stop() {
      api.stopped++;
    },
  };
  return api;
}

const ARTICLE = '<head><title>通知</title></head><body><h1>关于开展工作的通知</h1><p>一</p><p>二</p><p>三</p></body>';

describe('page controller', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('loads the full features and marks an article on a government host', async () => {
    const doc = makeDoc(ARTICLE, 'https://www.hubei.gov.cn/zwgk/t20240101_1.shtml');
    const full = fakeFull();
    const controller = startPage(doc, new AbortController().signal, async () => full);
    await controller.ready;
    expect(doc.documentElement.dataset.qingdu).toBe('article');
    expect(full.started).toBe(1);
    expect(controller.state()).toMatchObject({ kind: 'article', active: true });
  });

  it('does nothing on an ordinary page', async () => {
    const doc = makeDoc(ARTICLE, 'https://news.example.com/a.html');
    const loadFull = vi.fn(async () => fakeFull());
    const controller = startPage(doc, new AbortController().signal, loadFull);
    await controller.ready;
    expect(doc.documentElement.hasAttribute('data-qingdu')).toBe(false);
    expect(loadFull).not.toHaveBeenCalled();
    expect(controller.state()).toMatchObject({ kind: 'none', active: false });
  });

  it('stays off on a site the reader set to never', async () => {
    await siteRulesItem.setValue({ 'https://www.hubei.gov.cn': { enable: 'never' } });
    const doc = makeDoc(ARTICLE, 'https://www.hubei.gov.cn/zwgk/t20240101_1.shtml');
    const loadFull = vi.fn(async () => fakeFull());
    const controller = startPage(doc, new AbortController().signal, loadFull);
    await controller.ready;
    expect(loadFull).not.toHaveBeenCalled();
    expect(doc.documentElement.hasAttribute('data-qingdu')).toBe(false);
    expect(controller.state().siteEnable).toBe('never');
  });

  it('treats a site set to always as articles', async () => {
    await siteRulesItem.setValue({ 'https://blog.example.com': { enable: 'always' } });
    const doc = makeDoc(ARTICLE, 'https://blog.example.com/post/1');
    const full = fakeFull();
    const controller = startPage(doc, new AbortController().signal, async () => full);
    await controller.ready;
    expect(doc.documentElement.dataset.qingdu).toBe('article');
    expect(controller.state().reasons.map((r) => r.id)).toContain('site-rule');
  });

  it('activates on request on any page, and stops the features when invalidated', async () => {
    const doc = makeDoc(ARTICLE, 'https://news.example.com/a.html');
    const full = fakeFull();
    const abort = new AbortController();
    const controller = startPage(doc, abort.signal, async () => full);
    const state = (await controller.handle({ type: 'activate' })) as { active: boolean };
    expect(state.active).toBe(true);
    abort.abort();
    expect(full.stopped).toBe(1);
  });

  it('reads stored settings through the raw storage keys', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, actOn: 'article' });
    const doc = makeDoc('<body><p>x</p></body>', 'https://www.hubei.gov.cn/col/col1/index.html');
    const loadFull = vi.fn(async () => fakeFull());
    const controller = startPage(doc, new AbortController().signal, loadFull);
    await controller.ready;
    expect(controller.state().kind).toBe('gov');
    expect(loadFull).not.toHaveBeenCalled();
  });
});

describe('shouldAct', () => {
  const detection = (kind: Detection['kind']): Detection => ({ kind, score: 0, reasons: [], meta: { canonicalUrl: '' }, body: null });
  const doc = makeDoc('<body><p>中文内容中文内容中文内容中文内容中文内容中文内容</p></body>', 'https://x.example/');

  it('follows the reader’s choice of page kinds', () => {
    expect(shouldAct('article', detection('article'), doc)).toBe(true);
    expect(shouldAct('article', detection('gov'), doc)).toBe(false);
    expect(shouldAct('gov', detection('gov'), doc)).toBe(true);
    expect(shouldAct('gov', detection('none'), doc)).toBe(false);
    expect(shouldAct('chinese', detection('none'), doc)).toBe(true);
  });

  it('sets and clears the kind attribute', () => {
    setKindAttribute(doc, 'gov');
    expect(doc.documentElement.getAttribute('data-qingdu')).toBe('gov');
    setKindAttribute(doc, 'none');
    expect(doc.documentElement.hasAttribute('data-qingdu')).toBe(false);
  });
});
