import { describe, expect, it, vi } from 'vitest';
import * as OpenCC from 'opencc-js';
import { textConverter } from '@/utils/convert/converter';
import { BUILT_IN_PHRASES, phrasesFor, withPhrases } from '@/utils/convert/phrases';
import { fetchCompiled } from './helpers';

// Compiling a dictionary from opencc-js takes about a second on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

describe('phrases that win over the dictionary', () => {
  it('records what opencc-js 1.4.2 does with the reported phrases', () => {
    const s2tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const tw2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
    // Wrong in opencc: these are what the built-in fixes exist for.
    expect(s2tw('一只只')).toBe('一隻只');
    expect(s2tw('前头发生')).toBe('前頭髮生');
    expect(s2tw('发布')).toBe('發佈');
    expect(OpenCC.Converter({ from: 'cn', to: 'twp' })('发布')).toBe('釋出');
    // Right in opencc today; pinned so they stay right.
    expect(tw2s('乾隆')).toBe('乾隆');
    expect(s2tw('控制面板')).toBe('控制面板');
  });

  it('fixes the known wrong conversions in every Traditional target', async () => {
    for (const config of ['s2tw', 's2twp', 's2hk'] as const) {
      const convert = await textConverter(config, { fetchBytes: fetchCompiled });
      expect(convert('一只只')).toBe('一隻隻');
      expect(convert('他说前头发生了事故')).toMatch(/^他[說説]前頭發生了事故$/);
      expect(convert('新闻发布会')).toContain('發布');
      expect(convert('新闻发布会')).not.toContain('髮');
      expect(convert('打开控制面板')).toMatch(/^(打開|開啟)控制面板$/);
      expect(convert('头发')).toBe('頭髮');
    }
  });

  it('keeps 乾隆 in Simplified and still converts around it', async () => {
    for (const config of ['tw2s', 'hk2s'] as const) {
      const convert = await textConverter(config, { fetchBytes: fetchCompiled });
      expect(convert('乾隆皇帝曾六下江南，頭髮全白')).toBe('乾隆皇帝曾六下江南，头发全白');
    }
  });

  it('applies the reader table in its direction, later entries winning, longest first', async () => {
    const convert = await textConverter('s2tw', {
      fetchBytes: fetchCompiled,
      userPhrases: [
        { from: '软件', to: '軟體', direction: 's2t' },
        { from: '软件', to: '程式', direction: 'both' },
        { from: '软件园', to: '軟體園區', direction: 's2t' },
        { from: '干部', to: '幹部X', direction: 't2s' },
      ],
    });
    expect(convert('下载软件')).toBe('下載程式');
    expect(convert('光谷软件园')).toBe('光谷軟體園區');
    expect(convert('干部')).toBe('幹部');
  });

  it('finds the leftmost, then the longest phrase, and converts only the text between', () => {
    const table = phrasesFor('s2t', [
      { from: 'ab', to: '1', direction: 's2t' },
      { from: 'abc', to: '2', direction: 's2t' },
      { from: 'bc', to: '3', direction: 's2t' },
      { from: 'c', to: '4', direction: 's2t' },
      { from: 'aab', to: '5', direction: 's2t' },
      { from: '发布', to: '發布', direction: 's2t' },
      { from: '发', to: '', direction: 's2t' },
      { from: '𠀀x', to: '6', direction: 's2t' },
    ]);
    const upper = (s: string) => `[${s.toUpperCase()}]`;
    // Reference: at each position, try every phrase longest first.
    const keys = [...table.keys()].sort((a, b) => b.length - a.length);
    const reference = (text: string) => {
      let out = '';
      let plain = '';
      let matched = false;
      for (let i = 0; i < text.length; ) {
        const key = keys.find((k) => text.startsWith(k, i));
        if (key === undefined) {
          plain += text[i++];
          continue;
        }
        if (plain) out += upper(plain);
        plain = '';
        matched = true;
        out += table.get(key);
        i += key.length;
      }
      return plain || !matched ? out + upper(plain) : out;
    };
    const convert = withPhrases(upper, table);
    const alphabet = ['a', 'b', 'c', 'x', '发', '布', '𠀀', '\ud840'];
    let seed = 12345;
    const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = Math.floor(rand() * 12);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      expect(convert(text)).toBe(reference(text));
    }
    expect(convert('aabcabc发布发')).toBe('542發布');
    expect(convert('xyz')).toBe('[XYZ]');
  });

  it('ignores malformed entries and special characters are literal', () => {
    const table = phrasesFor('s2t', [
      { from: '', to: 'x', direction: 's2t' },
      { from: 'a.b', to: 'ok', direction: 's2t' },
      null as never,
      { from: 1 as never, to: 'x', direction: 's2t' },
    ]);
    const convert = withPhrases((s) => s.toUpperCase(), table);
    expect(convert('a.b axb')).toBe('ok AXB');
    expect(phrasesFor('t2s', BUILT_IN_PHRASES).get('乾隆')).toBe('乾隆');
  });
});
