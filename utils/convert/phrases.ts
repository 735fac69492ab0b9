/**
 * The phrase pass that always wins over the dictionary: Qingdu's built-in fixes for conversions
 * readers report as wrong, then the reader's own phrase table (a later entry for the same text wins).
 * Occurrences are found in the source text first; only the text between them goes to the
 * dictionary. Must never change text that contains none of the phrases.
 */
import type { UserPhrase } from '../settings';

/**
 * Fixes for opencc-js 1.4.2, each checked against it in tests: 一只只 → 一隻只 and 前头发生 →
 * 前頭髮生 are wrong; 发布 → 發佈 (or 釋出 with Taiwan phrases) is kept as 發布, the form
 * government notices use. The others pin text that a character-by-character converter gets wrong
 * (乾隆 → 干隆, 控制面板 → 控製麵板), so they stay right whatever the dictionary does.
 */
export const BUILT_IN_PHRASES: readonly UserPhrase[] = [
  { from: '一只只', to: '一隻隻', direction: 's2t' },
  { from: '前头发生', to: '前頭發生', direction: 's2t' },
  { from: '发布', to: '發布', direction: 's2t' },
  { from: '控制面板', to: '控制面板', direction: 's2t' },
  { from: '乾隆', to: '乾隆', direction: 't2s' },
];

export type Direction = 's2t' | 't2s';

/** Keeps the phrases that are well formed and apply in this direction; later entries win. */
export function phrasesFor(direction: Direction, phrases: readonly UserPhrase[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of phrases) {
    if (!p || typeof p.from !== 'string' || typeof p.to !== 'string' || !p.from) continue;
    if (p.direction !== direction && p.direction !== 'both') continue;
    map.set(p.from, p.to);
  }
  return map;
}

/** Wraps `convert` so every phrase in `table` becomes its `to`, whatever the dictionary says. */
export function withPhrases(convert: (s: string) => string, table: Map<string, string>): (s: string) => string {
  if (table.size === 0) return convert;
  // Phrases by their first code unit, longest first, so the first that matches is the longest
  // at that position; most positions are rejected by one table read.
  const byFirst = new Map<number, string[]>();
  const starts = new Uint8Array(65536);
  for (const key of table.keys()) {
    const c = key.charCodeAt(0);
    starts[c] = 1;
    const list = byFirst.get(c);
    if (list) list.push(key);
    else byFirst.set(c, [key]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return (text: string) => {
    const n = text.length;
    let out = '';
    let at = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (!starts[c]) continue;
      for (const key of byFirst.get(c) as string[]) {
        if (!text.startsWith(key, i)) continue;
        if (i > at) out += convert(text.slice(at, i));
        out += table.get(key);
        at = i + key.length;
        i = at - 1;
        break;
      }
    }
    if (at === 0) return convert(text);
    return at < n ? out + convert(text.slice(at)) : out;
  };
}
