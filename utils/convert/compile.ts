/**
 * Build time only (Node): compiles opencc-js 1.4.2's dictionaries for one configuration into the
 * compact binary dictionary the page reads (see dict.ts for the format and the algorithm).
 * The phrase outputs are computed with opencc-js's own Trie, so the result is opencc's by
 * construction. Must never be imported by page or extension code: it pulls in 1 MB of dictionaries.
 */
import { Trie } from 'opencc-js/core';
import { configs } from 'opencc-js/preset';
import type { ConfigName } from './configs';
import { BLOCK, COUNT_ESCAPE, DIRECTORY_FIELDS, HAS_VALUE, LONG_VALUE, MAGIC, STORED, VERSION } from './dict';

type Dict = string | readonly (readonly [string, string])[];

/** Entries of a dictionary, as opencc's Trie.loadDict reads them. */
function entries(dict: Dict): [string, string][] {
  if (typeof dict !== 'string') return dict.map(([k, v]) => [k, v]);
  if (dict === '') return [];
  return dict.split('|').map((line) => {
    const [k, v] = line.split(' ');
    return [k, v];
  });
}

/** A dictionary group merged as Trie.loadDictGroup does: the first dictionary wins. */
function merge(group: readonly Dict[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const dict of [...group].reverse()) for (const [k, v] of entries(dict)) map.set(k, v);
  return map;
}

function opencc(group: readonly Dict[]): Trie {
  const t = new Trie();
  t.loadDictGroup(group as never);
  return t;
}

interface Node {
  children: Map<number, Node>;
  /** The value, or null: a segmentation phrase whose output is what the stages give its key. */
  value: string | null | undefined;
}

class Writer {
  private chunks: Uint8Array[] = [];
  length = 0;
  private push(bytes: Uint8Array) {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
  align(n: number) {
    const pad = (n - (this.length % n)) % n;
    if (pad) this.push(new Uint8Array(pad));
  }
  u32(values: ArrayLike<number>) {
    this.align(4);
    this.push(new Uint8Array(Uint32Array.from(values).buffer));
  }
  u16(values: ArrayLike<number>) {
    this.align(2);
    this.push(new Uint8Array(Uint16Array.from(values).buffer));
  }
  u8(values: ArrayLike<number>) {
    this.push(Uint8Array.from(values));
  }
  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** Stored values in file order: every trie's values in its node order. */
class Values {
  readonly lengths: number[] = [];
  readonly long: number[] = [];
  readonly text: string[] = [];
  units = 0;
  add(s: string) {
    this.units += s.length;
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)) {
      throw new Error(`a dictionary value has a lone surrogate: ${JSON.stringify(s)}`);
    }
    if (s.length >= LONG_VALUE) this.long.push(s.length);
    this.lengths.push(Math.min(s.length, LONG_VALUE));
    this.text.push(s);
  }
}

/**
 * Lays a trie out breadth first, so each node's children are consecutive and sorted: the child
 * counts too large for a flag byte, the value directory, labels, then one flag byte per node
 * (child count, has-value, value-stored). Values are appended to `values` in node order.
 */
function writeTrie(w: Writer, map: Map<string, string | null>, values: Values) {
  const root: Node = { children: new Map(), value: undefined };
  for (const [key, value] of map) {
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) node.children.set(c, (next = { children: new Map(), value: undefined }));
      node = next;
    }
    node.value = value;
  }
  const order: Node[] = [root];
  const labels: number[] = [0];
  for (let i = 0; i < order.length; i++) {
    const kids = [...order[i].children].sort((a, b) => a[0] - b[0]);
    for (const [label, child] of kids) {
      order.push(child);
      labels.push(label);
    }
  }
  const flags: number[] = [];
  const escapes: number[] = [];
  const directory: number[] = [];
  let firstChild = 1;
  for (const [i, node] of order.entries()) {
    if (i % BLOCK === 0) directory.push(values.lengths.length, values.units, values.long.length, firstChild, escapes.length);
    const n = node.children.size;
    firstChild += n;
    let f = Math.min(n, COUNT_ESCAPE);
    if (n >= COUNT_ESCAPE) escapes.push(n);
    if (node.value !== undefined) {
      f |= HAS_VALUE;
      if (node.value !== null) {
        f |= STORED;
        values.add(node.value);
      }
    }
    flags.push(f);
  }
  w.u32([order.length, escapes.length, directory.length / DIRECTORY_FIELDS]);
  w.u32(escapes);
  w.u32(directory);
  w.u16(labels);
  w.u8(flags);
}

/** Compiles one configuration; the bytes are what `parseDictionary` reads. */
export function compileDictionary(name: ConfigName): Uint8Array {
  const config = configs[name] as unknown as {
    normalizationChain?: Dict[][];
    segmentation: Dict | Dict[];
    conversionChain: Dict[][];
  };
  if (!config) throw new Error(`opencc-js has no configuration "${name}"`);
  const norm = config.normalizationChain ?? [];
  if (norm.length > 1) throw new Error(`${name}: more than one normalization dictionary group`);
  const segGroup = (Array.isArray(config.segmentation) ? config.segmentation : [config.segmentation]) as Dict[];
  const seg = merge(segGroup);
  const stages = config.conversionChain.map((group) => opencc(group));

  // Text between phrases runs through the stages. A segmentation phrase can never match there
  // (it would have been a segment), so the first stage leaves those phrases out.
  const runStages = config.conversionChain.map((group, i) => {
    const map = merge(group);
    if (i === 0) for (const key of seg.keys()) map.delete(key);
    return map;
  });
  const runTries = runStages.map((map) => {
    const t = new Trie();
    t.loadDict([...map] as never);
    return t;
  });

  // Each segmentation phrase converts on its own through every stage, exactly as opencc does.
  // Most give what the stages give the phrase's characters; those store no text (null) and the
  // page computes them from the key when they first match.
  const segOut = new Map<string, string | null>();
  for (const key of seg.keys()) {
    const out = stages.reduce((s, t) => t.convert(s), key);
    const run = runTries.reduce((s, t) => t.convert(s), key);
    segOut.set(key, out === run ? null : out);
  }

  const values = new Values();
  const w = new Writer();
  w.u32([MAGIC, VERSION, norm.length, runStages.length]);
  if (norm.length) writeTrie(w, merge(norm[0]), values);
  writeTrie(w, segOut, values);
  for (const stage of runStages) writeTrie(w, stage, values);
  const text = values.text.join('');
  w.u32([values.lengths.length, values.long.length, text.length]);
  w.u32(values.long);
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  w.u16(units);
  w.u8(values.lengths);
  return w.result();
}
