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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

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
  // Longer phrases first, so the regex alternation prefers the longest at each position.
  const keys = [...table.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(keys.map(escape).join('|'), 'g');
  return (text: string) => {
    re.lastIndex = 0;
    let m = re.exec(text);
    if (!m) return convert(text);
    let out = '';
    let at = 0;
    while (m) {
      if (m.index > at) out += convert(text.slice(at, m.index));
      out += table.get(m[0]);
      at = m.index + m[0].length;
      m = re.exec(text);
    }
    if (at < text.length) out += convert(text.slice(at));
    return out;
  };
}
