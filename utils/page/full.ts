/**
 * Composes the page features into the API the small content script drives.
 * Features start in order (repair first, so conversion and enlargement see repaired text)
 * and stop in reverse order, so each undoes its changes on the page it found.
 */
import type { ContentMessage, PageState } from '../messages';
import type { Feature, PageContext } from './feature';
import type { FullApi } from './full-api';

export function createFull(features: readonly Feature[]): FullApi {
  let started = false;
  return {
    async start(page: PageContext) {
      if (started) return;
      started = true;
      for (const feature of features) await feature.start(page);
    },
    async handle(msg: ContentMessage, page: PageContext) {
      for (const feature of features) {
        const result = await feature.handle?.(msg, page);
        if (result !== undefined) return result;
      }
      throw new Error(`Qingdu has no handler for "${msg.type}"`);
    },
    describe(state: PageState) {
      for (const feature of features) feature.describe(state);
    },
    stop() {
      if (!started) return;
      started = false;
      for (const feature of [...features].reverse()) feature.stop();
    },
  };
}
