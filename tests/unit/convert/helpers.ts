/** Compiled dictionaries for tests (compiled once per run from opencc-js as the build does), and a page context. */
import { compileDictionary } from '@/utils/convert/compile';
import type { ConfigName } from '@/utils/convert/configs';
import type { FetchBytes } from '@/utils/convert/load';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PageContext } from '@/utils/page/feature';
import { DEFAULT_SETTINGS } from '@/utils/settings';

const compiled = new Map<string, Uint8Array>();

export function compiledBytes(name: ConfigName): Uint8Array {
  let b = compiled.get(name);
  if (!b) compiled.set(name, (b = compileDictionary(name)));
  return b;
}

/** Stands in for fetching the extension's asset: returns what the build writes at that path. */
export const fetchCompiled: FetchBytes = async (path) => {
  const name = /convert\/(\w+)\.bin$/.exec(path)?.[1] as ConfigName;
  return compiledBytes(name);
};

export function fixture(name: string): string {
  return readFileSync(resolve(__dirname, '../../fixtures/convert', name), 'utf8');
}

/** The context a page feature gets, on a CPPCC article, with a site rule for `script` if given. */
export function articlePage(script?: 'tw' | 'cn' | 'hk' | 'original'): PageContext {
  return {
    doc: document,
    url: new URL('https://www.hbzx.gov.cn/a.html'),
    detection: { kind: 'article', reasons: [], meta: { canonicalUrl: 'https://www.hbzx.gov.cn/a.html' } } as never,
    settings: { ...DEFAULT_SETTINGS },
    rule: script ? { script } : {},
    signal: new AbortController().signal,
  };
}
