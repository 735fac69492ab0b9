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
  // BMP characters that fold to one BMP character are looked up in a flat table (the hot path);
  // the few that involve surrogate pairs stay in a map. 0xffff in the table: look in the map.
  const table = new Uint16Array(0x10000);
  const wide = new Map<string, string>();
  for (const [from, to] of map) {
    if (from.length === 1 && to.length === 1) table[from.charCodeAt(0)] = to.charCodeAt(0);
    else {
      wide.set(from, to);
      if (from.length === 1) table[from.charCodeAt(0)] = 0xffff;
    }
  }
  // Most characters fold to themselves, so copy unchanged stretches in one slice.
  return (text) => {
    let out = '';
    let last = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x3400) continue;
      let to: string | undefined;
      let width = 1;
      if (code >= 0xd800 && code <= 0xdbff) {
        width = 2;
        to = wide.get(text.slice(i, i + 2));
      } else {
        const t = table[code];
        if (t === 0) continue;
        to = t === 0xffff ? wide.get(text[i]) : String.fromCharCode(t);
      }
      if (to !== undefined) {
        out += text.slice(last, i) + to;
        last = i + width;
      }
      if (width === 2) i++;
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
