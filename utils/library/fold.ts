/**
 * Folds 繁體 (Taiwan, Hong Kong and OpenCC standard forms) to 简体 one character at a time, so a
 * search in either script finds text saved in the other. The character map is derived from
 * opencc-js's dictionaries, loaded lazily on first use. Never used to change what is shown.
 */

export type Fold = (text: string) => string;

let pending: Promise<Fold> | undefined;

/** Builds a one-to-one character map from OpenCC dictionary strings (`from to|from to|…`). */
export function buildFoldMap(variantsRev: string[], toSimplified: string): Map<string, string> {
  const variant = new Map<string, string>();
  for (const dict of variantsRev) {
    for (const pair of dict.split('|')) {
      const [from, to] = pair.split(' ');
      if (from && to && [...from].length === 1 && [...to].length === 1 && !variant.has(from)) variant.set(from, to);
    }
  }
  const simp = new Map<string, string>();
  for (const pair of toSimplified.split('|')) {
    const [from, to] = pair.split(' ');
    if (from && to && [...from].length === 1 && [...to].length === 1) simp.set(from, to);
  }
  const map = new Map<string, string>(simp);
  for (const [from, to] of variant) map.set(from, simp.get(to) ?? to);
  return map;
}

export function foldWith(map: Map<string, string>): Fold {
  // Most characters fold to themselves, so copy unchanged stretches in one slice.
  return (text) => {
    let out = '';
    let last = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x3400) continue;
      const wide = code >= 0xd800 && code <= 0xdbff;
      const ch = wide ? text.slice(i, i + 2) : text[i];
      const to = map.get(ch);
      if (to !== undefined) {
        out += text.slice(last, i) + to;
        last = i + ch.length;
      }
      if (wide) i++;
    }
    return (last ? out + text.slice(last) : text).toLowerCase();
  };
}

/** The fold, loading the dictionaries once. */
export function loadFold(): Promise<Fold> {
  pending ??= Promise.all([
    import('opencc-js/dict/TWVariantsRev'),
    import('opencc-js/dict/HKVariantsRev'),
    import('opencc-js/dict/TSCharacters'),
  ]).then(([tw, hk, ts]) => foldWith(buildFoldMap([tw.default, hk.default], ts.default)));
  return pending;
}
