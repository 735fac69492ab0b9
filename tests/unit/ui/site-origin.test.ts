import { describe, expect, it } from 'vitest';
import { siteOrigin } from '@/utils/ui/site-origin';
import { applyUiScale, uiScalePercent } from '@/utils/ui/scale';
import { isScriptablePage } from '@/utils/ui/target-tab';

describe('site rule origins', () => {
  it('turns host names and addresses into origins', () => {
    expect(siteOrigin('www.hubei.gov.cn')).toBe('https://www.hubei.gov.cn');
    expect(siteOrigin('  http://www.hbzx.gov.cn/zxzy/a.shtml?x=1 ')).toBe('http://www.hbzx.gov.cn');
    expect(siteOrigin('HTTPS://WWW.GOV.CN:8443/')).toBe('https://www.gov.cn:8443');
    expect(siteOrigin('政府.cn')).toBe('https://xn--mxtq1m.cn');
  });

  it('refuses what is not a web site', () => {
    for (const bad of ['', '   ', 'ftp://example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'not a site', 'gov']) {
      expect(siteOrigin(bad), bad).toBeUndefined();
    }
  });
});

describe('popup text size', () => {
  it('follows the size setting within 100–200% of the browser’s size', () => {
    expect(uiScalePercent(1.25)).toBe(125);
    expect(uiScalePercent(0.5)).toBe(100);
    expect(uiScalePercent(3)).toBe(200);
    expect(uiScalePercent(undefined)).toBe(100);
    expect(uiScalePercent(Number.NaN)).toBe(100);
    const doc = document.implementation.createHTMLDocument('');
    applyUiScale(doc, 1.5);
    expect(doc.documentElement.style.fontSize).toBe('150%');
  });
});

describe('pages the content script can run on', () => {
  it('knows browser pages, stores and local files', () => {
    expect(isScriptablePage('http://www.gov.cn/a.html')).toBe(true);
    expect(isScriptablePage('https://www.gov.cn/')).toBe(true);
    for (const url of ['chrome://extensions', 'about:addons', 'file:///a.html', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/zh-CN/firefox/', undefined]) {
      expect(isScriptablePage(url), String(url)).toBe(false);
    }
  });
});
