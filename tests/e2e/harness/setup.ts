/** Per-file E2E setup: one browser session and one fixture server, closed after the file. */
import { afterAll, beforeAll } from 'vitest';
import { currentBrowser, launch, type Session } from './browsers';
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
