/**
 * Which characters count as common Chinese, derived from the platform's decoders: GB 2312
 * level 1 (GBK B0A1–D7F9, 3,755 常用字) and Big5 level 1 (A440–C67E, 5,401 常用國字), plus
 * everyday CJK punctuation. Built lazily on first use; never a hand-typed character list.
 */

let common: Set<string> | undefined;
let gb2312: Set<string> | undefined;
let big5Common: Set<string> | undefined;

function decodeRange(charset: string, leads: [number, number], trails: Array<[number, number]>): string {
  const bytes: number[] = [];
  for (let a = leads[0]; a <= leads[1]; a++) for (const [lo, hi] of trails) for (let b = lo; b <= hi; b++) bytes.push(a, b);
  return new TextDecoder(charset).decode(Uint8Array.from(bytes));
}

const PUNCT = '，。、：；！？“”‘’《》〈〉（）【】—…·「」『』〔〕．％＋－／';

function han(text: string): string[] {
  return Array.from(text).filter((c) => c >= '\u3400' && c <= '\u9fff');
}

export function commonSet(): Set<string> {
  if (common) return common;
  const gb1 = han(decodeRange('gbk', [0xb0, 0xd7], [[0xa1, 0xfe]]));
  const set = new Set<string>([...gb1, ...big5CommonSet(), ...PUNCT]);
  return (common = set);
}

/** Big5 level 1, the Traditional common characters. */
export function big5CommonSet(): Set<string> {
  if (big5Common) return big5Common;
  const text = decodeRange('big5', [0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]]);
  const chars = han(text);
  // Stop at C67E, the last common character.
  const last = new TextDecoder('big5').decode(Uint8Array.from([0xc6, 0x7e]));
  const end = chars.indexOf(last);
  return (big5Common = new Set(end >= 0 ? chars.slice(0, end + 1) : chars));
}

/** Every GB 2312 Han character (levels 1 and 2): the Simplified repertoire. */
export function gb2312Set(): Set<string> {
  return (gb2312 ??= new Set(han(decodeRange('gbk', [0xb0, 0xf7], [[0xa1, 0xfe]]))));
}

export function isHan(c: string): boolean {
  return c >= '\u3400' && c <= '\u9fff';
}

/** A character outside ASCII, whitespace and the lost mark: the ones a share is taken over. */
function counted(c: string): boolean {
  return c > '\u007f' && c !== '\u00a0' && c !== '\u3000' && c !== LOST_MARK;
}

/** The mark put where a character is lost for good (U+3013 GETA MARK, the typesetter's 缺字). */
export const LOST_MARK = '\u3013';

export interface Share {
  share: number;
  han: number;
  counted: number;
}

/** Share of common characters among the non-ASCII characters of `text`. */
export function commonShare(text: string): Share {
  const set = commonSet();
  let n = 0;
  let good = 0;
  let hanCount = 0;
  for (const c of text) {
    if (!counted(c)) continue;
    n++;
    if (isHan(c)) hanCount++;
    if (set.has(c)) good++;
  }
  return { share: n ? good / n : 1, han: hanCount, counted: n };
}

/**
 * The honesty test: garbled text with at most half common characters becomes text with at
 * least 80 % common characters and 2+ Han characters.
 */
export function clearlyBetter(before: string, after: string, minHan = 2): boolean {
  const b = commonShare(before);
  const a = commonShare(after);
  return b.share <= 0.5 && a.share >= 0.8 && a.han >= minHan;
}
