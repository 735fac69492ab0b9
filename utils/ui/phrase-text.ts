/**
 * The user phrase table as plain text, for import and export on the options page: one phrase a
 * line, `from<TAB>to<TAB>direction` (direction optional: both, s2t, t2s). Parsing never drops a
 * line silently: every line it cannot read comes back as an error with its line number.
 */
import type { UserPhrase } from '../settings';

const DIRECTIONS: UserPhrase['direction'][] = ['both', 's2t', 't2s'];
export const MAX_PHRASE_LENGTH = 50;

export interface PhraseLineError {
  line: number;
  text: string;
  reason: 'fields' | 'same' | 'direction' | 'length';
}

export function formatPhrases(phrases: readonly UserPhrase[]): string {
  return phrases.map((p) => `${p.from}\t${p.to}\t${p.direction}`).join('\n') + (phrases.length ? '\n' : '');
}

/** Reads one phrase; separators are tabs, `→`, `=>` or spaces. */
export function parsePhraseLine(raw: string): UserPhrase | PhraseLineError['reason'] {
  const fields = raw.trim().split(/\s*(?:\t|→|=>)\s*|\s+/).filter(Boolean);
  if (fields.length < 2 || fields.length > 3) return 'fields';
  const [from, to, dir = 'both'] = fields;
  const direction = dir.toLowerCase() as UserPhrase['direction'];
  if (!DIRECTIONS.includes(direction)) return 'direction';
  if (from.length > MAX_PHRASE_LENGTH || to.length > MAX_PHRASE_LENGTH) return 'length';
  if (from === to) return 'same';
  return { from, to, direction };
}

/** Parses a whole text; blank lines and lines starting with # are skipped. */
export function parsePhrases(text: string): { phrases: UserPhrase[]; errors: PhraseLineError[] } {
  const phrases: UserPhrase[] = [];
  const errors: PhraseLineError[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line || line.startsWith('#')) return;
    const parsed = parsePhraseLine(line);
    if (typeof parsed === 'string') errors.push({ line: i + 1, text: line, reason: parsed });
    else phrases.push(parsed);
  });
  return { phrases, errors };
}

/** Adds phrases; one with the same `from` and direction as an existing phrase replaces it. */
export function mergePhrases(existing: readonly UserPhrase[], incoming: readonly UserPhrase[]): UserPhrase[] {
  const key = (p: UserPhrase) => `${p.direction}\u0000${p.from}`;
  const merged = new Map(existing.map((p) => [key(p), p] as const));
  for (const p of incoming) merged.set(key(p), p);
  return [...merged.values()];
}
