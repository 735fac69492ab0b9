/**
 * `npm run bench`: runs every case in real Chromium, prints a table and writes JSON.
 * Figures are medians of repeated runs, with their baselines measured in the same run.
 * Usage: npm run bench [-- --repeat N] [-- --only NAME]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../e2e/harness/browsers';
import { startServer } from '../e2e/harness/server';
import { cases } from './cases';
import type { BenchRow } from './harness';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const repeat = Number(flag('--repeat') ?? 5);
const only = flag('--only');

const server = await startServer();
const extension = await launch('chromium');
const plain = await launch('chromium', { extension: false });
const rows: BenchRow[] = [];
const errors: string[] = [];
try {
  for (const c of cases) {
    if (only && !c.name.includes(only)) continue;
    process.stderr.write(`bench: ${c.name}…\n`);
    try {
      rows.push(...(await c.run({ server, extension, plain, repeat })));
    } catch (error) {
      errors.push(`${c.name}: ${(error as Error).stack ?? error}`);
    }
  }
} finally {
  await extension.close();
  await plain.close();
  await server.close();
}

const table = rows.map((r) => ({
  case: r.case,
  metric: r.metric,
  value: `${r.value} ${r.unit}`,
  baseline: r.baseline === undefined ? '' : `${r.baseline} ${r.unit}`,
  ratio: r.ratio === undefined ? '' : `${r.ratio}×`,
  budget: r.budget ? `${r.budget} ${r.withinBudget ? 'ok' : 'OVER'}` : '',
}));
const widths = Object.keys(table[0] ?? { case: '' }).map((k) =>
  Math.max(k.length, ...table.map((t) => String(t[k as keyof typeof t]).length)),
);
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
if (table.length) {
  console.log(line(Object.keys(table[0])));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const t of table) console.log(line(Object.values(t)));
}
const out = resolve(import.meta.dirname, '../../.output/bench');
mkdirSync(out, { recursive: true });
const file = join(out, 'bench.json');
const json = { date: new Date().toISOString(), browser: 'chromium', repeat, rows, errors };
writeFileSync(file, JSON.stringify(json, null, 2));
console.log(JSON.stringify(json));
console.log(`\nbench: ${rows.length} figures written to ${file}`);
if (errors.length) {
  console.error(`bench: ${errors.length} case(s) failed:\n${errors.join('\n')}`);
  process.exit(1);
}
