/**
 * Byte-level codecs for repair, built from the platform's own TextDecoder: reverse GBK and Big5
 * tables made lazily (only when a page needs them), a fixed windows-1252 table, and a UTF-8
 * decoder that knows which input bytes were lost. Never ships a hand-typed CJK table.
 */

export type Legacy = 'gbk' | 'big5';

/** A byte whose value was lost (the garbled text showed U+FFFD for it). */
export const LOST = -1;

const reverse: Partial<Record<Legacy, Map<string, number>>> = {};

function pairs(lead: [number, number], trails: Array<[number, number]>): Uint8Array {
  const out: number[] = [];
  for (let a = lead[0]; a <= lead[1]; a++)
    for (const [lo, hi] of trails) for (let b = lo; b <= hi; b++) out.push(a, b);
  return Uint8Array.from(out);
}

/** Decodes every double-byte code of a legacy charset at once and indexes the result. */
function buildReverse(charset: Legacy): Map<string, number> {
  const bytes =
    charset === 'gbk'
      ? pairs([0x81, 0xfe], [[0x40, 0x7e], [0x80, 0xfe]])
      : pairs([0x81, 0xfe], [[0x40, 0x7e], [0xa1, 0xfe]]);
  const text = new TextDecoder(charset).decode(bytes);
  const map = new Map<string, number>();
  // Each valid pair decodes to one BMP char; some Big5 pairs decode to two (combining) or to
  // characters outside the BMP, so walk by code point and stop trusting offsets on mismatch.
  const chars = Array.from(text);
  if (chars.length === bytes.length / 2) {
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (c !== '\uFFFD' && !map.has(c)) map.set(c, (bytes[2 * i] << 8) | bytes[2 * i + 1]);
    }
    return map;
  }
  // Slow path: decode pair by pair (Big5 has a few pairs that decode to 2 code points).
  const dec = new TextDecoder(charset);
  for (let i = 0; i < bytes.length; i += 2) {
    const c = dec.decode(bytes.subarray(i, i + 2));
    if (c !== '\uFFFD' && !c.includes('\uFFFD') && !map.has(c)) map.set(c, (bytes[i] << 8) | bytes[i + 1]);
  }
  return map;
}

export function reverseTable(charset: Legacy): Map<string, number> {
  return (reverse[charset] ??= buildReverse(charset));
}

/** Whether a reverse table has been built (for the bench and tests). */
export function tableBuilt(charset: Legacy): boolean {
  return !!reverse[charset];
}

/**
 * Encodes text in a legacy charset. U+FFFD becomes one LOST byte. Returns null when a char
 * cannot be encoded (so the text was not produced by this decoder).
 */
export function encodeLegacy(text: string, charset: Legacy): number[] | null {
  const table = reverseTable(charset);
  const out: number[] = [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else if (c === '\uFFFD') out.push(LOST);
    else if (charset === 'gbk' && c === '\u20AC') out.push(0x80);
    else {
      const v = table.get(c);
      if (v === undefined) return null;
      out.push(v >> 8, v & 0xff);
    }
  }
  return out;
}

// windows-1252 0x80–0x9F as browsers decode them (the five unassigned bytes map to C1 controls).
// Fixed here because Node >= 20.18 decodes this range as C1 controls, unlike browsers.
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
let cp1252Reverse: Map<string, number> | undefined;

function cp1252Map(): Map<string, number> {
  if (cp1252Reverse) return cp1252Reverse;
  const map = new Map<string, number>();
  for (let i = 0; i < 32; i++) map.set(CP1252_HIGH[i], 0x80 + i);
  // C1 controls as Node (and Latin-1 readers) decode them.
  for (let i = 0x80; i <= 0x9f; i++) if (!map.has(String.fromCharCode(i))) map.set(String.fromCharCode(i), i);
  for (let i = 0xa0; i <= 0xff; i++) map.set(String.fromCharCode(i), i);
  return (cp1252Reverse = map);
}

/** Decodes bytes as windows-1252 the way browsers do. */
export function decodeCp1252(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  }
  return s;
}

/**
 * Encodes text as windows-1252 / Latin-1. A space between two high characters may have been a
 * no-break space (0xA0) that was normalised; `spaceAsNbsp` marks those positions as 0x1A0 so
 * the UTF-8 decoder can read them as 0xA0 when it expects a continuation byte.
 */
export function encodeCp1252(text: string): number[] | null {
  const map = cp1252Map();
  const out: number[] = [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (c === ' ') out.push(0x1a0);
    else if (code < 0x80) out.push(code);
    else if (c === '\uFFFD') out.push(LOST);
    else {
      const v = map.get(c);
      if (v === undefined) return null;
      out.push(v);
    }
  }
  return out;
}

export interface Utf8Result {
  text: string;
  /** Characters that could not be decoded because a byte was lost (shown as the lost mark). */
  lost: number;
  /** Invalid sequences not explained by lost bytes: the bytes were not UTF-8. */
  invalid: number;
}

/**
 * Strict UTF-8 decoder over bytes that may contain LOST (-1) and "space or 0xA0" (0x1A0).
 * A sequence containing a lost byte yields `lostMark` and counts as lost, not invalid.
 */
export function decodeUtf8(bytes: readonly number[], lostMark: string): Utf8Result {
  let text = '';
  let lost = 0;
  let invalid = 0;
  const isCont = (b: number) => b === LOST || b === 0x1a0 || (b >= 0x80 && b <= 0xbf);
  for (let i = 0; i < bytes.length; ) {
    let b = bytes[i];
    if (b === 0x1a0) b = 0x20;
    if (b === LOST) {
      // A lost lead byte: swallow the continuation bytes that belonged to it.
      let j = i + 1;
      while (j < bytes.length && j < i + 4 && bytes[j] >= 0x80 && bytes[j] <= 0xbf) j++;
      text += lostMark;
      lost++;
      i = j;
      continue;
    }
    if (b < 0x80) {
      text += String.fromCharCode(b);
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) {
      invalid++;
      text += '\uFFFD';
      i++;
      continue;
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    let hadLost = false;
    let ok = true;
    let j = i + 1;
    for (let k = 0; k < need; k++, j++) {
      if (j >= bytes.length || !isCont(bytes[j])) {
        ok = false;
        break;
      }
      const c = bytes[j] === 0x1a0 ? 0xa0 : bytes[j];
      if (c === LOST) hadLost = true;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok) {
      // Truncated: at the very end a lost byte explains it, otherwise it is invalid.
      if (j >= bytes.length && hadLost) {
        lost++;
        text += lostMark;
      } else {
        invalid++;
        text += '\uFFFD';
      }
      i = j;
      continue;
    }
    if (hadLost) {
      lost++;
      text += lostMark;
    } else if ((need === 2 && cp < 0x800) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) {
      invalid++;
      text += '\uFFFD';
    } else text += String.fromCodePoint(cp);
    i = j;
  }
  return { text, lost, invalid };
}

/** Strict legacy decode: null when any pair is invalid. */
export function decodeLegacyStrict(bytes: readonly number[], charset: Legacy): string | null {
  if (bytes.some((b) => b < 0 || b > 0xff)) return null;
  try {
    return new TextDecoder(charset, { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}
