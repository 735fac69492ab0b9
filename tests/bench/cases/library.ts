/**
 * The library at scale: 10,000 saved articles of 3,000 characters. Seeds the database inside the
 * extension's own page (through Qingdu's import), then measures, in the page, how long the
 * full-page library and the popup take to show their first list, and how long searches take.
 */
import { build } from 'vite';
import { resolve } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import { type BenchCase, type BenchRow, median, round } from '../harness';

const ARTICLES = Number(process.env.QINGDU_BENCH_ARTICLES ?? 10_000);
const CHARS = 3_000;
const BATCH = 250;
const root = resolve(import.meta.dirname, '../../..');

/** Bundles library-seed.ts (and the library code it uses) into one script for the page. */
async function seedBundle(): Promise<string> {
  const out = (await build({
    root,
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@': root } },
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(import.meta.dirname, 'library-seed.ts'), name: 'QingduLibraryBench', formats: ['iife'], fileName: 'seed' },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  })) as { output: { code?: string }[] }[] | { output: { code?: string }[] };
  const first = Array.isArray(out) ? out[0] : out;
  return first.output.map((o) => o.code ?? '').join('\n');
}

interface Bench {
  seed(from: number, to: number, chars: number): Promise<number>;
  count(): Promise<number>;
  timeSearch(query: string): Promise<{ ms: number; results: number }>;
  rarePhrase(i: number): string;
}

export const libraryCase: BenchCase = {
  name: `library (${ARTICLES.toLocaleString('en')} articles)`,
  async run(ctx) {
    const code = await seedBundle();
    const page = await ctx.extension.openExtensionPage('library.html');
    const raw = page.raw as PwPage;
    const load = async () => raw.evaluate(`${code};globalThis.QingduLibraryBench = QingduLibraryBench; true`);
    await load();
    const opened = async (path: string) => {
      const samples: number[] = [];
      for (let i = 0; i < ctx.repeat + 1; i++) {
        const p = await ctx.extension.openExtensionPage(path);
        await p.waitFor('the first list', () => performance.getEntriesByName('qingdu-library-listed').length > 0, undefined, 30_000);
        const ms = await p.evaluate(() => performance.getEntriesByName('qingdu-library-listed')[0].startTime);
        await p.close();
        if (i > 0) samples.push(ms); // the first open warms the browser's caches
      }
      return median(samples);
    };
    // Baselines: the same pages with an empty library, in the same run.
    const emptyLibraryOpen = await opened('library.html');
    const emptyPopupOpen = await opened('popup.html?tabId=-1');
    const started = Date.now();
    const existing = await raw.evaluate(() => (globalThis as unknown as { QingduLibraryBench: Bench }).QingduLibraryBench.count());
    for (let from = existing; from < ARTICLES; from += BATCH) {
      const to = Math.min(ARTICLES, from + BATCH);
      await raw.evaluate(([a, b, c]) => (globalThis as unknown as { QingduLibraryBench: Bench }).QingduLibraryBench.seed(a, b, c), [from, to, CHARS] as const);
    }
    const seedSeconds = (Date.now() - started) / 1000;
    const total = await raw.evaluate(() => (globalThis as unknown as { QingduLibraryBench: Bench }).QingduLibraryBench.count());

    const libraryOpen = await opened('library.html');
    const popupOpen = await opened('popup.html?tabId=-1');

    const queries: [string, string][] = [
      ['rare phrase (1 article)', (await raw.evaluate((i) => (globalThis as unknown as { QingduLibraryBench: Bench }).QingduLibraryBench.rarePhrase(i), Math.floor(ARTICLES / 2)))],
      ['common phrase', '乡村振兴'],
      ['繁體 query for 简体 text', '鄉村振興'],
      ['one character', '鄂'],
      ['phrase that is nowhere', '本田汽车'],
      ['Latin / digits', '2019'],
    ];
    await load();
    const rows: BenchRow[] = [
      { case: this.name, metric: 'articles in the library', value: total, unit: 'articles', note: `${CHARS} characters each; seeding took ${round(seedSeconds, 1)} s` },
      { case: this.name, metric: 'full-page library: open to first list', value: round(libraryOpen), unit: 'ms', baseline: round(emptyLibraryOpen), ratio: round(libraryOpen / emptyLibraryOpen, 2), budget: '≤ 150 ms', withinBudget: libraryOpen <= 150 },
      { case: this.name, metric: 'popup: open to first list', value: round(popupOpen), unit: 'ms', baseline: round(emptyPopupOpen), ratio: round(popupOpen / emptyPopupOpen, 2), budget: '≤ 150 ms', withinBudget: popupOpen <= 150 },
    ];
    for (const [label, query] of queries) {
      const samples: number[] = [];
      let results = 0;
      for (let i = 0; i < ctx.repeat + 1; i++) {
        const r = await raw.evaluate((q) => (globalThis as unknown as { QingduLibraryBench: Bench }).QingduLibraryBench.timeSearch(q), query);
        if (i > 0) samples.push(r.ms);
        results = r.results;
      }
      const ms = median(samples);
      rows.push({ case: this.name, metric: `search: ${label}`, value: round(ms), unit: 'ms', budget: '≤ 30 ms', withinBudget: ms <= 30, note: `${results} results (first page of 50)` });
    }
    await page.close();
    return rows;
  },
};
