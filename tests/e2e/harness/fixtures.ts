/** Reads fixture pages from tests/fixtures. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export function fixtureText(relative: string): string {
  return readFileSync(join(FIXTURES, relative), 'utf-8');
}

/** The reader's garbled CPPCC article, as an HTML page. */
export const SEED_PAGE = 'pages/seed-cppcc-article.html';
export const SEED_HOST = 'www.hbzx.gov.cn';
export const SEED_PATH = '/zxzy/jgdj/202010/t20201022_2960512.shtml';
