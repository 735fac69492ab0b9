/**
 * Repair: what scanning and repairing a 20,000-character garbled article costs (class A text from
 * a CMS that stored UTF-8 read as GBK), and what the scan costs on the same article when it is
 * clean; each against the same page without Qingdu, plus the in-page time from DOMContentLoaded
 * to `data-qingdu` (detection, loading the feature script, repairs) and one 显示原文→repair cycle.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BenchCase, type BenchRow, measureLoad, median, round } from '../harness';
import type { TestPage } from '../../e2e/harness/browsers';

const HOST = 'www.bench-repair.gov.cn';
const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/repair', name), 'utf8');
const utf8AsGbk = (s: string) => new TextDecoder('gbk').decode(Buffer.from(s, 'utf8'));

/** Paragraphs of the repair fixtures' prose, repeated to `chars` characters. */
function paragraphs(chars: number): string[] {
  const source = (fixture('prose-hans.txt') + fixture('prose-hant.txt')).split('\n').filter((l) => l.length > 20);
  const out: string[] = [];
  for (let n = 0, i = 0; n < chars; i++) {
    const p = source[i % source.length];
    out.push(p);
    n += p.length;
  }
  return out;
}

// Records DOMContentLoaded and the moment Qingdu marks the page, in the page's own clock.
const PROBE = `<script>window.__t={};document.addEventListener('DOMContentLoaded',function(){window.__t.dcl=performance.now()});new MutationObserver(function(){if(document.documentElement.dataset.qingdu&&!window.__t.done)window.__t.done=performance.now()}).observe(document.documentElement,{attributes:true});</script>`;

function article(paras: string[], garble: (s: string) => string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${garble('关于进一步做好春季农业生产工作的通知')}</title>${PROBE}</head>
<body><div class="position">首页 > 政务公开 > 通知公告</div><div class="info">来源：${garble('省人民政府办公厅')}</div>
<div id="zoom">${paras.map((p) => `<p>${garble(p)}</p>`).join('\n')}</div></body></html>`;
}

const settle = async (page: TestPage) => {
  await page.waitFor('data-qingdu', () => document.documentElement.dataset.qingdu ?? null, undefined, 30_000).catch(() => undefined);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
};
const settlePlain = async (page: TestPage) => {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
};

export const repairCase: BenchCase = {
  name: 'repair (20,000-character article)',
  async run(ctx) {
    const paras = paragraphs(20_000);
    const chars = paras.join('').length;
    const garbledUrl = ctx.server.html(HOST, '/garbled.html', article(paras, utf8AsGbk));
    const cleanUrl = ctx.server.html(HOST, '/clean.html', article(paras, (s) => s));
    const rows: BenchRow[] = [];
    for (const [label, url] of [['garbled (class A)', garbledUrl], ['clean', cleanUrl]] as const) {
      const withExt = [];
      const without = [];
      const toMark: number[] = [];
      for (let i = 0; i < ctx.repeat; i++) {
        without.push(await measureLoad(ctx.plain, url, settlePlain));
        withExt.push(await measureLoad(ctx.extension, url, settle));
        const page = await ctx.extension.open(url);
        await settle(page);
        const t = await page.evaluate(() => (window as any).__t as { dcl: number; done?: number });
        if (t.done) toMark.push(t.done - t.dcl);
        await page.close();
      }
      const task = median(withExt.map((m) => m.taskMs));
      const base = median(without.map((m) => m.taskMs));
      rows.push({ case: this.name, metric: `${label}: main-thread task time of the load`, value: round(task), unit: 'ms', baseline: round(base), ratio: round(task / base, 3), note: `${chars} characters` });
      const script = median(withExt.map((m) => m.scriptMs));
      const scriptBase = median(without.map((m) => m.scriptMs));
      rows.push({ case: this.name, metric: `${label}: script execution time`, value: round(script), unit: 'ms', baseline: round(scriptBase) });
      if (toMark.length) rows.push({ case: this.name, metric: `${label}: DOMContentLoaded → data-qingdu (detect, load, repair)`, value: round(median(toMark)), unit: 'ms' });
    }

    // One 显示原文 → repair cycle per page, timed from an extension page; the baseline is a
    // getState round trip, so the difference is the repair (or, on the clean page, the scan).
    const ext = await ctx.extension.openExtensionPage('popup.html?tabId=-1');
    for (const [label, url] of [['garbled (class A)', garbledUrl], ['clean', cleanUrl]] as const) {
      const page = await ctx.extension.open(url);
      await settle(page);
      const tabId = await ctx.extension.tabIdOf(page);
      const send = (msg: unknown) =>
        ext.evaluate(
          async ({ tabId, msg }) => {
            const t = performance.now();
            const reply = await (globalThis as any).chrome.tabs.sendMessage(tabId, msg, { frameId: 0 });
            return { ms: performance.now() - t, total: reply?.repair?.total as number };
          },
          { tabId, msg },
        );
      const cycles: number[] = [];
      const states: number[] = [];
      let total = 0;
      for (let i = 0; i < Math.max(5, ctx.repeat); i++) {
        states.push((await send({ type: 'getState' })).ms);
        await send({ type: 'setRepair', applied: false });
        const r = await send({ type: 'setRepair', applied: true });
        cycles.push(r.ms);
        total = r.total;
      }
      const value = median(cycles);
      const base = median(states);
      rows.push({
        case: this.name,
        metric: `${label}: scan + repair via setRepair (round trip; baseline getState)`,
        value: round(value),
        unit: 'ms',
        baseline: round(base),
        ratio: round(value / base, 2),
        note: `${total} repairs; repair ≈ ${round(value - base)} ms`,
      });
      await page.close();
    }
    await ext.close();
    return rows;
  },
};
