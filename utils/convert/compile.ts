/**
 * Build time only (Node): compiles opencc-js 1.4.2's dictionaries for one configuration into the
 * compact binary dictionary the page reads (see dict.ts for the format and the algorithm).
 * The phrase outputs are computed with opencc-js's own Trie, so the result is opencc's by
 * construction. Must never be imported by page or extension code: it pulls in 1 MB of dictionaries.
 */
import { Trie } from 'opencc-js/core';
import { configs } from 'opencc-js/preset';
import type { ConfigName } from './configs';
import { MAGIC, VERSION } from './dict';

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
  value: number;
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
  i32(values: ArrayLike<number>) {
    this.align(4);
    this.push(new Uint8Array(Int32Array.from(values).buffer));
  }
  u16(values: ArrayLike<number>) {
    this.align(2);
    this.push(new Uint8Array(Uint16Array.from(values).buffer));
  }
  bytes(b: Uint8Array) {
    this.push(b);
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

class Pool {
  private index = new Map<string, number>();
  readonly strings: string[] = [];
  add(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** Lays a trie out breadth first, so each node's children are consecutive and sorted. */
function writeTrie(w: Writer, map: Map<string, string>, pool: Pool) {
  const root: Node = { children: new Map(), value: -1 };
  for (const [key, value] of map) {
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) node.children.set(c, (next = { children: new Map(), value: -1 }));
      node = next;
    }
    node.value = pool.add(value);
  }
  const order: Node[] = [root];
  const labels: number[] = [0];
  const first: number[] = [];
  for (let i = 0; i < order.length; i++) {
    first.push(order.length);
    const kids = [...order[i].children].sort((a, b) => a[0] - b[0]);
    for (const [label, child] of kids) {
      order.push(child);
      labels.push(label);
    }
  }
  first.push(order.length);
  w.u32([order.length]);
  w.u16(labels);
  w.i32(first);
  w.i32(order.map((n) => n.value));
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

  // Each segmentation phrase converts on its own through every stage, exactly as opencc does.
  const segOut = new Map<string, string>();
  for (const key of seg.keys()) segOut.set(key, stages.reduce((s, t) => t.convert(s), key));

  // Text between phrases runs through the stages. A segmentation phrase can never match there
  // (it would have been a segment), so the first stage leaves those phrases out.
  const runStages = config.conversionChain.map((group, i) => {
    const map = merge(group);
    if (i === 0) for (const key of seg.keys()) map.delete(key);
    return map;
  });

  const pool = new Pool();
  const w = new Writer();
  w.u32([MAGIC, VERSION, norm.length, runStages.length]);
  if (norm.length) writeTrie(w, merge(norm[0]), pool);
  writeTrie(w, segOut, pool);
  for (const stage of runStages) writeTrie(w, stage, pool);
  const offsets = [0];
  for (const s of pool.strings) offsets.push(offsets[offsets.length - 1] + s.length);
  const text = new TextEncoder().encode(pool.strings.join(''));
  w.u32([pool.strings.length, text.length]);
  w.i32(offsets);
  w.bytes(text);
  return w.result();
}
