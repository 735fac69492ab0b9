/**
 * Loads a compiled conversion dictionary only when a conversion is asked for: the file ships as
 * a web-accessible asset of the extension and is fetched by its runtime URL, once per page.
 * Fetching and parsing are separate steps, so a page can have the bytes on their way and parse
 * them only when its main thread is free. Must never be imported by the always-on content
 * script's code paths at start-up.
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

const fetched = new Map<ConfigName, Promise<Uint8Array>>();
const loaded = new Map<ConfigName, Promise<Dictionary>>();
const parsed = new Set<ConfigName>();
let defaultFetch: FetchBytes = fetchFromExtension;

/** Where dictionaries come from when the caller does not say (tests read the compiled bytes). */
export function setDictionarySource(fetchBytes: FetchBytes): void {
  defaultFetch = fetchBytes;
  fetched.clear();
  loaded.clear();
  parsed.clear();
}

/** Starts fetching a dictionary's bytes (at most once per page) without parsing them. */
export function fetchDictionary(name: ConfigName, fetchBytes: FetchBytes = defaultFetch): Promise<Uint8Array> {
  let p = fetched.get(name);
  if (!p) {
    p = fetchBytes(dictionaryPath(name));
    p.catch(() => fetched.delete(name));
    fetched.set(name, p);
  }
  return p;
}

/**
 * The dictionary for a configuration; fetched and parsed at most once per page. The first
 * caller may hold the parse until `notBefore` settles (the bytes are fetched meanwhile).
 */
export function loadDictionary(name: ConfigName, fetchBytes: FetchBytes = defaultFetch, notBefore?: Promise<unknown>): Promise<Dictionary> {
  let p = loaded.get(name);
  if (!p) {
    const bytes = fetchDictionary(name, fetchBytes);
    p = (notBefore ? Promise.all([bytes, notBefore]).then(([b]) => b) : bytes).then((b) => {
      const dict = parseDictionary(b);
      parsed.add(name);
      return dict;
    });
    p.catch(() => loaded.delete(name));
    loaded.set(name, p);
  }
  return p;
}

/** Whether this page has the dictionary parsed already. */
export function dictionaryReady(name: ConfigName): boolean {
  return parsed.has(name);
}
