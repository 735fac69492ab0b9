/** The page features, in the order they start. Each lives in its own folder of utils/. */
import type { Feature } from './feature';
import { convertFeature, textInPageScript } from '../convert/feature';
import { typographyFeature } from '../typography';
import { createArticleFeature } from '../library/article-feature';
import { repairFeature } from '../repair';
import { metaFeature } from '../detect/feature';

export const features: Feature[] = [
  // Repairs garbled text first, so everything after it sees repaired text.
  repairFeature,
  // Reads the full article metadata from the repaired page, before anything converts it.
  metaFeature,
  // 简体/繁體 display; runs after repair, so it converts repaired text.
  convertFeature,
  typographyFeature,
  createArticleFeature({
    originalText: textInPageScript,
    describe: (state) => features.forEach((f) => f.name !== 'article' && f.describe(state)),
  }),
];
