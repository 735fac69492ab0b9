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
    name: '清读 Qingdu',
    description: '政务网页阅读助手：识别政务文章、修复乱码、简繁转换、放大字体、收藏文章。',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'tabs', 'scripting', 'downloads'],
    host_permissions: ['<all_urls>'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'qingdu@qingdu.app', strict_min_version: '115.0' } } }
      : {}),
    action: { default_title: '清读' },
  }),
});
