/**
 * The reader's own garbled page, end to end: repaired, shown in 简体, repair toggled while
 * converted, and the page as it came brought back exactly.
 */
import { describe, expect, it } from 'vitest';
import { fixtureText, SEED_HOST, SEED_PAGE, SEED_PATH } from './harness/fixtures';
import { browserName, qingduKind, useE2E, useMessenger } from './harness/setup';

const crumb = () => document.querySelector('.position')?.textContent ?? '';
/** The body text of the page exactly as the server sent it, parsed afresh. */
const servedText = async () => {
  const html = await (await fetch(location.href, { cache: 'force-cache' })).text();
  return new DOMParser().parseFromString(html, 'text/html').body.textContent;
};

describe(`the seed page in ${browserName}`, () => {
  const e2e = useE2E();
  const { send } = useMessenger(e2e);

  it('repairs, converts, toggles repair under a conversion, and restores the page as it came', async () => {
    const page = await e2e.session.open(e2e.server.html(SEED_HOST, SEED_PATH, fixtureText(SEED_PAGE)));
    await page.waitFor('the seed to be marked', qingduKind);
    expect(await page.evaluate(qingduKind)).toBe('article');
    expect(await page.evaluate(crumb)).toBe('首頁 >自身建設 >機關黨建');
    const info = await page.evaluate(() => document.querySelector('.info')?.textContent ?? '');
    expect(info).not.toContain('骸');
    expect(info).not.toContain('a href=');

    let state = await send(page, { type: 'setScript', script: 'cn' });
    expect(state.script.current).toBe('cn');
    expect(await page.evaluate(crumb)).toBe('首页 >自身建设 >机关党建');

    // Repair off while in 简体: the garbled original, converted.
    state = await send(page, { type: 'setRepair', applied: false });
    expect(state.repair.applied).toBe(false);
    expect(state.script.current).toBe('cn');
    const unrepaired = await page.evaluate(crumb);
    expect(unrepaired).toContain('(yè)');
    expect(unrepaired).toContain('首页');

    state = await send(page, { type: 'setRepair', applied: true });
    expect(state.repair.applied).toBe(true);
    expect(await page.evaluate(crumb)).toBe('首页 >自身建设 >机关党建');

    await send(page, { type: 'setScript', script: 'original' });
    expect(await page.evaluate(crumb)).toBe('首頁 >自身建設 >機關黨建');
    await send(page, { type: 'setRepair', applied: false });
    const now = await page.evaluate(() => document.body.textContent);
    expect(now).toBe(await page.evaluate(servedText));
    await page.close();
  });
});
