/** Per-file E2E setup: one browser session and one fixture server, closed after the file. */
import { afterAll, beforeAll } from 'vitest';
import type { ContentMessage, PageState } from '../../../utils/messages';
import { currentBrowser, launch, type Session, type TestPage } from './browsers';
import { startServer, type FixtureServer } from './server';

export interface E2E {
  session: Session;
  server: FixtureServer;
}

export const browserName = currentBrowser();

export function useE2E(): E2E {
  const e2e = {} as E2E;
  beforeAll(async () => {
    e2e.server = await startServer();
    e2e.session = await launch(browserName);
  });
  afterAll(async () => {
    await e2e.session?.close();
    await e2e.server?.close();
  });
  return e2e;
}

/** Waits until Qingdu has finished with the page: `data-qingdu` set, or detection done with none. */
export const qingduKind = () => document.documentElement.dataset.qingdu ?? null;

export interface Messenger {
  /** An extension page kept open for the file, from which messages are sent. */
  ext: TestPage;
  /** Sends a content message to the page's top frame, as the popup does, and returns its reply. */
  send(page: TestPage, msg: ContentMessage): Promise<PageState>;
}

export function useMessenger(e2e: E2E): Messenger {
  const messenger: Messenger = {
    ext: undefined as unknown as TestPage,
    async send(page, msg) {
      const tabId = await e2e.session.tabIdOf(page);
      const reply = await messenger.ext.evaluate(
        ({ tabId, msg }) => ((globalThis as any).browser ?? (globalThis as any).chrome).tabs.sendMessage(tabId, msg, { frameId: 0 }),
        { tabId, msg },
      );
      if (reply && typeof reply === 'object' && 'error' in reply) throw new Error(String((reply as { error: unknown }).error));
      return reply as PageState;
    },
  };
  beforeAll(async () => {
    messenger.ext = await e2e.session.openExtensionPage('popup.html?tabId=-1');
  });
  afterAll(async () => {
    await messenger.ext?.close();
  });
  return messenger;
}
