import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Qingdu's build. Chrome is built as MV3, Firefox as MV2 (Firefox MV3 makes host access
// opt-in per site, which would leave the content script off until the reader grants it).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  // 简体/繁體 dictionaries: compiled from opencc-js at build time into convert/*.bin, which the
  // feature script fetches by runtime URL only when a page is converted.
  hooks: {
    // Extension pages load their shared code as one chunk instead of six or seven: each module
    // request costs an extension page tens of ms before anything can run. Dictionaries loaded
    // on demand keep their own chunks.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'popup')) return;
      const rollupOptions = (config.build ??= {}).rollupOptions ?? {};
      const output = Array.isArray(rollupOptions.output) ? rollupOptions.output[0] : rollupOptions.output;
      config.build.rollupOptions = {
        ...rollupOptions,
        output: {
          ...output,
          manualChunks(id, { getModuleInfo }) {
            if (id.includes('/opencc-js/') || id.includes('/entrypoints/') || getModuleInfo(id)?.isEntry) return undefined;
            return 'ui';
          },
        },
      };
    },
    'build:publicAssets': async (_wxt, files) => {
      const { buildConvertAssets } = await import('./utils/convert/build-assets');
      files.push(...buildConvertAssets());
    },
    'build:manifestGenerated': (wxt, manifest) => {
      const resources = ['convert/*.bin'];
      const list = (manifest.web_accessible_resources ?? []) as never[];
      manifest.web_accessible_resources =
        wxt.config.manifestVersion === 2 ? [...list, ...(resources as never[])] : [...list, { resources, matches: ['<all_urls>'] } as never];
    },
  },
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
