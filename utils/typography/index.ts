/**
 * The typography page feature: enlarges the article per site (zoom, line height, reset), takes
 * over the page's own 字体 大 中 小 controls, and opens the reading view. Remembers the size in
 * the site rule. Must undo everything on `stop` and on 恢复默认.
 */
import { siteRulesItem, updateSiteRule, type SiteRule } from '../storage';
import type { Feature, PageContext } from '../page/feature';
import { sizeControlAction } from './controls';
import { revealEarly } from './early';
import { Enlarger, findParts } from './enlarge';
import { readBlocks, readInfo, ReadingView, type ReaderArticle } from './reader';
import { ATTR, SCALE_MIN, clampLineHeight, effectiveTypography, stepScale, type Typography } from './style';

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function createTypographyFeature(): Feature {
  let page: PageContext | null = null;
  let enlarger: Enlarger | null = null;
  let reader: ReadingView | null = null;
  let t: Typography = { scale: SCALE_MIN, lineHeight: 1.8 };
  let cleanup: (() => void)[] = [];

  const refresh = () => {
    enlarger?.apply(t);
    reader?.update(t);
  };

  async function remember(patch: Partial<SiteRule>): Promise<void> {
    if (!page) return;
    page.rule = await updateSiteRule(page.url.origin, patch);
  }

  async function zoom(direction: 1 | -1): Promise<void> {
    t = { ...t, scale: stepScale(t.scale, direction) };
    refresh();
    await remember({ scale: t.scale });
  }

  async function reset(): Promise<void> {
    if (!page) return;
    enlarger?.revert();
    await remember({ scale: undefined, lineHeight: undefined });
    t = effectiveTypography(page.settings, page.rule);
    refresh();
  }

  function article(): ReaderArticle {
    const p = page!;
    const parts = enlarger?.article ?? findParts(p.doc, p.detection.body, p.detection.meta.title);
    const infoText = parts?.info?.textContent ?? '';
    const fromInfo = readInfo(infoText);
    const title = (parts?.title?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      title: title || p.detection.meta.title || p.doc.title,
      date: fromInfo.date ?? p.detection.meta.publishedAt?.slice(0, 10),
      source: p.detection.meta.source ?? fromInfo.source,
      blocks: parts ? readBlocks(parts.root) : [],
      lang: p.doc.documentElement.lang || undefined,
    };
  }

  function articleBasePx(): number {
    const root = enlarger?.article?.root;
    if (!root || !page) return 0;
    const sizes: number[] = [];
    for (const el of [root, ...root.querySelectorAll(`[${ATTR.size}]`)]) {
      const v = parseFloat(el.getAttribute(ATTR.size) ?? '');
      if (v > 0) sizes.push(v);
    }
    if (sizes.length) return median(sizes);
    return parseFloat(page.doc.defaultView!.getComputedStyle(root).fontSize) || 0;
  }

  return {
    name: 'typography',

    start(ctx) {
      page = ctx;
      const doc = ctx.doc;
      enlarger = new Enlarger(doc, () => (page ? findParts(doc, page.detection.body, page.detection.meta.title) : null));
      reader = new ReadingView(doc, { onZoom: (d) => void zoom(d), onClose: () => undefined });
      t = effectiveTypography(ctx.settings, ctx.rule);
      try {
        enlarger.apply(t);
      } finally {
        revealEarly(doc);
      }

      // The page's own size buttons change Qingdu's remembered size instead.
      const win = doc.defaultView!;
      const onClick = (e: MouseEvent) => {
        if (e.button !== 0) return;
        const action = sizeControlAction(e.target instanceof win.Element ? e.target : null);
        if (!action) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        if (action === 'reset') void reset();
        else void zoom(action === 'up' ? 1 : -1);
      };
      win.addEventListener('click', onClick, true);
      cleanup.push(() => win.removeEventListener('click', onClick, true));

      // Another tab of the same site changed the size: follow it.
      const unwatch = siteRulesItem.watch((rules) => {
        if (!page) return;
        const rule = rules?.[page.url.origin] ?? {};
        const next = effectiveTypography(page.settings, rule);
        if (next.scale === t.scale && next.lineHeight === t.lineHeight) return;
        page.rule = rule;
        t = next;
        refresh();
      });
      cleanup.push(unwatch);
    },

    describe(state) {
      state.typography = { scale: t.scale, lineHeight: t.lineHeight, reading: !!reader?.isOpen };
    },

    async handle(msg) {
      if (!page) return undefined;
      switch (msg.type) {
        case 'zoom':
          await zoom(msg.direction === -1 ? -1 : 1);
          return true;
        case 'setLineHeight':
          t = { ...t, lineHeight: clampLineHeight(msg.value) };
          refresh();
          await remember({ lineHeight: t.lineHeight });
          return true;
        case 'resetTypography':
          await reset();
          return true;
        case 'setReading':
          if (msg.open) reader?.open(article(), t, articleBasePx() || 16);
          else reader?.close();
          return true;
        default:
          return undefined;
      }
    },

    stop() {
      for (const fn of cleanup) fn();
      cleanup = [];
      reader?.close();
      enlarger?.revert();
      if (page) revealEarly(page.doc);
      reader = null;
      enlarger = null;
      page = null;
    },
  };
}

export const typographyFeature = createTypographyFeature();
