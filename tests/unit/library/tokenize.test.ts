import { describe, expect, it } from 'vitest';
import { indexTokens, queryTokens } from '@/utils/library/tokenize';
import { loadFold } from '@/utils/library/fold';

describe('tokenizer', () => {
  it('indexes Han text as overlapping pairs plus single characters, Latin and digits as words', () => {
    expect(indexTokens('本田车 abc 2017年')).toEqual(['本', '本田', '田', '田车', '车', 'abc', '2017', '年']);
  });

  it('queries a one-character Han run by the character, longer runs by pairs, words as prefixes', () => {
    expect(queryTokens('本')).toEqual([{ token: '本', prefix: false }]);
    expect(queryTokens('本田车')).toEqual([
      { token: '本田', prefix: false },
      { token: '田车', prefix: false },
    ]);
    expect(queryTokens('gdp')).toEqual([{ token: 'gdp', prefix: true }]);
  });

  it('folds Traditional (Taiwan and Hong Kong forms) to Simplified, character by character', async () => {
    const fold = await loadFold();
    expect(fold('國務院辦公廳關於')).toBe('国务院办公厅关于');
    expect(fold('国务院办公厅')).toBe('国务院办公厅');
    expect(fold('裡面')).toBe(fold('裏面'));
    expect(fold('GDP')).toBe('gdp');
  });
});
