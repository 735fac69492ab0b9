/**
 * Loads a compiled conversion dictionary only when a conversion is asked for: the file ships as
 * a web-accessible asset of the extension and is fetched by its runtime URL, once per page.
 * Must never be imported by the always-on content script's code paths at start-up.
 */
import { browser } from 'wxt/browser';
import { dictionaryPath, type ConfigName } from './configs';
import { parseDictionary, type Dictionary } from './dict';

export type FetchBytes = (path: string) => Promise<Uint8Array>;

async function fetchFromExtension(path: string): Promise<Uint8Array> {
  const url = browser.runtime.getURL(`/${path}` as '/');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Qingdu could not load its conversion dictionary (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

const loaded = new Map<ConfigName, Promise<Dictionary>>();
let defaultFetch: FetchBytes = fetchFromExtension;

/** Where dictionaries come from when the caller does not say (tests read the compiled bytes). */
export function setDictionarySource(fetchBytes: FetchBytes): void {
  defaultFetch = fetchBytes;
  loaded.clear();
}

/** The dictionary for a configuration; fetched and parsed at most once per page. */
export function loadDictionary(name: ConfigName, fetchBytes: FetchBytes = defaultFetch): Promise<Dictionary> {
  let p = loaded.get(name);
  if (!p) {
    p = fetchBytes(dictionaryPath(name)).then(parseDictionary);
    p.catch(() => loaded.delete(name));
    loaded.set(name, p);
  }
  return p;
}
