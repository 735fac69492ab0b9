/** The sample pages `npm start` serves, with the hosts they pretend to live on. */
import { fixtureText, SEED_HOST, SEED_PAGE, SEED_PATH } from '../e2e/harness/fixtures';

export interface Sample {
  name: string;
  host: string;
  path: string;
  html: () => string;
  /** How the page is encoded and labelled on the wire. */
  encoding?: string;
  contentType?: string;
}

export const samples: Sample[] = [
  { name: 'seed-cppcc-article', host: SEED_HOST, path: SEED_PATH, html: () => fixtureText(SEED_PAGE) },
];
