import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_BODY_SELECTORS, revealEarly, SHOWN_ATTRIBUTE } from '@/utils/typography/early';
import { earlyMatches, EARLY_CSS } from '@/utils/typography/early-background';
import { DEFAULT_SETTINGS } from '@/utils/settings';

describe('early text-size step', () => {
  it('registers only the sites enlarged above 100%, on any port, and not those switched off', () => {
    expect(earlyMatches(DEFAULT_SETTINGS, {})).toEqual([]);
    expect(
      earlyMatches(DEFAULT_SETTINGS, {
        'https://www.hubei.gov.cn': { scale: 1.5 },
        'http://www.hbzx.gov.cn:8080': { scale: 2 },
        'https://www.gov.cn': { scale: 1 },
        'https://www.off.gov.cn': { scale: 2, enable: 'never' },
        'https://www.lh.gov.cn': { lineHeight: 2 },
        'not a url': { scale: 2 },
      }),
    ).toEqual(['http://www.hbzx.gov.cn/*', 'https://www.hubei.gov.cn/*']);
    // A default above 100% means every site opens enlarged.
    expect(earlyMatches({ scale: 1.25 }, {})).toEqual(['http://*/*', 'https://*/*']);
  });

  it('the CSS file hides exactly the known containers, until <html> carries the shown attribute', () => {
    const css = readFileSync(resolve(import.meta.dirname, '../../../public', EARLY_CSS.slice(1)), 'utf8');
    expect(css).toContain(`html:not([${SHOWN_ATTRIBUTE}])`);
    const list = /:is\(([^)]*)\)/.exec(css)![1].split(',').map((s) => s.trim());
    expect(list).toEqual(KNOWN_BODY_SELECTORS);
  });

  it('reveals only where the early hiding is in effect', () => {
    document.body.innerHTML = '<div id="zoom"><p>正文</p></div>';
    revealEarly(document);
    expect(document.documentElement.hasAttribute(SHOWN_ATTRIBUTE)).toBe(false);
    const style = document.createElement('style');
    style.textContent = `html:not([${SHOWN_ATTRIBUTE}]) #zoom { visibility: hidden !important; }`;
    document.head.append(style);
    expect(getComputedStyle(document.getElementById('zoom')!).visibility).toBe('hidden');
    revealEarly(document);
    expect(document.documentElement.hasAttribute(SHOWN_ATTRIBUTE)).toBe(true);
    style.remove();
    document.documentElement.removeAttribute(SHOWN_ATTRIBUTE);
  });
});
