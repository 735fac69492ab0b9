/** The handle through which the small always-on content script reaches the full feature script. */
import type { ContentMessage, PageState } from '../messages';
import type { PageContext } from './feature';

export interface FullApi {
  start(page: PageContext): Promise<void>;
  handle(msg: ContentMessage, page: PageContext): Promise<unknown>;
  describe(state: PageState): void;
  stop(): void;
}

const KEY = '__qingduFull';

/** Both scripts run in the same isolated world of a frame, so a global is how they meet. */
export function publishFull(api: FullApi): void {
  (globalThis as Record<string, unknown>)[KEY] = api;
}

export function findFull(): FullApi | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as FullApi | undefined;
}
