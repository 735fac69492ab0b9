import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { detectScriptOfText, detectSourceScript, detectTraditionalRegion, HANS_ONLY, HANT_ONLY } from '@/utils/convert/detect';
import { fixture } from './helpers';

describe('source script detection', () => {
  it('pairs each Simplified-only character with its Traditional form', () => {
    const s2tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const tw2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
    expect([...HANS_ONLY].length).toBe([...HANT_ONLY].length);
    expect(s2tw(HANS_ONLY)).toBe(HANT_ONLY);
    expect(tw2s(HANT_ONLY)).toBe(HANS_ONLY);
  });

  it('tells Simplified, Traditional and too little text apart', () => {
    expect(detectScriptOfText(fixture('corpus-hans.txt'))).toBe('hans');
    expect(detectScriptOfText(fixture('corpus-hant.txt'))).toBe('hant');
    expect(detectScriptOfText(OpenCC.Converter({ from: 'cn', to: 'hk' })(fixture('corpus-hans.txt')))).toBe('hant');
    expect(detectScriptOfText('Hello 中文')).toBe('unknown');
  });

  it('falls back to lang, and finds the region of a Traditional page', () => {
    document.documentElement.setAttribute('lang', 'zh-TW');
    document.body.innerHTML = '<p>中文</p>';
    expect(detectSourceScript(document)).toBe('hant');
    document.body.innerHTML = '<p>这个国家的经济发展</p>';
    expect(detectSourceScript(document)).toBe('hans');
    document.documentElement.setAttribute('lang', 'zh-HK');
    expect(detectTraditionalRegion(document, new URL('https://www.gov.example/'))).toBe('hk');
    document.documentElement.setAttribute('lang', 'zh');
    expect(detectTraditionalRegion(document, new URL('https://www.info.gov.hk/'))).toBe('hk');
    expect(detectTraditionalRegion(document, new URL('https://www.ey.gov.tw/'))).toBe('tw');
  });
});
