import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bootPage } from '@/utils/ui/boot';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/storage';

/** Boots the page, recording the language of every draw, and whether the first came before storage answered. */
async function boot() {
  const draws: string[] = [];
  const done = bootPage(document, 'extName', () => draws.push(document.documentElement.lang));
  const beforeStorage = [...draws];
  await done;
  return { draws, beforeStorage };
}

describe('bootPage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
  });

  it('waits for the settings the first time, then remembers the UI language and scale', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, uiLanguage: 'en', scale: 1.2 });
    const first = await boot();
    expect(first).toEqual({ draws: ['en'], beforeStorage: [] });
    expect(document.title).toBe('Qingdu');
    expect(JSON.parse(localStorage.getItem('qingdu-ui')!)).toEqual({ uiLanguage: 'en', scale: 1.2 });
    // The next start draws at once, in the remembered language, and only once.
    const second = await boot();
    expect(second).toEqual({ draws: ['en'], beforeStorage: ['en'] });
    expect(document.documentElement.style.fontSize).toBe('120%');
  });

  it('draws again when the stored settings changed since, and the stored ones win', async () => {
    localStorage.setItem('qingdu-ui', JSON.stringify({ uiLanguage: 'en', scale: 1 }));
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, uiLanguage: 'zh_TW' });
    const run = await boot();
    expect(run).toEqual({ draws: ['en', 'zh-TW'], beforeStorage: ['en'] });
    expect(JSON.parse(localStorage.getItem('qingdu-ui')!).uiLanguage).toBe('zh_TW');
  });

  it('ignores a broken mirror', async () => {
    localStorage.setItem('qingdu-ui', '{not json');
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, uiLanguage: 'zh_CN' });
    expect(await boot()).toEqual({ draws: ['zh-CN'], beforeStorage: [] });
  });
});
