/**
 * The metadata feature: once repairs are done, reads the article's full metadata (title, date,
 * source, agency, 文号…) into the page's detection, so the popup and the library see repaired
 * text. Runs in the feature script only. Reads the page; never changes it, so stop has nothing to undo.
 */
import type { Feature } from '../page/feature';
import { findBody } from './facts';
import { pageMeta } from './meta';

export const metaFeature: Feature = {
  name: 'meta',
  start(page) {
    const detection = page.detection;
    // A repair that re-reads the page replaces the body element detection found.
    if (detection.kind === 'article' && !detection.body?.isConnected) detection.body = findBody(page.doc).body;
    detection.meta = { ...detection.meta, ...pageMeta(page.doc, page.url.href, detection) };
  },
  describe() {},
  stop() {},
};
