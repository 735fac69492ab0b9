/**
 * The locale pairs Qingdu converts between, named as opencc-js names its configurations.
 * Pure data: imported by the page script, the build step and the tests. Never imports a dictionary.
 */

/** opencc-js configuration names: Converter({from:'cn', to:'tw'}) runs `s2tw`, and so on. */
export type ConfigName = 's2tw' | 's2twp' | 's2hk' | 'tw2s' | 'hk2s';

export const CONFIGS: readonly ConfigName[] = ['s2tw', 's2twp', 's2hk', 'tw2s', 'hk2s'];

/** The opencc-js `Converter` options each configuration corresponds to. */
export const CONFIG_LOCALES: Record<ConfigName, { from: string; to: string }> = {
  s2tw: { from: 'cn', to: 'tw' },
  s2twp: { from: 'cn', to: 'twp' },
  s2hk: { from: 'cn', to: 'hk' },
  tw2s: { from: 'tw', to: 'cn' },
  hk2s: { from: 'hk', to: 'cn' },
};

/** Where the compiled dictionary of a configuration lives inside the extension. */
export function dictionaryPath(name: ConfigName): string {
  return `convert/${name}.bin`;
}
