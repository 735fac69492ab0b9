/**
 * Text size: on the next page of a site the reader enlarged, are frames painted with the article
 * at its small size (the flash Qingdu avoids), and when does the enlarged text appear, against
 * when the same page shows its text without Qingdu. Also what one 放大 step costs on a long article.
 */
import { type BenchCase, type BenchRow, median, round, seeded } from '../harness';
import type { TestPage } from '../../e2e/harness/browsers';

const HOST = 'www.bench-typography.gov.cn';

/** A long article in an old `<table width="760">` layout, with a probe recording every frame. */
function oldLayoutArticle(paragraphs: number): string {
  const rand = seeded(7);
  const chars = '政府工作报告提出要坚持稳中求进工作总基调完整准确全面贯彻新发展理念加快构建新发展格局着力推动高质量发展';
  const para = () => Array.from({ length: 60 + Math.floor(rand() * 120) }, () => chars[Math.floor(rand() * chars.length)]).join('');
  const body = Array.from({ length: paragraphs }, () => `<p>${para()}。</p>`).join('\n');
  // Runs before each frame: the article's size and visibility as the next paint will show it.
  const probe = `<script>window.__frames=[];(function f(){var p=document.querySelector('#zoom p');if(p){var z=getComputedStyle(document.getElementById('zoom'));window.__frames.push([performance.now(),parseFloat(getComputedStyle(p).fontSize),z.visibility]);}if(window.__frames.length<3000)requestAnimationFrame(f);})();</script>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于做好春季农业生产工作的通知</title>${probe}
<style>body{margin:0;font-size:12px}.content{width:740px;font-size:14px;line-height:24px}.title{font-size:18px;text-align:center}</style></head>
<body><table width="760" align="center" cellpadding="0" cellspacing="0"><tr><td width="760">
<div class="title">关于做好春季农业生产工作的通知</div><div class="info">发布日期：2024年03月01日 信息来源：市农业农村局</div>
<div id="zoom" class="content">${body}</div></td></tr></table><div class="foot">版权所有：某某市人民政府</div></body></html>`;
}

type Frame = [number, number, string];

async function frames(page: TestPage, until: (f: Frame[]) => boolean): Promise<Frame[]> {
  await page.waitFor('frames to be recorded', (n) => ((window as any).__frames?.length ?? 0) > n, 30, 15_000);
  for (let i = 0; i < 100; i++) {
    const list = await page.evaluate(() => (window as any).__frames as Frame[]);
    if (until(list)) return list;
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  }
  return page.evaluate(() => (window as any).__frames as Frame[]);
}

export const typographyCase: BenchCase = {
  name: 'typography (remembered 150% on an old table layout)',
  async run(ctx) {
    const paragraphs = 300;
    const urls = Array.from({ length: ctx.repeat + 1 }, (_, i) => ctx.server.html(HOST, `/art/2024/3/${i}/a.html`, oldLayoutArticle(paragraphs)));
    const ext = await ctx.extension.openExtensionPage('popup.html?tabId=-1');
    const send = async (page: TestPage, msg: unknown) => {
      const tabId = await ctx.extension.tabIdOf(page);
      return ext.evaluate(
        async ({ tabId, msg }) => {
          const t0 = performance.now();
          await ((globalThis as any).browser ?? (globalThis as any).chrome).tabs.sendMessage(tabId, msg, { frameId: 0 });
          return performance.now() - t0;
        },
        { tabId, msg },
      );
    };

    // Set 150% for the site on the first page, timing each step on the long article.
    const first = await ctx.extension.open(urls[0]);
    await first.waitFor('Qingdu', () => document.documentElement.dataset.qingdu !== undefined, undefined, 15_000);
    const stepMs: number[] = [];
    for (let i = 0; i < 4; i++) stepMs.push(await send(first, { type: 'zoom', direction: 1 }));
    await first.close();

    const smallFrames: number[] = [];
    const enlargedAt: number[] = [];
    const plainVisibleAt: number[] = [];
    for (let i = 1; i <= ctx.repeat; i++) {
      const page = await ctx.extension.open(urls[i]);
      const list = await frames(page, (f) => f.some(([, px, vis]) => px === 21 && vis === 'visible'));
      smallFrames.push(list.filter(([, px, vis]) => vis === 'visible' && px < 21).length);
      enlargedAt.push(list.find(([, px, vis]) => px === 21 && vis === 'visible')?.[0] ?? Number.NaN);
      await page.close();
      const plain = await ctx.plain.open(urls[i]);
      const base = await frames(plain, (f) => f.length > 0);
      plainVisibleAt.push(base[0]?.[0] ?? Number.NaN);
      await plain.close();
    }
    const reset = await ctx.extension.open(urls[0]);
    await reset.waitFor('Qingdu', () => document.documentElement.dataset.qingdu !== undefined, undefined, 15_000);
    await send(reset, { type: 'resetTypography' });
    await reset.close();
    await ext.close();

    const shown = median(enlargedAt);
    const plainShown = median(plainVisibleAt);
    const rows: BenchRow[] = [
      {
        case: this.name,
        metric: 'frames painted with small visible article text',
        value: Math.max(...smallFrames),
        unit: 'frames',
        budget: '0',
        withinBudget: Math.max(...smallFrames) === 0,
        note: `worst of ${ctx.repeat} loads`,
      },
      {
        case: this.name,
        metric: 'article first shown (enlarged), from navigation start',
        value: round(shown),
        unit: 'ms',
        baseline: round(plainShown),
        ratio: round(shown / plainShown, 2),
        note: 'baseline: same page shown at its own size without Qingdu',
      },
      {
        case: this.name,
        metric: `one 放大 step on ${paragraphs} paragraphs (message round trip)`,
        value: round(median(stepMs)),
        unit: 'ms',
      },
    ];
    return rows;
  },
};
