/**
 * Search tokens for Chinese and Latin text. Han runs give overlapping character pairs plus
 * single characters; Latin letters and digits give whole words. Tokens only narrow candidates:
 * a match is always confirmed against the stored text, so `本田` never matches `本`.
 * Input is already folded (see fold.ts); this file never touches storage.
 */

const HAN = /[\p{Script=Han}〇]/u;
const WORD = /[\p{L}\p{N}]/u;

interface Run {
  kind: 'han' | 'word';
  text: string;
}

function runs(text: string): Run[] {
  const out: Run[] = [];
  let current: Run | undefined;
  for (const ch of text) {
    const kind = HAN.test(ch) ? 'han' : WORD.test(ch) ? 'word' : undefined;
    if (kind && current?.kind === kind) current.text += ch;
    else {
      if (current) out.push(current);
      current = kind ? { kind, text: ch } : undefined;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Every token of a text, for the index (deduplicated). */
export function indexTokens(folded: string): string[] {
  const tokens = new Set<string>();
  for (const run of runs(folded)) {
    if (run.kind === 'word') {
      tokens.add(run.text);
      continue;
    }
    const chars = [...run.text];
    for (let i = 0; i < chars.length; i++) {
      tokens.add(chars[i]);
      if (i + 1 < chars.length) tokens.add(chars[i] + chars[i + 1]);
    }
  }
  return [...tokens];
}

export interface QueryToken {
  token: string;
  /** Latin words are matched as prefixes, so a word being typed already finds results. */
  prefix: boolean;
}

/** The tokens every match must contain: pairs for Han runs (a single character alone), words as prefixes. */
export function queryTokens(folded: string): QueryToken[] {
  const out = new Map<string, QueryToken>();
  for (const run of runs(folded)) {
    if (run.kind === 'word') {
      out.set(run.text, { token: run.text, prefix: true });
      continue;
    }
    const chars = [...run.text];
    if (chars.length === 1) out.set(chars[0], { token: chars[0], prefix: false });
    for (let i = 0; i + 1 < chars.length; i++) out.set(chars[i] + chars[i + 1], { token: chars[i] + chars[i + 1], prefix: false });
  }
  return [...out.values()];
}

/** The query reduced to what the stored text must contain, space runs collapsed. */
export function normalizeQuery(folded: string): string[] {
  return folded.split(/\s+/).filter(Boolean);
}
