/**
 * Loads the built extension into real Debian Chromium (playwright-core) or Firefox ESR
 * (puppeteer-core over WebDriver BiDi) and gives both the same small interface.
 * A missing browser or build throws with a message saying how to get it: never a skip.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

const ROOT = resolve(import.meta.dirname, '../../..');
export const BUILD_DIR: Record<BrowserName, string> = {
  chromium: join(ROOT, '.output/chrome-mv3'),
  firefox: join(ROOT, '.output/firefox-mv2'),
};
const FIREFOX_ID = 'qingdu@qingdu.app';
// A fixed internal UUID so tests can open moz-extension:// pages.
const FIREFOX_UUID = '6f1c0d1e-6a1b-4c1e-9d5e-7a1b2c3d4e5f';

export function browserPath(name: BrowserName): string {
  if (name === 'chromium') return process.env.CHROME_PATH ?? '/usr/bin/chromium';
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

function requireInstalled(name: BrowserName): string {
  const path = browserPath(name);
  if (!existsSync(path)) {
    const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
    const env = name === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH';
    throw new Error(
      `${name} not found at ${path}. Install it with: sudo apt-get install -y ${pkg} fonts-noto-cjk ` +
        `(or set ${env} to its executable). The E2E tests need a real browser and do not download one.`,
    );
  }
  const build = BUILD_DIR[name];
  if (!existsSync(join(build, 'manifest.json'))) {
    throw new Error(`No extension build at ${build}. Run \`npm run build:all\` first.`);
  }
  return path;
}

export interface TestPage {
  /** The driver's own page object, for what this interface does not cover (CDP in the bench). */
  raw: PwPage | PpPage;
  url(): string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn` in the page until it returns a truthy value; fails with `what` after `timeout` ms. */
  waitFor<A = undefined>(what: string, fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  /** Clicks the element whose role and accessible name match, with a real mouse click. */
  clickByName(name: string, role?: string): Promise<void>;
  click(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  screenshot(path: string, fullPage?: boolean): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

export interface Session {
  name: BrowserName;
  /** `chrome-extension://ID` or `moz-extension://UUID`. */
  extensionOrigin: string;
  open(url: string): Promise<TestPage>;
  /** Opens an extension page (e.g. `popup.html?tabId=3`) in a tab of its own. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** The browser's tab id of an open page, asked of the extension itself. */
  tabIdOf(page: TestPage): Promise<number>;
  /** The popup for a page's tab, opened as `popup.html?tabId=N`. */
  openPopupFor(page: TestPage): Promise<TestPage>;
  close(): Promise<void>;
}

/** Marks the element with a given role and accessible name so a native click can target it. */
function markByName({ name, role }: { name: string; role: string | null }): string | null {
  const implicitRole = (el: Element): string => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit;
    const tag = el.tagName.toLowerCase();
    if (tag === 'button' || (tag === 'input' && /^(button|submit|reset)$/.test((el as HTMLInputElement).type))) return 'button';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'input' && (el as HTMLInputElement).type === 'checkbox') return 'checkbox';
    if (tag === 'input' && (el as HTMLInputElement).type === 'radio') return 'radio';
    if (tag === 'input' || tag === 'textarea') return 'textbox';
    if (tag === 'select') return 'combobox';
    return '';
  };
  const accessibleName = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' ').trim();
    if (el.id) {
      const forLabel = el.ownerDocument.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (forLabel) return (forLabel.textContent ?? '').trim();
    }
    const wrapping = el.closest('label');
    if (wrapping && wrapping !== el) return (wrapping.textContent ?? '').trim();
    return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  };
  const roots: (Document | ShadowRoot)[] = [document];
  const found: Element[] = [];
  while (roots.length) {
    const root = roots.shift()!;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.shadowRoot) roots.push(el.shadowRoot);
      if ((role === null || implicitRole(el) === role) && accessibleName(el) === name) found.push(el);
    }
  }
  document.querySelectorAll('[data-qingdu-test-target]').forEach((el) => el.removeAttribute('data-qingdu-test-target'));
  const visible = found.filter((el) => (el as HTMLElement).getClientRects().length > 0);
  const target = visible[0] ?? found[0];
  if (!target) return `no ${role ?? 'element'} named "${name}"`;
  if (target.getRootNode() !== document) {
    (target as HTMLElement).click();
    return 'clicked-in-shadow';
  }
  target.setAttribute('data-qingdu-test-target', '');
  return null;
}

const VIEWPORT = { width: 1280, height: 900 };

function wrapPlaywright(page: PwPage): TestPage {
  const wrapped: TestPage = {
    raw: page,
    url: () => page.url(),
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(what, fn, arg, timeout = 10_000) {
      try {
        await page.waitForFunction(fn as never, arg, { timeout, polling: 50 });
      } catch (error) {
        throw new Error(`Timed out after ${timeout} ms waiting for ${what} on ${page.url()}: ${(error as Error).message.split('\n')[0]}`);
      }
    },
    async clickByName(name, role = 'button') {
      const problem = await page.evaluate(markByName, { name, role });
      if (problem === 'clicked-in-shadow') return;
      if (problem) throw new Error(`${problem} on ${page.url()}`);
      await page.click('[data-qingdu-test-target]');
    },
    click: async (selector) => page.click(selector),
    press: async (key) => page.keyboard.press(key),
    type: async (selector, text) => page.type(selector, text),
    screenshot: async (path, fullPage = false) => void (await page.screenshot({ path, fullPage })),
    setViewport: async (width, height) => page.setViewportSize({ width, height }),
    close: () => page.close(),
  };
  return wrapped;
}

/** Polls the page until its location and readiness match; BiDi sends no load events for moz-extension pages. */
async function settleAt(page: PpPage, href: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const now = await page.evaluate(() => `${location.href}|${document.readyState}`).catch(() => '');
    if (now === `${href}|complete`) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Firefox did not finish loading ${href} within ${timeout} ms`);
}

function wrapPuppeteer(page: PpPage, extensionUrl?: string): TestPage {
  return {
    raw: page,
    url: () => extensionUrl ?? page.url(),
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    async reload() {
      if (!extensionUrl) return void (await page.reload({ waitUntil: 'load' }));
      await page.evaluate(() => location.reload());
      await new Promise((r) => setTimeout(r, 100));
      await settleAt(page, extensionUrl);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(what, fn, arg, timeout = 10_000) {
      try {
        await page.waitForFunction(fn as never, { timeout, polling: 50 }, arg);
      } catch (error) {
        throw new Error(`Timed out after ${timeout} ms waiting for ${what} on ${page.url()}: ${(error as Error).message.split('\n')[0]}`);
      }
    },
    async clickByName(name, role = 'button') {
      const problem = await page.evaluate(markByName, { name, role });
      if (problem === 'clicked-in-shadow') return;
      if (problem) throw new Error(`${problem} on ${page.url()}`);
      await page.click('[data-qingdu-test-target]');
    },
    click: (selector) => page.click(selector),
    press: (key) => page.keyboard.press(key as never),
    type: (selector, text) => page.type(selector, text),
    screenshot: async (path, fullPage = false) => void (await page.screenshot({ path: path as `${string}.png`, fullPage })),
    setViewport: (width, height) => page.setViewport({ width, height }),
    close: () => page.close(),
  };
}

/** Adds the tab-id and popup helpers, which work the same in both browsers. */
function withTabHelpers(base: Omit<Session, 'tabIdOf' | 'openPopupFor'>): Session {
  const session: Session = {
    ...base,
    async tabIdOf(page) {
      const ext = await base.openExtensionPage('popup.html?tabId=-1');
      try {
        return await tabIdVia(ext, page.url());
      } finally {
        await ext.close();
      }
    },
    async openPopupFor(page) {
      return base.openExtensionPage(`popup.html?tabId=${await session.tabIdOf(page)}`);
    },
  };
  return session;
}

async function tabIdVia(ext: TestPage, url: string): Promise<number> {
  const id = await ext.evaluate(async (target: string) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t: { url?: string }) => t.url === target);
    return tab ? (tab.id as number) : -1;
  }, url);
  if (id < 0) throw new Error(`No tab found with URL ${url}`);
  return id;
}

export interface LaunchOptions {
  /** Load Qingdu (default) or run the plain browser, for baselines. */
  extension?: boolean;
  /** Headless (default) or a real window, for `npm start` with a display. */
  headless?: boolean;
  /** The browser's language and the reader's preferred language (default zh-CN). */
  locale?: string;
  /** Chromium only: a profile directory of the caller's, kept on close (to restart on the same profile). */
  userDataDir?: string;
}

/** Chromium's flags: no network but loopback, every host name mapped to 127.0.0.1. */
export function chromiumArgs(extensionDir: string | null, headless = true, locale = 'zh-CN'): string[] {
  return [
    ...(headless ? ['--headless=new'] : []),
    '--no-sandbox',
    '--disable-gpu',
    ...(extensionDir
      ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
      : ['--disable-extensions']),
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-quic',
    `--lang=${locale}`,
    '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost',
    '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,DisableLoadExtensionCommandLineSwitch',
  ];
}

/** A persistent Chromium context (extensions need one), removed again on close. */
export async function chromiumContext(opts: LaunchOptions = {}): Promise<{ context: BrowserContext; dispose(): Promise<void> }> {
  const executablePath = requireInstalled('chromium');
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'qingdu-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: false,
    viewport: opts.headless === false ? null : VIEWPORT,
    locale: opts.locale ?? 'zh-CN',
    args: chromiumArgs(opts.extension === false ? null : BUILD_DIR.chromium, opts.headless !== false, opts.locale),
  });
  return {
    context,
    async dispose() {
      await context.close();
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function launchChromium(opts: LaunchOptions = {}): Promise<Session> {
  const { context, dispose } = await chromiumContext(opts);
  if (opts.extension === false) return chromiumSession(context, dispose, '');
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  return chromiumSession(context, dispose, worker.url().split('/').slice(0, 3).join('/'));
}

function chromiumSession(context: BrowserContext, dispose: () => Promise<void>, extensionOrigin: string): Session {
  return withTabHelpers({
    name: 'chromium',
    extensionOrigin,
    async open(url) {
      const page = wrapPlaywright(await context.newPage());
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const page = wrapPlaywright(await context.newPage());
      await page.goto(`${extensionOrigin}/${path}`);
      return page;
    },
    close: dispose,
  });
}

async function launchFirefox(opts: LaunchOptions = {}): Promise<Session> {
  const executablePath = requireInstalled('firefox');
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: opts.headless !== false,
    defaultViewport: VIEWPORT,
    // Lets WebDriver BiDi navigate a tab to moz-extension:// pages (the popup under test).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: FIREFOX_UUID }),
      'network.dns.forceResolve': '127.0.0.1',
      'network.proxy.type': 0,
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
      'intl.accept_languages': opts.locale && opts.locale !== 'zh-CN' ? opts.locale : 'zh-CN, zh, en',
      'intl.locale.requested': opts.locale ?? 'zh-CN',
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'browser.safebrowsing.downloads.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
  if (opts.extension !== false) await browser.installExtension(BUILD_DIR.firefox);
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  return withTabHelpers({
    name: 'firefox',
    extensionOrigin,
    async open(url) {
      const page = wrapPuppeteer(await browser.newPage());
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const raw = await browser.newPage();
      const href = `${extensionOrigin}/${path}`;
      raw.goto(href, { timeout: 0 }).catch(() => undefined);
      await settleAt(raw, href);
      return wrapPuppeteer(raw, href);
    },
    close: () => browser.close(),
  });
}

export function currentBrowser(): BrowserName {
  const name = process.env.QINGDU_BROWSER ?? 'chromium';
  if (name !== 'chromium' && name !== 'firefox') throw new Error(`QINGDU_BROWSER must be chromium or firefox, not ${name}`);
  return name;
}

export function launch(name: BrowserName = currentBrowser(), opts: LaunchOptions = {}): Promise<Session> {
  return name === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}
