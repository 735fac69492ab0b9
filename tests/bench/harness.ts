/**
 * The bench's shared parts: what a case returns, how pages are timed in Chromium over CDP,
 * and small statistics. Every figure is measured in the same run as its baseline.
 */
import type { CDPSession, Page as PwPage } from 'playwright-core';
import type { Session, TestPage } from '../e2e/harness/browsers';
import type { FixtureServer } from '../e2e/harness/server';

export interface BenchRow {
  case: string;
  metric: string;
  value: number;
  unit: string;
  /** The same measure without Qingdu (or with the naive approach), in the same run. */
  baseline?: number;
  /** value / baseline, or baseline / value for speed-ups (say which in `metric`). */
  ratio?: number;
  /** The budget this figure is held to, in words, e.g. `≤ 30 KB`. */
  budget?: string;
  withinBudget?: boolean;
  note?: string;
}

export interface BenchContext {
  server: FixtureServer;
  /** Chromium with Qingdu loaded. */
  extension: Session;
  /** The same Chromium without any extension. */
  plain: Session;
  /** How many times each timed measurement is repeated (the median is reported). */
  repeat: number;
}

export interface BenchCase {
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface PageLoadCost {
  /** Main-thread task time of the renderer during the load, ms. */
  taskMs: number;
  /** Script execution time during the load, ms. */
  scriptMs: number;
  /** Bytes of JavaScript parsed in the page, all worlds (page scripts and content scripts). */
  scriptBytes: number;
  /** Bytes of content-script JavaScript (isolated worlds) parsed in the page. */
  extensionScriptBytes: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * Loads `url` in a fresh tab and measures what the load cost the page's main thread.
 * `settle` waits in the page after `load` (e.g. until Qingdu set its attribute).
 */
export async function measureLoad(session: Session, url: string, settle: (page: TestPage) => Promise<void>): Promise<PageLoadCost> {
  const page = await session.open('about:blank');
  const raw = page.raw as PwPage;
  const cdp = await raw.context().newCDPSession(raw);
  let scriptBytes = 0;
  let extensionScriptBytes = 0;
  cdp.on('Debugger.scriptParsed', (event) => {
    const length = event.length ?? 0;
    scriptBytes += length;
    const aux = event.executionContextAuxData as { isDefault?: boolean } | undefined;
    if (aux && aux.isDefault === false) extensionScriptBytes += length;
  });
  await cdp.send('Debugger.enable');
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await metrics(cdp);
  await page.goto(url);
  await withTimeout(settle(page), 30_000, `settling ${url}`);
  const after = await metrics(cdp);
  await cdp.detach();
  await page.close();
  return {
    taskMs: (after.TaskDuration - before.TaskDuration) * 1000,
    scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
    scriptBytes,
    extensionScriptBytes,
  };
}

export interface LoadComparison {
  /** Medians with Qingdu, and without it (the baseline), over `ctx.repeat` alternating loads. */
  with: PageLoadCost;
  without: PageLoadCost;
}

/**
 * Loads `url` alternately in the plain browser and with Qingdu, `ctx.repeat` times each, and
 * returns the medians. `settleBaseline` is for pages where the plain browser must not wait for
 * anything Qingdu does.
 */
export async function compareLoads(
  ctx: BenchContext,
  url: string,
  settle: (page: TestPage) => Promise<void>,
  settleBaseline: (page: TestPage) => Promise<void> = settle,
): Promise<LoadComparison> {
  const withExt: PageLoadCost[] = [];
  const without: PageLoadCost[] = [];
  for (let i = 0; i < ctx.repeat; i++) {
    without.push(await measureLoad(ctx.plain, url, settleBaseline));
    withExt.push(await measureLoad(ctx.extension, url, settle));
  }
  const med = (list: PageLoadCost[]): PageLoadCost => ({
    taskMs: median(list.map((m) => m.taskMs)),
    scriptMs: median(list.map((m) => m.scriptMs)),
    scriptBytes: median(list.map((m) => m.scriptBytes)),
    extensionScriptBytes: median(list.map((m) => m.extensionScriptBytes)),
  });
  return { with: med(withExt), without: med(without) };
}

/** Rejects when `promise` takes longer than `ms`, so one stuck page cannot hang the bench. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: ${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A deterministic pseudo-random generator, so bench pages are the same in every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
