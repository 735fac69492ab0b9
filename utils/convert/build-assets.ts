/**
 * Build time only: compiles the conversion dictionaries into the extension's public files
 * (`convert/<config>.bin`), cached by the inputs' hash so repeated builds skip the work.
 * Must never be imported by extension code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIGS, dictionaryPath } from './configs';
import { compileDictionary } from './compile';
import { VERSION } from './dict';

const here = dirname(fileURLToPath(import.meta.url));

function inputsHash(root: string): string {
  // opencc-js's exports map hides package.json, so it is read from node_modules directly.
  const pkg = readFileSync(join(root, 'node_modules/opencc-js/package.json'), 'utf8');
  const h = createHash('sha256').update(pkg);
  for (const f of ['compile.ts', 'dict.ts', 'configs.ts']) h.update(readFileSync(join(here, f)));
  return h.digest('hex').slice(0, 16);
}

/** Writes (or reuses) every compiled dictionary; returns the files to copy into the build. */
export function buildConvertAssets(root = resolve(here, '../..')): { absoluteSrc: string; relativeDest: string }[] {
  // The format version is in the key too, so a reader of another format never gets these files.
  const dir = join(root, 'node_modules/.cache/qingdu-convert', `v${VERSION}-${inputsHash(root)}`);
  mkdirSync(dir, { recursive: true });
  return CONFIGS.map((name) => {
    const file = join(dir, `${name}.bin`);
    if (!existsSync(file)) writeFileSync(file, compileDictionary(name));
    return { absoluteSrc: file, relativeDest: dictionaryPath(name) };
  });
}
