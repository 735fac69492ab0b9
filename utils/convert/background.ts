/**
 * The converter kept in the background. A government page tells it which conversion the reader
 * would ask for there, so it loads that dictionary ahead of time; a page's first conversion then
 * sends its texts here while also loading its own dictionary, and takes whichever answers first.
 * Holds dictionaries and converters only; page text lives for the length of one request.
 * Must never convert differently from the page's own converter.
 */
import { browser } from 'wxt/browser';
import type { BackgroundMessage } from '../messages';
import type { UserPhrase } from '../settings';
import { CONFIGS, type ConfigName } from './configs';
import { textConverter } from './converter';
import type { TextConverter } from './dom';

/** Ordinary government prose, converted after loading so the first request runs compiled code. */
const WARM_UP = '各市、州、县人民政府，省政府各部门：现将《关于进一步优化营商环境的实施意见》印发给你们，请结合实际认真贯彻执行。发展乡村振兴，加强机关党建。';

const converters = new Map<string, Promise<TextConverter>>();
/** Converters that have finished loading, by the same key. */
const ready = new Map<string, TextConverter>();
/** Converters kept at once (one per configuration and phrase table in use). */
const KEEP = 4;

/**
 * The converter for a configuration and phrase table, built (and run once on a sample, so the
 * first page's request runs compiled code) once per background lifetime.
 */
export function keptConverter(config: ConfigName, phrases: readonly UserPhrase[]): Promise<TextConverter> {
  const key = keyOf(config, phrases);
  let p = converters.get(key);
  if (!p) {
    p = textConverter(config, { userPhrases: phrases }).then((convert) => {
      for (let i = 0; i < 20; i++) convert(WARM_UP);
      return convert;
    });
    p.then(
      (convert) => converters.get(key) === p && ready.set(key, convert),
      () => converters.delete(key),
    );
    converters.set(key, p);
    while (converters.size > KEEP) {
      const oldest = converters.keys().next().value as string;
      converters.delete(oldest);
      ready.delete(oldest);
    }
  }
  return p;
}

const keyOf = (config: ConfigName, phrases: readonly UserPhrase[]) => `${config}\n${JSON.stringify(phrases)}`;

function isConfig(value: unknown): value is ConfigName {
  return CONFIGS.includes(value as ConfigName);
}

function phraseTable(value: unknown): UserPhrase[] {
  return Array.isArray(value) ? value.filter((p) => p && typeof p.from === 'string' && typeof p.to === 'string') : [];
}

/**
 * Answers a page's `warmConverter` and `convertTexts`; anything malformed is refused. Texts are
 * converted only by a converter already loaded (warmed): otherwise the answer is null at once,
 * since the page's own dictionary is then as quick.
 */
export async function answerConvertRequest(msg: BackgroundMessage): Promise<string[] | true | null> {
  if (msg.type === 'warmConverter') {
    if (!isConfig(msg.config)) throw new Error('unknown conversion');
    await keptConverter(msg.config, phraseTable(msg.phrases));
    return true;
  }
  if (msg.type !== 'convertTexts') throw new Error('not a conversion request');
  if (!isConfig(msg.config) || !Array.isArray(msg.texts) || !msg.texts.every((t) => typeof t === 'string')) {
    throw new Error('malformed conversion request');
  }
  const phrases = phraseTable(msg.phrases);
  const convert = ready.get(keyOf(msg.config, phrases));
  // Loading it now would compete with the page, which is loading its own.
  if (!convert) return null;
  return msg.texts.map(convert);
}

export function watchForConvertRequests(): () => void {
  const listener = (msg: unknown) => {
    const type = (msg as BackgroundMessage | undefined)?.type;
    if (type !== 'warmConverter' && type !== 'convertTexts') return undefined;
    return answerConvertRequest(msg as BackgroundMessage);
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
