import { describe, expect, it, vi } from 'vitest';
import * as OpenCC from 'opencc-js';
import { COUNT_ESCAPE, DIRECTORY_FIELDS, VERSION, parseDictionary } from '@/utils/convert/dict';
import { CONFIGS, CONFIG_LOCALES } from '@/utils/convert/configs';
import { compiledBytes, fixture } from './helpers';

// Compiling a dictionary from opencc-js takes about a second on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const hans = fixture('corpus-hans.txt');
const hant = fixture('corpus-hant.txt');

/** Seeded strings of characters from the corpus and from opencc's own hard cases. */
function fuzz(seed: number, alphabet: string[], count: number): string[] {
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: count }, () => {
    const n = 1 + Math.floor(rand() * 30);
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(rand() * alphabet.length)];
    return out;
  });
}

// Ideographic description sequences, supplementary-plane characters, compatibility ideographs
// and lone surrogates exercise opencc's unit stepping and normalization.
const hard = ['⿰氵木', '⿱', '⿲', '𠀀', '𪚥', '豈', '\ud800', '\udc00', 'a', ' ', '髮', '發', '后', '後', '面', '麵', '里', '裏', '台', '臺'];

describe('compiled dictionaries reproduce opencc-js 1.4.2 Converter', () => {
  for (const name of CONFIGS) {
    it(`${name} (${CONFIG_LOCALES[name].from}→${CONFIG_LOCALES[name].to}) on the corpus and fuzz`, () => {
      const ref = OpenCC.Converter(CONFIG_LOCALES[name]);
      const dict = parseDictionary(compiledBytes(name));
      const input = name.startsWith('s2') ? hans : hant + OpenCC.Converter({ from: 'cn', to: 'tw' })(hans);
      expect(dict.convert(input)).toBe(ref(input));
      for (const line of input.split('\n')) expect(dict.convert(line)).toBe(ref(line));
      const alphabet = [...new Set([...hans, ...hant, ...ref(hans), ...hard])];
      for (const s of fuzz(name.length * 7919, alphabet, 2000)) expect(dict.convert(s)).toBe(ref(s));
    });
  }

  it('changes the corpus (the comparison is not vacuous)', () => {
    const dict = parseDictionary(compiledBytes('s2tw'));
    expect(dict.convert('首页 >自身建设 >机关党建')).toBe('首頁 >自身建設 >機關黨建');
    expect(parseDictionary(compiledBytes('tw2s')).convert('首頁 >自身建設 >機關黨建')).toBe('首页 >自身建设 >机关党建');
    expect(parseDictionary(compiledBytes('s2twp')).convert('软件')).toBe('軟體');
  });

  it('rejects bytes that are not a dictionary, another format version, or a damaged file', () => {
    expect(() => parseDictionary(new Uint8Array(64))).toThrow(/format/);
    expect(() => parseDictionary(new Uint8Array(3))).toThrow(/format/);
    const bytes = compiledBytes('s2tw');
    const v1 = bytes.slice();
    new DataView(v1.buffer).setUint32(4, VERSION - 1, true);
    expect(() => parseDictionary(v1)).toThrow(/format/);
    // A child count changed: the trie no longer adds up.
    const bad = bytes.slice();
    const view = new DataView(bad.buffer);
    const [nodes, escapes, blocks] = [16, 20, 24].map((at) => view.getUint32(at, true));
    const directoryAt = 28 + 4 * escapes;
    const directoryBytes = 4 * DIRECTORY_FIELDS;
    const flagsAt = directoryAt + directoryBytes * blocks + 2 * nodes;
    bad[flagsAt] = (bad[flagsAt] & ~COUNT_ESCAPE) | ((bad[flagsAt] & COUNT_ESCAPE) - 1);
    expect(() => parseDictionary(bad)).toThrow(/damaged/);
    // A value directory entry off by one.
    const off = bytes.slice();
    const offView = new DataView(off.buffer);
    offView.setUint32(directoryAt + directoryBytes * (blocks - 1) + 4, offView.getUint32(directoryAt + directoryBytes * (blocks - 1) + 4, true) + 1, true);
    expect(() => parseDictionary(off)).toThrow(/damaged/);
    expect(() => parseDictionary(bytes.slice(0, bytes.length >> 1))).toThrow();
  });

  it('stores only phrase outputs that differ from their characters, and computes the rest the same', () => {
    const bytes = compiledBytes('s2tw');
    const dict = parseDictionary(bytes);
    const ref = OpenCC.Converter({ from: 'cn', to: 'tw' });
    // 头发 is stored (character by character it would be 頭發); 发展 and 出发 are phrases whose
    // output is their characters' (computed on first match, then reused).
    for (const s of ['头发', '发展', '出发', '头发出发发展', '发展']) expect(dict.convert(s)).toBe(ref(s));
    expect(dict.convert('发展')).toBe('發展');
    // Under a third of the version 1 file (1,620,349 bytes) for the same configuration.
    expect(bytes.length).toBeLessThan(540_000);
  });
});
