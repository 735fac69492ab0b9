/** The page features, in the order they start. Each lives in its own folder of utils/. */
import type { Feature } from './feature';
import { convertFeature, textInPageScript } from '../convert/feature';
import { typographyFeature } from '../typography';
import { createArticleFeature } from '../library/article-feature';
import { repairFeature } from '../repair';
import { metaFeature } from '../detect/feature';

/**
 * Repair under a conversion: converted nodes no longer hold the text repair wrote, so toggling
 * repair goes through 原文 and back, and the conversion is redone from the new original text.
 */
const repairUnderConversion: Feature = {
  ...repairFeature,
  async handle(msg, page) {
    if (msg.type !== 'setRepair') return repairFeature.handle?.(msg, page);
    const script = convertFeature.current;
    if (script !== 'original') await convertFeature.handle?.({ type: 'setScript', script: 'original' }, page);
    await repairFeature.handle?.(msg, page);
    if (script !== 'original') await convertFeature.handle?.({ type: 'setScript', script }, page);
    return true;
  },
};

export const features: Feature[] = [
  // Repairs garbled text first, so everything after it sees repaired text.
  repairUnderConversion,
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
