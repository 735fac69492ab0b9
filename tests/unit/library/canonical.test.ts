import { describe, expect, it } from 'vitest';
import { canonicalKey, keysFor } from '@/utils/library/canonical';

describe('canonicalKey', () => {
  const same: [string, string][] = [
    ['https://www.gov.cn/zhengce/content/2017-07/20/content_5211996.htm', 'http://gov.cn/zhengce/content/2017-07/20/content_5211996.htm'],
    ['https://www.hbzx.gov.cn/a/123/', 'https://hbzx.gov.cn/a/123'],
    ['https://hbzx.gov.cn/a/123#comments', 'https://hbzx.gov.cn/a/123'],
    ['https://hbzx.gov.cn/a?id=5&utm_source=wx&utm_medium=share', 'https://hbzx.gov.cn/a?id=5'],
    ['https://hbzx.gov.cn/a?spm=1.2.3&id=5&from=timeline', 'https://hbzx.gov.cn/a?id=5'],
    ['https://hbzx.gov.cn/a?b=2&a=1', 'https://hbzx.gov.cn/a?a=1&b=2'],
    ['HTTPS://WWW.HBZX.GOV.CN:443/a', 'http://hbzx.gov.cn:80/a'],
    ['https://hbzx.gov.cn/', 'https://hbzx.gov.cn'],
  ];
  it.each(same)('%s is the same article as %s', (a, b) => {
    expect(canonicalKey(a)).toBe(canonicalKey(b));
    expect(canonicalKey(a)).toBeDefined();
  });

  const different: [string, string][] = [
    ['https://hbzx.gov.cn/a?id=5', 'https://hbzx.gov.cn/a?id=6'],
    ['https://hbzx.gov.cn/a/b', 'https://hbzx.gov.cn/a'],
    ['https://hbzx.gov.cn:8080/a', 'https://hbzx.gov.cn/a'],
    ['https://news.hbzx.gov.cn/a', 'https://hbzx.gov.cn/a'],
  ];
  it.each(different)('%s differs from %s', (a, b) => {
    expect(canonicalKey(a)).not.toBe(canonicalKey(b));
  });

  it('gives the expected key', () => {
    expect(canonicalKey('https://www.gov.cn/x/?utm_campaign=a&p=1#top')).toBe('//gov.cn/x?p=1');
  });

  it('refuses what is not a web page', () => {
    expect(canonicalKey('javascript:alert(1)')).toBeUndefined();
    expect(canonicalKey('file:///etc/passwd')).toBeUndefined();
    expect(canonicalKey('not a url')).toBeUndefined();
  });

  it('keysFor keeps rel=canonical first and drops duplicates', () => {
    expect(keysFor('https://gov.cn/a', 'https://www.gov.cn/a/#x', 'https://m.gov.cn/a')).toEqual(['//gov.cn/a', '//m.gov.cn/a']);
  });
});
