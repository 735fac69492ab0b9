/**
 * Reads a compiled dictionary (built from opencc-js by compile.ts) and converts text with it,
 * reproducing opencc-js 1.4.2's Converter exactly: normalization, longest-match segmentation,
 * then each conversion stage on each segment. Phrase segments carry their final output, so only
 * the text between phrases runs through the stages; most phrases store no output at all, because
 * it is what the stages give the phrase's own characters, computed the first time it matches.
 * Tries are breadth first, children sorted by UTF-16 code unit.
 *
 * Format (version 3, little endian, each array aligned to its element size):
 *   u32 magic, version, normalization tries (0/1), stage tries
 *   per trie (normalization, segmentation, stages): u32 nodes, u32 escapes, u32 blocks;
 *     u32 escapes[] (child counts ≥ COUNT_ESCAPE, in node order); u32 directory[blocks × 5]
 *     (for each BLOCK nodes: stored values, text units and long values before it, its first
 *     node's first child, escaped counts before it);
 *     u16 labels[nodes]; u8 flags[nodes] (bits 0–5 child count, HAS_VALUE, STORED)
 *   u32 stored values, u32 long values, u32 text units; u32 long[] (lengths ≥ LONG_VALUE);
 *   u16 text[] (stored values in trie and node order, UTF-16); u8 lengths[stored values]
 * Parsing reads only the directory; child offsets are summed a block at a time, and a value is
 * found through the directory, the first time a node is met, so the page does as little work as
 * possible before converting.
 * Must never depend on opencc-js at run time or change its output.
 */

export const MAGIC = 0x31434451; // "QDC1"
export const VERSION = 3;
/** Flag bits of a node; the low six bits are its child count (COUNT_ESCAPE: look it up). */
export const HAS_VALUE = 0x40;
export const STORED = 0x80;
export const COUNT_ESCAPE = 0x3f;
/** A stored value this long or longer has its length in the long list. */
export const LONG_VALUE = 0xff;
/** Nodes per directory entry (a power of two). */
export const BLOCK = 64;
const BLOCK_SHIFT = 6;
/**
 * Per block: stored values before it, text units before it, long lengths before it, the index
 * of its first node's first child, and escaped child counts before it.
 */
export const DIRECTORY_FIELDS = 5;

interface FlatTrie {
  labels: Uint16Array;
  flags: Uint8Array;
  /**
   * Index of each node's first child; node i's children are first[i]..first[i + 1]. Filled a
   * block at a time as nodes are first visited (0 = not yet: every real entry is at least 1),
   * so a cold start does not walk all of a large trie's nodes before converting.
   */
  first: Int32Array;
  escapes: Uint32Array;
  directory: Uint32Array;
  /** Root children by code unit; 0 = none (node 0 is the root itself). */
  root: Int32Array;
  /** Values by node, filled as nodes match (small tries only; see `phraseCache`). */
  cache: (string | undefined)[];
  /** Small tries: where each node's stored value starts in the text, and its length. */
  at?: Int32Array;
  length?: Int32Array;
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

function readTrie(r: Reader): FlatTrie {
  const [count, escapeCount, blocks] = r.u32(3);
  const escapes = r.u32(escapeCount);
  const directory = r.u32(blocks * DIRECTORY_FIELDS);
  const labels = r.u16(count);
  const flags = r.u8(count);
  if (blocks !== (count + BLOCK - 1) >> BLOCK_SHIFT) throw damaged();
  for (let b = 1; b < blocks; b++) {
    const at = b * DIRECTORY_FIELDS;
    if (directory[at + 3] < directory[at + 3 - DIRECTORY_FIELDS] || directory[at + 3] > count || directory[at + 4] > escapeCount) throw damaged();
  }
  const t: FlatTrie = { labels, flags, first: new Int32Array(count + 1), escapes, directory, root: new Int32Array(65536), cache: [] };
  if (count) {
    // The last block must end where the trie does; the root's children come from block 0.
    const end = fillBlock(t, blocks - 1);
    if (t.first[count] !== count || end !== escapeCount) throw damaged();
    if (!t.first[0]) fillBlock(t, 0);
    for (let k = t.first[0]; k < t.first[1]; k++) t.root[labels[k]] = k;
  }
  return t;
}

/** Fills `first` for the nodes of block `b` (and the end of the trie in its last block). */
function fillBlock(t: FlatTrie, b: number): number {
  const { first, flags, escapes, directory } = t;
  const count = flags.length;
  let next = directory[b * DIRECTORY_FIELDS + 3];
  let e = directory[b * DIRECTORY_FIELDS + 4];
  const start = b << BLOCK_SHIFT;
  const end = Math.min(start + BLOCK, count);
  for (let i = start; i < end; i++) {
    first[i] = next;
    const kids = flags[i] & COUNT_ESCAPE;
    next += kids === COUNT_ESCAPE ? escapes[e++] : kids;
  }
  if (end === count) first[count] = next;
  // Each block must end where the next one starts.
  else if (next !== directory[(b + 1) * DIRECTORY_FIELDS + 3] || e !== directory[(b + 1) * DIRECTORY_FIELDS + 4]) throw damaged();
  return e;
}

const damaged = () => new Error('Qingdu: this conversion dictionary is damaged');

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

/** Parses a compiled dictionary. Labels and flags view `data`'s buffer; child offsets are built. */
export function parseDictionary(data: Uint8Array): Dictionary {
  if (data.byteLength < 16) throw new Error('Qingdu: this conversion dictionary is not in a format it reads');
  const r = new Reader(data.buffer as ArrayBuffer, data.byteOffset);
  const [magic, version, normCount, stageCount] = r.u32(4);
  if (magic !== MAGIC || version !== VERSION) throw new Error('Qingdu: this conversion dictionary is not in a format it reads');
  const norm = normCount ? readTrie(r) : undefined;
  const seg = readTrie(r);
  const stages: FlatTrie[] = [];
  for (let i = 0; i < stageCount; i++) stages.push(readTrie(r));
  const [storedCount, longCount, textUnits] = r.u32(3);
  const long = r.u32(longCount);
  const units = r.u16(textUnits);
  const lengths = r.u8(storedCount);
  const text = new TextDecoder('utf-16le').decode(units);
  const tries = [...(norm ? [norm] : []), seg, ...stages];

  /** Where a stored node's value starts, and its stored index, through the directory. */
  let valueIndex = 0;
  let longIndex = 0;
  function valueStart(t: FlatTrie, node: number, b = node >> BLOCK_SHIFT): number {
    const d = t.directory;
    let k = d[b * DIRECTORY_FIELDS];
    let at = d[b * DIRECTORY_FIELDS + 1];
    let l = d[b * DIRECTORY_FIELDS + 2];
    const flags = t.flags;
    for (let j = b << BLOCK_SHIFT; j < node; j++) {
      if (flags[j] & STORED) {
        const len = lengths[k++];
        at += len === LONG_VALUE ? long[l++] : len;
      }
    }
    valueIndex = k;
    longIndex = l;
    return at;
  }
  function valueLength(k: number, l: number): number {
    const len = lengths[k];
    return len === LONG_VALUE ? long[l] : len;
  }

  // The directory must add up: each trie starts where the one before ended, the last at the end.
  let stored = 0;
  let textAt = 0;
  let longAt = 0;
  for (const t of tries) {
    const d = t.directory;
    if (d[0] !== stored || d[1] !== textAt || d[2] !== longAt) throw damaged();
    const count = t.flags.length;
    textAt = count ? valueStart(t, count, (count - 1) >> BLOCK_SHIFT) : d[1];
    stored = valueIndex;
    longAt = longIndex;
  }
  if (stored !== storedCount || textAt !== textUnits || longAt !== longCount) throw damaged();
  // The small tries (normalization, stages) get their value positions at once: most of their
  // nodes are single characters met in the first lines converted. Only segmentation phrases
  // may have a value computed from their key.
  for (const t of tries) {
    if (t === seg) continue;
    const flags = t.flags;
    const count = flags.length;
    t.cache = new Array(count);
    const at = (t.at = new Int32Array(count));
    const size = (t.length = new Int32Array(count));
    const d = t.directory;
    let k = d[0];
    let pos = d[1];
    let l = d[2];
    for (let i = 0; i < count; i++) {
      const f = flags[i];
      if (!(f & HAS_VALUE)) continue;
      if (!(f & STORED)) throw damaged();
      const len = lengths[k++];
      const n = len === LONG_VALUE ? long[l++] : len;
      at[i] = pos;
      size[i] = n;
      pos += n;
    }
  }

  /** A stored value of a small trie's node. */
  function value(t: FlatTrie, node: number): string {
    let v = t.cache[node];
    if (v === undefined) {
      const at = t.at as Int32Array;
      v = t.cache[node] = text.slice(at[node], at[node] + (t.length as Int32Array)[node]);
    }
    return v;
  }

  /** Segmentation phrase outputs by node: a page meets a few thousand of the trie's phrases. */
  const phraseCache = new Map<number, string>();
  function phrase(node: number, s: string, i: number, end: number): string {
    let v = phraseCache.get(node);
    if (v === undefined) {
      if (seg.flags[node] & STORED) {
        const at = valueStart(seg, node);
        v = text.slice(at, at + valueLength(valueIndex, longIndex));
      } else v = run(s.slice(i, end));
      phraseCache.set(node, v);
    }
    return v;
  }

  let matched = 0;
  /** Longest key of `t` starting at `i`: returns its end (0 if none) and sets `matched` to its node. */
  function match(t: FlatTrie, s: string, i: number, n: number): number {
    let node = t.root[s.charCodeAt(i)];
    if (!node) return 0;
    const { labels, first, flags } = t;
    let j = i + 1;
    let end = 0;
    if (flags[node] & HAS_VALUE) {
      end = j;
      matched = node;
    }
    while (j < n) {
      let lo = first[node];
      if (lo === 0) {
        fillBlock(t, node >> BLOCK_SHIFT);
        lo = first[node];
      }
      let hi = first[node + 1];
      if (hi === 0) {
        fillBlock(t, (node + 1) >> BLOCK_SHIFT);
        hi = first[node + 1];
      }
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
      if (flags[node] & HAS_VALUE) {
        end = j;
        matched = node;
      }
    }
    return end;
  }

  /** opencc's Trie.convert. */
  function convertWith(t: FlatTrie, s: string): string {
    const n = s.length;
    let out = '';
    let copied = 0;
    const root = t.root;
    for (let i = 0; i < n; ) {
      // Most positions start no key: stepped here without a call (a surrogate or IDS takes the long way).
      const c = s.charCodeAt(i);
      if (root[c] === 0) {
        i += c < 0x2ff0 || (c > 0x2fff && (c < 0xd800 || c > 0xdbff)) ? 1 : unmatchedLength(s, i);
        continue;
      }
      const end = match(t, s, i, n);
      if (end) {
        if (copied < i) out += s.slice(copied, i);
        out += value(t, matched);
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
    const root = seg.root;
    for (let i = 0; i < n; ) {
      const c = s.charCodeAt(i);
      const end = root[c] === 0 ? 0 : match(seg, s, i, n);
      if (end) {
        const found = matched;
        if (runStart >= 0) {
          out += run(s.slice(runStart, i));
          runStart = -1;
        }
        out += phrase(found, s, i, end);
        i = end;
      } else {
        if (runStart < 0) runStart = i;
        i += c < 0x2ff0 || (c > 0x2fff && (c < 0xd800 || c > 0xdbff)) ? 1 : unmatchedLength(s, i);
      }
    }
    if (runStart === 0) return run(s);
    if (runStart > 0) out += run(s.slice(runStart));
    return out;
  }

  const bytes = tries.reduce((sum, t) => sum + t.first.byteLength + t.root.byteLength, 0) + data.byteLength;
  return { convert, bytes };
}
