import { describe, expect, it } from 'vitest';
import { formatPhrases, mergePhrases, parsePhrases } from '@/utils/ui/phrase-text';
import type { UserPhrase } from '@/utils/settings';

describe('phrase table as text', () => {
  const table: UserPhrase[] = [
    { from: '软件', to: '軟體', direction: 's2t' },
    { from: '網路', to: '网络', direction: 't2s' },
    { from: '鼠标', to: '滑鼠', direction: 'both' },
  ];

  it('round-trips through export and import', () => {
    const text = formatPhrases(table);
    expect(text).toBe('软件\t軟體\ts2t\n網路\t网络\tt2s\n鼠标\t滑鼠\tboth\n');
    expect(parsePhrases(text)).toEqual({ phrases: table, errors: [] });
  });

  it('reads arrows, spaces, CRLF, a BOM, comments and a missing direction', () => {
    const { phrases, errors } = parsePhrases('\uFEFF# 我的词语\r\n信息 → 資訊\r\n\r\n打印 => 列印 S2T\r\n视频  影片\n');
    expect(errors).toEqual([]);
    expect(phrases).toEqual([
      { from: '信息', to: '資訊', direction: 'both' },
      { from: '打印', to: '列印', direction: 's2t' },
      { from: '视频', to: '影片', direction: 'both' },
    ]);
  });

  it('reports every bad line with its number and reason', () => {
    const { phrases, errors } = parsePhrases(`好\t好\n只有一个\n甲\t乙\tsideways\n${'长'.repeat(51)}\t短\n对\t對`);
    expect(phrases).toEqual([{ from: '对', to: '對', direction: 'both' }]);
    expect(errors.map((e) => [e.line, e.reason])).toEqual([
      [1, 'same'],
      [2, 'fields'],
      [3, 'direction'],
      [4, 'length'],
    ]);
  });

  it('merges: a phrase with the same source and direction replaces the old one', () => {
    const merged = mergePhrases(table, [
      { from: '软件', to: '軟件', direction: 's2t' },
      { from: '软件', to: '软体', direction: 't2s' },
    ]);
    expect(merged).toEqual([
      { from: '软件', to: '軟件', direction: 's2t' },
      table[1],
      table[2],
      { from: '软件', to: '软体', direction: 't2s' },
    ]);
    expect(formatPhrases([])).toBe('');
  });
});
