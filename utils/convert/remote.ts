/**
 * The page's side of the background's kept converter (background.ts): asks it to convert a
 * page's texts, tells it what to warm, and remembers when it last answered, so a page does not
 * wake a background that has likely been stopped. Must never be the only way a page converts:
 * the page's own dictionary is always loaded too.
 */
import { browser } from 'wxt/browser';
import type { BackgroundMessage } from '../messages';
import type { UserPhrase } from '../settings';
import type { ConfigName } from './configs';
import type { TextConverter } from './dom';

export interface RemoteConvert {
  (config: ConfigName, texts: string[], userPhrases: readonly UserPhrase[]): Promise<string[] | null>;
  /** Whether asking is likely to pay off now (absent: always). */
  available?(): boolean;
}

/** Above this many characters a page converts with its own dictionary only (messages stay small). */
export const REMOTE_MAX_CHARS = 300_000;
/**
 * How long the page holds its own dictionary's parse while the background answers: both would
 * compete for the page's main thread. A background that has to start up first answers later,
 * and then the page's own converter goes ahead.
 */
export const REMOTE_WAIT_MS = 30;

/** A converter that knows exactly `texts` (each becomes the same index of `out`); others stay as they are. */
export function knownTexts(texts: string[], out: unknown): TextConverter | undefined {
  if (!Array.isArray(out) || out.length !== texts.length) return undefined;
  const map = new Map<string, string>();
  for (let i = 0; i < texts.length; i++) {
    if (typeof out[i] !== 'string') return undefined;
    map.set(texts[i], out[i]);
  }
  return (s) => map.get(s) ?? s;
}

/** Conversion through the background's kept converter (see background.ts). */
export interface BackgroundConverter extends RemoteConvert {
  warm(config: ConfigName, phrases: UserPhrase[]): Promise<unknown>;
}

/**
 * Chromium stops an extension's idle service worker after 30 s, and its kept converter with it;
 * waking it would cost more than the page's own dictionary, so after this long without an answer
 * from it the page does not ask.
 */
export const BACKGROUND_IDLE_MS = 25_000;

export function backgroundConverter(
  send: (msg: BackgroundMessage) => Promise<unknown> = (msg) => browser.runtime.sendMessage(msg),
  now: () => number = Date.now,
): BackgroundConverter {
  let lastAnswer = -Infinity;
  const heard = <T>(reply: T): T => {
    if (reply) lastAnswer = now();
    return reply;
  };
  const convert = (config: ConfigName, texts: string[], phrases: readonly UserPhrase[]) =>
    send({ type: 'convertTexts', config, texts, phrases: [...phrases] }).then(heard) as Promise<string[] | null>;
  return Object.assign(convert, {
    available: () => now() - lastAnswer < BACKGROUND_IDLE_MS,
    warm: (config: ConfigName, phrases: UserPhrase[]) => send({ type: 'warmConverter', config, phrases }).then(heard),
  });
}
