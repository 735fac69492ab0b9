import { describe, expect, it } from 'vitest';
import { fixtureText, SEED_HOST, SEED_PAGE, SEED_PATH } from './harness/fixtures';
import { browserName, qingduKind, useE2E } from './harness/setup';

describe(`foundation in ${browserName}`, () => {
  const e2e = useE2E();

  it('loads the extension and serves its popup page', async () => {
    const page = await e2e.session.openExtensionPage('popup.html');
    expect(await page.evaluate(() => document.title)).toBe('清读');
    await page.close();
  });

  it('marks a government article served from a government host', async () => {
    const url = e2e.server.html(SEED_HOST, SEED_PATH, fixtureText(SEED_PAGE));
    const page = await e2e.session.open(url);
    await page.waitFor('data-qingdu on the seed page', qingduKind);
    expect(await page.evaluate(qingduKind)).toBe('article');
    await page.close();
  });

  it('leaves an ordinary page without the attribute', async () => {
    const url = e2e.server.html('news.example.com', '/story.html', '<!doctype html><title>新闻</title><p>一则普通新闻。</p>');
    const page = await e2e.session.open(url);
    // Detection runs at DOMContentLoaded; give the script a moment, then check it set nothing.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    expect(await page.evaluate(qingduKind)).toBeNull();
    await page.close();
  });

  it('popup.html?tabId=N reads the state of tab N', async () => {
    const url = e2e.server.html(SEED_HOST, SEED_PATH, fixtureText(SEED_PAGE));
    const page = await e2e.session.open(url);
    await page.waitFor('data-qingdu', qingduKind);
    const popup = await e2e.session.openPopupFor(page);
    await popup.waitFor('page status in the popup', () => document.querySelector('.page-status .kind')?.textContent);
    expect(await popup.evaluate(() => document.querySelector('.page-status .kind')?.textContent)).toBe('政务文章');
    await popup.close();
    await page.close();
  });
});
