/**
 * The text converter for a configuration: its compiled dictionary with Qingdu's built-in fixes
 * and the reader's phrase table on top. Pages and the background build it the same way, so
 * both convert identically. Must never touch a DOM.
 */
import type { UserPhrase } from '../settings';
import type { ConfigName } from './configs';
import type { TextConverter } from './dom';
import { loadDictionary, type FetchBytes } from './load';
import { BUILT_IN_PHRASES, phrasesFor, withPhrases } from './phrases';

export interface ConverterOptions {
  userPhrases?: readonly UserPhrase[];
  fetchBytes?: FetchBytes;
  /** Holds the parse of a dictionary this call is the first to load until it settles. */
  parseNotBefore?: Promise<unknown>;
}

/** The converter for a configuration with the built-in fixes and the reader's phrases on top. */
export async function textConverter(config: ConfigName, opts: ConverterOptions = {}): Promise<TextConverter> {
  const dict = await loadDictionary(config, opts.fetchBytes, opts.parseNotBefore);
  const direction = config.startsWith('s2') ? 's2t' : 't2s';
  return withPhrases(dict.convert, phrasesFor(direction, [...BUILT_IN_PHRASES, ...(opts.userPhrases ?? [])]));
}
