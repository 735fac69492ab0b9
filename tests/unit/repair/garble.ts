/** Test helpers: garble clean text with real encoders, and measure how much a repair recovered. */
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures/repair', name), 'utf8');
export const proseHans = () => fixture('prose-hans.txt');
export const proseHant = () => fixture('prose-hant.txt');

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** A: UTF-8 bytes read as GBK (Node's WHATWG decoder, as browsers do). */
export const utf8AsGbk = (s: string) => new TextDecoder('gbk').decode(utf8(s));
export const utf8AsBig5 = (s: string) => new TextDecoder('big5').decode(utf8(s));

/**
 * B: UTF-8 read as windows-1252 the way browsers do it: iconv-lite's table, except the five
 * unassigned bytes, which browsers map to U+0081 etc. (iconv-lite gives U+FFFD).
 */
export function utf8AsCp1252(s: string): string {
  let out = '';
  for (const b of utf8(s)) out += [0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b) ? String.fromCharCode(b) : iconv.decode(Buffer.from([b]), 'windows-1252');
  return out;
}
/** B as Node ≥ 20.18 decodes windows-1252 (0x80–0x9F as C1 controls, i.e. Latin-1). */
export const utf8AsLatin1 = (s: string) => new TextDecoder('windows-1252').decode(utf8(s));

/** E: Big5 bytes read as GBK, and GBK bytes read as Big5. */
export const big5AsGbk = (s: string) => new TextDecoder('gbk').decode(iconv.encode(s, 'big5'));
export const gbkAsBig5 = (s: string) => new TextDecoder('big5').decode(iconv.encode(s, 'gbk'));

/** Levenshtein distance over code points. */
export function distance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** Share of the original's characters that came back: 1 − edits / length. */
export function recovered(original: string, repaired: string): number {
  const n = Array.from(original).length;
  return n ? Math.max(0, 1 - distance(original, repaired) / n) : 1;
}
