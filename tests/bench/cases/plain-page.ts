/**
 * What Qingdu costs an ordinary page: main-thread time and bytes of script, with the extension
 * against the same page without it.
 */
import { type BenchCase, type BenchRow, compareLoads, round } from '../harness';
import { plainPage } from '../pages';

export const plainPageCase: BenchCase = {
  name: 'plain page (10,000 words)',
  async run(ctx) {
    const url = ctx.server.html('news.example.com', '/bench/plain.html', plainPage(10_000));
    // Detection runs at DOMContentLoaded; the idle wait lets any late work land in the figures.
    const settle = async (page: { evaluate: (fn: () => Promise<unknown>) => Promise<unknown> }) => {
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    };
    const loads = await compareLoads(ctx, url, settle);
    const task = loads.with.taskMs;
    const taskBase = loads.without.taskMs;
    const script = loads.with.scriptMs;
    const scriptBase = loads.without.scriptMs;
    const bytes = loads.with.scriptBytes;
    const bytesBase = loads.without.scriptBytes;
    const injected = loads.with.extensionScriptBytes;
    const rows: BenchRow[] = [
      { case: this.name, metric: 'main-thread task time', value: round(task), unit: 'ms', baseline: round(taskBase), ratio: round(task / taskBase, 3) },
      { case: this.name, metric: 'script execution time', value: round(script), unit: 'ms', baseline: round(scriptBase), ratio: round(script / Math.max(scriptBase, 0.01), 3) },
      { case: this.name, metric: 'script bytes parsed', value: bytes, unit: 'B', baseline: bytesBase, ratio: round(bytes / bytesBase, 2) },
      {
        case: this.name,
        metric: 'content script injected',
        value: injected,
        unit: 'B',
        budget: '≤ 30 KB',
        withinBudget: injected <= 30 * 1024,
      },
    ];
    return rows;
  },
};
