/**
 * The library at scale: 10,000 saved articles of 3,000 characters. Seeds the database inside the
 * extension's own page (through Qingdu's import) on a profile of its own, restarts the browser on
 * it (a reader's library is settled on disk, not mid-import), then measures in the page how long
 * the popup and the full-page library take to show their first list: opened in a row (the
 * database stays open), after a pause (Chromium has closed it and reads it from disk again), and
 * first after the start. Then how long searches take. Baselines: the same opens, empty library.
 */
import { build } from 'vite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import { launch, type Session } from '../../e2e/harness/browsers';
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

interface Opening {
  /** The first list (or the "nothing saved" line) is in the DOM. */
  listed: number;
  /** It is painted: the Element Timing of the list's first line. */
  painted: number;
}

/**
 * Opens an extension page `times` times, `gap` ms after the last one closed; the times from
 * navigation start to its first list, each time.
 */
async function openings(session: Session, path: string, times: number, gap = 0): Promise<Opening[]> {
  const samples: Opening[] = [];
  for (let i = 0; i < times; i++) {
    if (gap) await new Promise((r) => setTimeout(r, gap));
    const p = await session.openExtensionPage(path);
    await p.waitFor('the first list', () => performance.getEntriesByName('qingdu-library-listed').length > 0, undefined, 60_000);
    const painted = await p.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          setTimeout(() => reject(new Error('the first list was never painted (no Element Timing entry)')), 30_000);
          // Element Timing entries are only observable (buffered), not in the timeline.
          new PerformanceObserver((list) => {
            const entry = list.getEntries().find((e) => (e as PerformanceEntry & { identifier?: string }).identifier === 'qingdu-library-list');
            if (entry) resolve((entry as PerformanceEntry & { renderTime: number }).renderTime);
          }).observe({ type: 'element', buffered: true });
        }),
    );
    const listed = await p.evaluate(() => performance.getEntriesByName('qingdu-library-listed')[0].startTime);
    samples.push({ listed, painted });
    await p.close();
  }
  return samples;
}

function medians(samples: Opening[]): Opening {
  return { listed: median(samples.map((s) => s.listed)), painted: median(samples.map((s) => s.painted)) };
}

/**
 * The popup and the full page, opened on a profile just started (the first open reads the
 * database from disk) and then again (what a reader sees every other time).
 */
async function measureOpens(profile: string, repeat: number) {
  const session = await launch('chromium', { userDataDir: profile });
  try {
    const [popupFirst] = await openings(session, 'popup.html?tabId=-1', 1);
    // A second apart: the database stays open (Chromium keeps it about two seconds), and the
    // last page has finished closing. Opened at once, the new page shares the extension's
    // renderer with the teardown of the last one; that is reported on its own.
    const popup = medians(await openings(session, 'popup.html?tabId=-1', repeat, 1_000));
    const popupAtOnce = medians(await openings(session, 'popup.html?tabId=-1', repeat));
    const library = medians(await openings(session, 'library.html', repeat + 1, 1_000).then((s) => s.slice(1)));
    // Chromium closes a database about two seconds after its last page closes; reopening it
    // reads it from disk again, as a reader's next popup does.
    const afterIdle = await openings(session, 'popup.html?tabId=-1', repeat, 5_000);
    return { popupFirst, popup, popupAtOnce, library, popupAfterIdle: medians(afterIdle) };
  } finally {
    await session.close();
  }
}

/** Two rows per kind of opening: the list in the DOM, and painted; each against the empty library. */
function openRows(name: string, metric: string, full: Opening, empty: Opening, budget?: string): BenchRow[] {
  return (['listed', 'painted'] as const).map((what) => ({
    case: name,
    metric: `${metric}, ${what === 'listed' ? 'in the DOM' : 'painted'}`,
    value: round(full[what]),
    unit: 'ms',
    baseline: round(empty[what]),
    ratio: round(full[what] / empty[what], 2),
    ...(budget ? { budget, withinBudget: full[what] <= 150 } : {}),
    note: `from navigation start; baseline: empty library${what === 'painted' ? ' (Element Timing of the first line)' : ''}`,
  }));
}

export const libraryCase: BenchCase = {
  name: `library (${ARTICLES.toLocaleString('en')} articles)`,
  async run(ctx) {
    const code = await seedBundle();
    // A profile of its own, so the browser can be restarted on the seeded library.
    const profile = mkdtempSync(join(tmpdir(), 'qingdu-bench-library-'));
    try {
      // Baselines: the same pages with an empty library, in the same run.
      const empty = await measureOpens(profile, ctx.repeat);

      const session = await launch('chromium', { userDataDir: profile });
      const started = Date.now();
      let total = 0;
      try {
        const page = await session.openExtensionPage('library.html');
        await page.evaluate((src) => void (0, eval)(`${src};globalThis.QingduLibraryBench = QingduLibraryBench;`), code);
        const raw = page.raw as PwPage;
        for (let from = await raw.evaluate(() => (globalThis as unknown as { QingduLibraryBench: Bench }).QingduLibraryBench.count()); from < ARTICLES; from += BATCH) {
          const to = Math.min(ARTICLES, from + BATCH);
          await raw.evaluate(([a, b, c]) => (globalThis as unknown as { QingduLibraryBench: Bench }).QingduLibraryBench.seed(a, b, c), [from, to, CHARS] as const);
        }
        total = await raw.evaluate(() => (globalThis as unknown as { QingduLibraryBench: Bench }).QingduLibraryBench.count());
      } finally {
        await session.close();
      }
      const seedSeconds = (Date.now() - started) / 1000;

      // Restarted: the library is settled on disk, as a reader's is.
      const full = await measureOpens(profile, ctx.repeat);

      const session2 = await launch('chromium', { userDataDir: profile });
      const rows: BenchRow[] = [
        { case: this.name, metric: 'articles in the library', value: total, unit: 'articles', note: `${CHARS} characters each; seeding took ${round(seedSeconds, 1)} s` },
        ...openRows(this.name, 'popup: open to first list (database already open; 1 s after the last closed)', full.popup, empty.popup, '≤ 150 ms'),
        ...openRows(this.name, 'popup: reopened as soon as the last one closed', full.popupAtOnce, empty.popupAtOnce),
        ...openRows(this.name, 'full-page library: open to first list (database already open; 1 s apart)', full.library, empty.library, '≤ 150 ms'),
        ...openRows(this.name, 'popup: open after 5 s with no library page open', full.popupAfterIdle, empty.popupAfterIdle, '≤ 150 ms'),
        ...openRows(this.name, 'popup: first open after the browser starts', full.popupFirst, empty.popupFirst),
      ];
      try {
        const page = await session2.openExtensionPage('library.html');
        await page.evaluate((src) => void (0, eval)(`${src};globalThis.QingduLibraryBench = QingduLibraryBench;`), code);
        const raw = page.raw as PwPage;
        const queries: [string, string][] = [
          ['rare phrase (1 article)', await raw.evaluate((i) => (globalThis as unknown as { QingduLibraryBench: Bench }).QingduLibraryBench.rarePhrase(i), Math.floor(ARTICLES / 2))],
          ['common phrase', '乡村振兴'],
          ['繁體 query for 简体 text', '鄉村振興'],
          ['one character', '鄂'],
          ['phrase that is nowhere', '本田汽车'],
          ['Latin / digits', '2019'],
        ];
        // One pass over every query first: it opens the database, loads the 繁體 folding table
        // and lets the storage engine settle after the restart; then the timed passes.
        for (const [, query] of queries) await raw.evaluate((q) => (globalThis as unknown as { QingduLibraryBench: Bench }).QingduLibraryBench.timeSearch(q), query);
        for (const [label, query] of queries) {
          const samples: number[] = [];
          let results = 0;
          for (let i = 0; i < ctx.repeat; i++) {
            const r = await raw.evaluate((q) => (globalThis as unknown as { QingduLibraryBench: Bench }).QingduLibraryBench.timeSearch(q), query);
            samples.push(r.ms);
            results = r.results;
          }
          const ms = median(samples);
          rows.push({ case: this.name, metric: `search: ${label}`, value: round(ms), unit: 'ms', budget: '≤ 30 ms', withinBudget: ms <= 30, note: `${results} results (first page of 50)` });
        }
      } finally {
        await session2.close();
      }
      return rows;
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  },
};
