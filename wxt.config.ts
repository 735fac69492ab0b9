import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Qingdu's build. Chrome is built as MV3, Firefox as MV2 (Firefox MV3 makes host access
// opt-in per site, which would leave the content script off until the reader grants it).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'tabs', 'scripting', 'downloads'],
    host_permissions: ['<all_urls>'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'qingdu@qingdu.app', strict_min_version: '115.0' } } }
      : {}),
    action: { default_title: '__MSG_extName__' },
    // Chrome allows at most four suggested shortcuts, and neither browser accepts = or - as a key:
    // Alt+Shift+. (">") enlarges and Alt+Shift+, ("<") shrinks.
    commands: {
      'cycle-script': { suggested_key: { default: 'Alt+Shift+T' }, description: '切换 原文 → 简体 → 繁體' },
      'zoom-in': { suggested_key: { default: 'Alt+Shift+Period' }, description: '放大字体' },
      'zoom-out': { suggested_key: { default: 'Alt+Shift+Comma' }, description: '缩小字体' },
      'save-article': { suggested_key: { default: 'Alt+Shift+S' }, description: '收藏本文' },
    },
  }),
});
