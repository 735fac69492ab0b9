import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { applyLocale, catalog, format, langTag, LOCALES, localeFor, pickLocale, setLocale, t } from '@/utils/ui/i18n';

const ROOT = resolve(import.meta.dirname, '../../..');
const LOCALE_DIR = join(ROOT, 'public/_locales');

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (loc: string): Catalog => JSON.parse(readFileSync(join(LOCALE_DIR, loc, 'messages.json'), 'utf-8'));

/** The `$NAME$` placeholders a message uses, lower-cased and sorted. */
const used = (message: string) => [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase()))].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('locales', () => {
  const dirs = readdirSync(LOCALE_DIR).sort();

  it('ships zh_CN, zh_TW and en, and the code knows exactly those', () => {
    expect(dirs).toEqual(['en', 'zh_CN', 'zh_TW']);
    expect([...LOCALES].sort()).toEqual(dirs);
  });

  it('every locale has the same keys as zh_CN', () => {
    const base = Object.keys(read('zh_CN')).sort();
    for (const loc of dirs) expect(Object.keys(read(loc)).sort(), loc).toEqual(base);
  });

  it('every message has the same placeholders in every locale, and declares each one it uses', () => {
    const base = read('zh_CN');
    for (const loc of dirs) {
      const cat = read(loc);
      for (const [key, entry] of Object.entries(cat)) {
        const declared = Object.keys(entry.placeholders ?? {}).sort();
        expect(used(entry.message), `${loc}.${key} uses what it declares`).toEqual(declared);
        expect(declared, `${loc}.${key} placeholders`).toEqual(Object.keys(base[key].placeholders ?? {}).sort());
        for (const name of declared) {
          expect(entry.placeholders![name].content, `${loc}.${key}.${name}`).toBe(base[key].placeholders![name].content);
        }
        expect(entry.message.trim(), `${loc}.${key} is not empty`).not.toBe('');
      }
    }
  });

  it('the traditional catalog holds no Simplified characters and uses Taiwan wording', () => {
    const tw = read('zh_TW');
    const cn = read('zh_CN');
    const toTrad = OpenCC.Converter({ from: 'cn', to: 'tw' });
    // The Simplified characters the zh_CN catalog uses (台 is written 台 in Taiwan too).
    const simplified = new Set([...Object.values(cn).map((e) => e.message).join('')].filter((c) => c !== '台' && toTrad(c) !== c));
    expect(simplified.size).toBeGreaterThan(50);
    for (const [key, entry] of Object.entries(tw)) {
      const left = [...entry.message].filter((c) => simplified.has(c));
      expect(left, `zh_TW.${key}: ${entry.message}`).toEqual([]);
    }
    // Character-by-character conversion would give 設置, 保存, 刷新頁面, 標籤頁, 擴展程序, 導入.
    expect(tw.openOptions.message).toBe('設定');
    expect(tw.saidSaved.message).toBe('已儲存');
    expect(tw.reloadPage.message).toBe('重新整理頁面');
    expect(tw.noTab.message).toContain('分頁');
    expect(tw.cannotRunStore.message).toContain('擴充功能');
    expect(tw.phrasesImport.message).toBe('從文字匯入');
  });

  it('every key the popup and options page ask for exists', () => {
    const cn = read('zh_CN');
    const files = [...sourceFiles(join(ROOT, 'components/popup')), ...sourceFiles(join(ROOT, 'components/options')), ...sourceFiles(join(ROOT, 'components/common'))];
    const keys = new Set<string>();
    for (const f of files) for (const m of readFileSync(f, 'utf-8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]);
    expect(keys.size).toBeGreaterThan(50);
    for (const k of keys) expect(cn[k], k).toBeDefined();
    for (const c of 'ABCDEFGHI') expect(cn[`repairClass${c}`], c).toBeDefined();
    for (const r of ['fields', 'same', 'direction', 'length']) expect(cn[`phraseError_${r}`], r).toBeDefined();
  });

  it('the accessible names the tests rely on are exact in zh_CN', () => {
    const cn = read('zh_CN');
    expect([cn.scriptOriginal, cn.scriptSimplified, cn.scriptTraditional, cn.zoomIn, cn.zoomOut, cn.readingView, cn.resetTypography].map((e) => e.message)).toEqual([
      '原文',
      '简体',
      '繁體',
      '放大字体',
      '缩小字体',
      '阅读模式',
      '恢复默认',
    ]);
    expect(cn.kindArticle.message + cn.kindGov.message + cn.kindNone.message).toBe('政务文章政务网站普通网页');
  });
});

describe('i18n', () => {
  it('maps language tags to Qingdu locales', () => {
    expect(localeFor('zh-CN')).toBe('zh_CN');
    expect(localeFor('zh')).toBe('zh_CN');
    expect(localeFor('zh-SG')).toBe('zh_CN');
    expect(localeFor('zh-Hans-CN')).toBe('zh_CN');
    expect(localeFor('zh-TW')).toBe('zh_TW');
    expect(localeFor('zh-HK')).toBe('zh_TW');
    expect(localeFor('zh_MO')).toBe('zh_TW');
    expect(localeFor('zh-Hant')).toBe('zh_TW');
    expect(localeFor('en-GB')).toBe('en');
    expect(localeFor('fr')).toBeUndefined();
    expect(localeFor(undefined)).toBeUndefined();
  });

  it('picks the reader’s choice, else the first preferred language it speaks, else the UI language, else zh_CN', () => {
    expect(pickLocale('en', ['zh-CN'], 'zh-CN')).toBe('en');
    expect(pickLocale('auto', ['fr-FR', 'zh-TW', 'en'], 'en-US')).toBe('zh_TW');
    expect(pickLocale(undefined, ['fr-FR'], 'en-US')).toBe('en');
    expect(pickLocale(undefined, [], undefined)).toBe('zh_CN');
    expect(pickLocale('klingon', ['de'], 'ja')).toBe('zh_CN');
  });

  it('fills placeholders like browser.i18n', () => {
    expect(format({ message: '第 $LINE$ 行“$TEXT$”', placeholders: { line: { content: '$1' }, text: { content: '$2' } } }, [3, '甲乙'])).toBe('第 3 行“甲乙”');
    expect(format({ message: 'costs $$5 $X$', placeholders: { x: { content: '$1' } } }, ['now'])).toBe('costs $5 now');
    expect(format({ message: 'keeps $UNKNOWN$' }, [])).toBe('keeps $UNKNOWN$');
  });

  it('t() reads the current locale and falls back to the key', () => {
    setLocale('zh_TW');
    expect(t('repairedCount', 12)).toBe('已修復 12 處亂碼');
    setLocale('en');
    expect(t('repairedCount', 1)).toBe('Repaired 1 garbled passages');
    expect(t('no-such-key')).toBe('no-such-key');
    setLocale('zh_CN');
    expect(t('repairedCount', 12)).toBe('已修复 12 处乱码');
    expect(catalog('zh_CN').extName.message).toBe('清读');
  });

  it('sets <html lang> from the language it picked', () => {
    const doc = document.implementation.createHTMLDocument('');
    expect(applyLocale(doc, 'zh_TW')).toBe('zh_TW');
    expect(doc.documentElement.lang).toBe('zh-TW');
    applyLocale(doc, 'en');
    expect(doc.documentElement.lang).toBe('en');
    expect(langTag('zh_CN')).toBe('zh-CN');
    setLocale('zh_CN');
  });
});
