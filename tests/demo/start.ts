/**
 * `npm start`: serves the sample government pages on loopback and opens Chromium with Qingdu.
 * With a display, a real window stays open on the first sample until it is closed.
 * Without one ($DISPLAY unset), it runs headless, saves before/after screenshots of every sample
 * to the folder it names, and prints what Qingdu did on each page.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, type Session } from '../e2e/harness/browsers';
import { startServer } from '../e2e/harness/server';
import { samples } from './samples';

const server = await startServer();
const urls = samples.map((s) =>
  server.html(s.host, s.path, s.html(), { encoding: s.encoding, contentType: s.contentType }),
);

if (process.env.DISPLAY) {
  const session = await launch('chromium', { headless: false });
  for (const url of urls) await session.open(url);
  console.log(`Qingdu is loaded in Chromium on ${urls.length} sample page(s):\n${urls.join('\n')}`);
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  const stop = async () => {
    await session.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  // Ends when the reader closes the window.
  await new Promise<void>((r) => {
    const poll = setInterval(async () => {
      try {
        await session.tabIdOf(await session.open('about:blank'));
      } catch {
        clearInterval(poll);
        r();
      }
    }, 2000);
  });
  await stop();
} else {
  const out = resolve(import.meta.dirname, '../../.output/demo');
  mkdirSync(out, { recursive: true });
  const before = await launch('chromium', { extension: false });
  const after = await launch('chromium');
  try {
    for (const [i, sample] of samples.entries()) {
      const url = urls[i];
      const plain = await before.open(url);
      await plain.screenshot(join(out, `${sample.name}-before.png`));
      await plain.close();
      const page = await after.open(url);
      await page.waitFor('Qingdu to finish', () => document.documentElement.dataset.qingdu !== undefined, undefined, 10_000).catch(() => undefined);
      await page.screenshot(join(out, `${sample.name}-after.png`));
      const popup = await after.openPopupFor(page);
      await popup.waitFor('the popup to show the page status', () => !!document.querySelector('.page-status'), undefined, 10_000).catch(() => undefined);
      await popup.screenshot(join(out, `${sample.name}-popup.png`));
      const report = await popup.evaluate(() => (document.querySelector('main') as HTMLElement | null)?.innerText ?? '');
      const kind = await page.evaluate(() => document.documentElement.dataset.qingdu ?? '(none)');
      console.log(`\n# ${sample.name}  ${url}\ndata-qingdu=${kind}\n${report.trim()}`);
      await popup.close();
      await page.close();
    }

    // --- Text size: the article at 100% and at 200% (eight 12.5% steps), then the site reset. ---
    {
      const i = samples.findIndex((s) => s.name === 'typography-table760');
      const page = await after.open(urls[i]);
      await page.waitFor('Qingdu to finish', () => document.documentElement.dataset.qingdu !== undefined, undefined, 10_000).catch(() => undefined);
      const ext = await after.openExtensionPage('popup.html?tabId=-1');
      const tabId = await after.tabIdOf(page);
      const send = (msg: unknown) =>
        ext.evaluate(({ tabId, msg }) => ((globalThis as any).browser ?? (globalThis as any).chrome).tabs.sendMessage(tabId, msg, { frameId: 0 }), { tabId, msg });
      await page.screenshot(join(out, 'text-size-100.png'), true);
      for (let step = 0; step < 8; step++) await send({ type: 'zoom', direction: 1 });
      await page.screenshot(join(out, 'text-size-200.png'), true);
      await send({ type: 'resetTypography' });
      console.log('\n# text size: text-size-100.png and text-size-200.png (old <table width="760"> layout)');
      await ext.close();
      await page.close();
    }

    // --- The popup on the seed article in 简体中文, and in English from a browser launched in English. ---
    {
      const shoot = async (session: Session, file: string) => {
        const page = await session.open(urls[0]);
        await page.waitFor('Qingdu to finish', () => document.documentElement.dataset.qingdu !== undefined, undefined, 10_000).catch(() => undefined);
        const popup = await session.openPopupFor(page);
        await popup.setViewport(440, 900);
        await popup.waitFor('the popup to show the page status', () => !!document.querySelector('.page-status .kind'), undefined, 10_000).catch(() => undefined);
        await popup.evaluate(() => document.querySelectorAll('.page-status details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
        await popup.screenshot(join(out, file), true);
        await popup.close();
        await page.close();
      };
      await shoot(after, 'popup-zh-CN.png');
      const english = await launch('chromium', { locale: 'en' });
      try {
        await shoot(english, 'popup-en.png');
      } finally {
        await english.close();
      }
      console.log('\n# popup: popup-zh-CN.png and popup-en.png');
    }
  } finally {
    await before.close();
    await after.close();
    await server.close();
  }
  console.log(`\nScreenshots saved in ${out}`);
}
