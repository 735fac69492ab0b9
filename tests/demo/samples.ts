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
  // An old fixed-width table layout, for the text-size screenshots at 100% and 200%.
  { name: 'typography-table760', host: 'www.oldlayout.gov.cn', path: '/art/2024/3/1/b.html', html: () => fixtureText('typography/table760.html') },
];
