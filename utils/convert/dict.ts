/**
 * Reads a compiled dictionary (built from opencc-js by compile.ts) and converts text with it,
 * reproducing opencc-js 1.4.2's Converter exactly: normalization, longest-match segmentation,
 * then each conversion stage on each segment. Phrase segments carry their final output, so only
 * the text between phrases runs through the stages; most phrases store no output at all, because
 * it is what the stages give the phrase's own characters, computed the first time it matches.
 * Tries are breadth first, children sorted by UTF-16 code unit.
 *
 * Format (version 2, little endian, each array aligned to its element size):
 *   u32 magic, version, normalization tries (0/1), stage tries
 *   per trie (normalization, segmentation, stages): u32 nodes, u32 escapes; u32 escapes[]
 *     (child counts ≥ COUNT_ESCAPE, in node order); u16 labels[nodes]; u8 flags[nodes]
 *     (bits 0–5 child count, HAS_VALUE, STORED)
 *   u32 stored values, u32 long values, u32 text units; u32 long[] (lengths ≥ LONG_VALUE);
 *   u16 text[] (stored values in trie and node order, UTF-16); u8 lengths[stored values]
 * Must never depend on opencc-js at run time or change its output.
 */

export const MAGIC = 0x31434451; // "QDC1"
export const VERSION = 2;
/** Flag bits of a node; the low six bits are its child count (COUNT_ESCAPE: look it up). */
export const HAS_VALUE = 0x40;
export const STORED = 0x80;
export const COUNT_ESCAPE = 0x3f;
/** A stored value this long or longer has its length in the long list. */
export const LONG_VALUE = 0xff;

interface FlatTrie {
  labels: Uint16Array;
  /** Index of each node's first child; node i's children are first[i]..first[i + 1]. */
  first: Int32Array;
  /** -1: no value; ≥ 0: stored value index; ≤ -2: computed value, slot -2 - v. */
  values: Int32Array;
  /** Root children by code unit; 0 = none (node 0 is the root itself). */
  root: Int32Array;
}

export interface Dictionary {
  /** Converts text exactly as opencc-js's Converter for this configuration does. */
  convert(text: string): string;
  /** Bytes of typed arrays this dictionary holds. */
  bytes: number;
}

class Reader {
  at = 0;
  constructor(private buffer: ArrayBuffer, private base: number) {}
  align(n: number) {
    const abs = this.base + this.at;
    this.at += (n - (abs % n)) % n;
  }
  u32(count: number): Uint32Array {
    this.align(4);
    const out = new Uint32Array(this.buffer, this.base + this.at, count);
    this.at += count * 4;
    return out;
  }
  u16(count: number): Uint16Array {
    this.align(2);
    const out = new Uint16Array(this.buffer, this.base + this.at, count);
    this.at += count * 2;
    return out;
  }
  u8(count: number): Uint8Array {
    const out = new Uint8Array(this.buffer, this.base + this.at, count);
    this.at += count;
    return out;
  }
}

/** Running totals while reading tries: stored values and computed slots handed out so far. */
interface Counters {
  stored: number;
  computed: number;
}

function readTrie(r: Reader, n: Counters): FlatTrie {
  const [count, escapeCount] = r.u32(2);
  const escapes = r.u32(escapeCount);
  const labels = r.u16(count);
  const flags = r.u8(count);
  const first = new Int32Array(count + 1);
  const values = new Int32Array(count);
  let next = 1;
  let e = 0;
  for (let i = 0; i < count; i++) {
    const f = flags[i];
    first[i] = next;
    const kids = f & COUNT_ESCAPE;
    next += kids === COUNT_ESCAPE ? escapes[e++] : kids;
    values[i] = f & HAS_VALUE ? (f & STORED ? n.stored++ : -2 - n.computed++) : -1;
  }
  first[count] = next;
  if (next !== count || e !== escapeCount) throw new Error('Qingdu: this conversion dictionary is damaged');
  const root = new Int32Array(65536);
  for (let k = first[0]; k < first[1]; k++) root[labels[k]] = k;
  return { labels, first, values, root };
}

function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

function cpLength(s: string, i: number): number {
  return (s.codePointAt(i) as number) > 0xffff ? 2 : 1;
}

function idsEnd(s: string, i: number): number {
  const arity = idsArity(s.codePointAt(i) as number);
  if (arity === 0) return 0;
  let end = i + cpLength(s, i);
  for (let n = 0; n < arity; n++) {
    if (end >= s.length) return 0;
    const child = idsEnd(s, end);
    end = child || end + cpLength(s, end);
  }
  return end;
}

/** How far opencc steps past a position where nothing matched (a code point or a whole IDS). */
function unmatchedLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x2ff0) return 1;
  if (c <= 0x2fff) {
    const end = idsEnd(s, i);
    return end > i ? end - i : 1;
  }
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
  }
  return 1;
}

/** Parses a compiled dictionary. Labels view `data`'s buffer; child offsets and values are built. */
export function parseDictionary(data: Uint8Array): Dictionary {
  if (data.byteLength < 16) throw new Error('Qingdu: this conversion dictionary is not in a format it reads');
  const r = new Reader(data.buffer as ArrayBuffer, data.byteOffset);
  const [magic, version, normCount, stageCount] = r.u32(4);
  if (magic !== MAGIC || version !== VERSION) throw new Error('Qingdu: this conversion dictionary is not in a format it reads');
  const counters: Counters = { stored: 0, computed: 0 };
  const norm = normCount ? readTrie(r, counters) : undefined;
  const damaged = () => new Error('Qingdu: this conversion dictionary is damaged');
  // Only segmentation phrases may have computed values.
  if (counters.computed) throw damaged();
  const seg = readTrie(r, counters);
  const segComputed = counters.computed;
  const stages: FlatTrie[] = [];
  for (let i = 0; i < stageCount; i++) stages.push(readTrie(r, counters));
  if (counters.computed !== segComputed) throw damaged();
  const [storedCount, longCount, textUnits] = r.u32(3);
  const long = r.u32(longCount);
  const units = r.u16(textUnits);
  const lengths = r.u8(storedCount);
  if (storedCount !== counters.stored) throw damaged();
  const text = new TextDecoder('utf-16le').decode(units);
  const offsets = new Int32Array(storedCount + 1);
  for (let k = 0, at = 0, l = 0; k < storedCount; k++) {
    const len = lengths[k];
    at += len === LONG_VALUE ? long[l++] : len;
    offsets[k + 1] = at;
  }
  if (offsets[storedCount] !== textUnits) throw damaged();
  const cache: (string | undefined)[] = new Array(storedCount);
  const value = (k: number): string => cache[k] ?? (cache[k] = text.slice(offsets[k], offsets[k + 1]));
  const computed: (string | undefined)[] = new Array(counters.computed);

  let matched = -1;
  /** Longest key of `t` starting at `i`: returns its end (0 if none) and sets `matched`. */
  function match(t: FlatTrie, s: string, i: number, n: number): number {
    let node = t.root[s.charCodeAt(i)];
    if (!node) return 0;
    const { labels, first, values } = t;
    let j = i + 1;
    let end = 0;
    if (values[node] !== -1) {
      end = j;
      matched = values[node];
    }
    while (j < n) {
      let lo = first[node];
      let hi = first[node + 1];
      if (lo === hi) break;
      const c = s.charCodeAt(j);
      let found = 0;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const l = labels[mid];
        if (l < c) lo = mid + 1;
        else if (l > c) hi = mid;
        else {
          found = mid;
          break;
        }
      }
      if (!found) break;
      node = found;
      j++;
      if (values[node] !== -1) {
        end = j;
        matched = values[node];
      }
    }
    return end;
  }

  /** opencc's Trie.convert. */
  function convertWith(t: FlatTrie, s: string): string {
    const n = s.length;
    let out = '';
    let copied = 0;
    for (let i = 0; i < n; ) {
      const end = match(t, s, i, n);
      if (end) {
        if (copied < i) out += s.slice(copied, i);
        out += value(matched);
        i = copied = end;
      } else i += unmatchedLength(s, i);
    }
    if (copied === 0) return s;
    return copied < n ? out + s.slice(copied) : out;
  }

  function run(s: string): string {
    for (const t of stages) s = convertWith(t, s);
    return s;
  }

  function convert(input: string): string {
    const s = norm ? convertWith(norm, input) : input;
    const n = s.length;
    let out = '';
    let runStart = -1;
    for (let i = 0; i < n; ) {
      const end = match(seg, s, i, n);
      if (end) {
        const found = matched;
        if (runStart >= 0) {
          out += run(s.slice(runStart, i));
          runStart = -1;
        }
        if (found >= 0) out += value(found);
        else {
          const slot = -2 - found;
          out += computed[slot] ?? (computed[slot] = run(s.slice(i, end)));
        }
        i = end;
      } else {
        if (runStart < 0) runStart = i;
        i += unmatchedLength(s, i);
      }
    }
    if (runStart === 0) return run(s);
    if (runStart > 0) out += run(s.slice(runStart));
    return out;
  }

  const tries = [...(norm ? [norm] : []), seg, ...stages];
  const bytes = tries.reduce((sum, t) => sum + t.first.byteLength + t.values.byteLength + t.root.byteLength, 0) + offsets.byteLength + data.byteLength;
  return { convert, bytes };
}
