/**
 * The lifecycle every page feature follows (repair, convert, typography, …).
 * A feature changes the page only in `start`/`handle` and must undo all of it in `stop`.
 */
import type { Detection } from '../detect/types';
import type { ContentMessage, PageState } from '../messages';
import type { Settings, SiteRule } from '../storage';

export interface PageContext {
  doc: Document;
  url: URL;
  /** Detection as of now; re-read after repairs, so features see repaired metadata. */
  detection: Detection;
  settings: Settings;
  rule: SiteRule;
  /** Aborted when the content script is invalidated (extension reloaded or removed). */
  signal: AbortSignal;
}

export interface Feature {
  name: string;
  /** Applies the feature's default behaviour for this page. */
  start(page: PageContext): Promise<void> | void;
  /** Writes this feature's part of the state the popup shows. */
  describe(state: PageState): void;
  /**
   * Handles a message meant for this feature; returns `undefined` when it is not one of its
   * messages, so the next feature can try.
   */
  handle?(msg: ContentMessage, page: PageContext): Promise<unknown> | unknown;
  /** Undoes everything the feature did to the page. */
  stop(): void;
}
