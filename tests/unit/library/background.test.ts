import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import './helpers';
import type { ArticleSnapshot } from '@/utils/messages';

// The tab's answer to getArticle: what the content script would send.
let snapshot: ArticleSnapshot | { error: string } | undefined;
vi.mock('@/utils/background/tabs', () => ({ tellTab: async () => snapshot }));

const { saveFromTab, CONFIRM_UPDATE_MS } = await import('@/utils/library/background');
const { getArticle, findSaved, resetLibraryHandle, wipeLibrary } = await import('@/utils/library/store');

function page(text: string): ArticleSnapshot {
  return {
    url: 'https://www.hubei.gov.cn/zwgk/a.shtml#top',
    meta: { title: '关于开展机关党建工作的通知', canonicalUrl: 'https://www.hubei.gov.cn/zwgk/a.shtml' } as ArticleSnapshot['meta'],
    script: 'original',
    text,
    originalText: text,
  };
}

describe('saving from the menu or the keyboard command', () => {
  const titles: string[] = [];
  beforeEach(async () => {
    fakeBrowser.reset();
    titles.length = 0;
    const action = (fakeBrowser as unknown as { action: Record<string, unknown> }).action;
    action.setBadgeText = async () => undefined;
    action.setBadgeBackgroundColor = async () => undefined;
    action.setTitle = async ({ title }: { title: string }) => void titles.push(title);
    resetLibraryHandle();
    await wipeLibrary();
  });

  it('saves a new article, then offers the update of a saved one and applies it only when confirmed', async () => {
    snapshot = page('第一版正文');
    const first = await saveFromTab(7, 1_000_000);
    expect(first?.updated).toBe(false);
    expect(titles.at(-1)).toBe('清读 · 已收藏：关于开展机关党建工作的通知');

    // Saved already: nothing is overwritten, the badge offers the update.
    snapshot = page('第二版正文');
    expect(await saveFromTab(7, 2_000_000)).toBeUndefined();
    expect(titles.at(-1)).toMatch(/^清读 · 已于 \d{4}-\d\d-\d\d 收藏：关于开展机关党建工作的通知。10 秒内再收藏一次/);
    const id = (await findSaved(['https://www.hubei.gov.cn/zwgk/a.shtml']))!.id;
    expect((await getArticle(id))?.text.text).toBe('第一版正文');

    // Confirmed within ten seconds: the saved copy is updated.
    const second = await saveFromTab(7, 2_000_000 + CONFIRM_UPDATE_MS - 1);
    expect(second?.updated).toBe(true);
    expect((await getArticle(id))?.text.text).toBe('第二版正文');
    expect(titles.at(-1)).toBe('清读 · 已更新收藏：关于开展机关党建工作的通知');
  });

  it('a second save after ten seconds, or from another tab, only offers again', async () => {
    snapshot = page('第一版正文');
    await saveFromTab(7, 1_000_000);
    snapshot = page('第二版正文');
    await saveFromTab(7, 2_000_000);
    expect(await saveFromTab(7, 2_000_000 + CONFIRM_UPDATE_MS)).toBeUndefined();
    expect(await saveFromTab(8, 2_000_000 + CONFIRM_UPDATE_MS + 1)).toBeUndefined();
    const id = (await findSaved(['https://www.hubei.gov.cn/zwgk/a.shtml']))!.id;
    expect((await getArticle(id))?.text.text).toBe('第一版正文');
  });

  it('says why when the page gives no article', async () => {
    snapshot = { error: '本页不是文章' };
    expect(await saveFromTab(7)).toBeUndefined();
    expect(titles.at(-1)).toBe('清读 · 未能收藏：本页不是文章');
  });
});
