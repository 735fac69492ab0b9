/**
 * The repair page feature: repairs garbled text when the reader's setting allows, re-reads the
 * page's metadata from the repaired text, and shows the page as it came on request (显示原文).
 * Never repairs a non-Chinese page; stop() puts every original back.
 */
import { detectPage } from '../detect';
import type { Detection, PageKind } from '../detect/types';
import type { ContentMessage, PageState } from '../messages';
import type { Feature, PageContext } from '../page/feature';
import { isChinesePage, repairDocumentText, repairsOf, type RepairCounts } from './dom';
import { looksMisdecoded, repairMisdecodedPage, type Fetcher } from './refetch';

const RANK: Record<PageKind, number> = { none: 0, gov: 1, article: 2 };

/**
 * The content script's own fetch: same-origin in Chromium; in Firefox an extension request under
 * the host permission, with the page's cookies. (`content.fetch` would need cloned arguments.)
 */
function pageFetch(): Fetcher {
  return (url, init) => fetch(url, init);
}

/**
 * Repairs the document (class C first, then the text classes). Idempotent: a document already
 * repaired is left as it is.
 */
export async function applyRepair(doc: Document, href: string, fetcher: Fetcher = pageFetch()): Promise<RepairCounts> {
  const repairs = repairsOf(doc);
  if (repairs.applied) return repairs.counts;
  repairs.applied = true;
  if (looksMisdecoded(doc)) {
    try {
      await repairMisdecodedPage(repairs, href, fetcher);
    } catch {
      // Offline or blocked: the page keeps its U+FFFD, which already shows the loss.
    }
  }
  if (isChinesePage(doc, href)) repairDocumentText(repairs);
  return repairs.counts;
}

/** Shows the page as it came: every repaired text back to its original. */
export function revertRepair(doc: Document): void {
  repairsOf(doc).revert();
}

export function repairCounts(doc: Document): RepairCounts & { applied: boolean } {
  const r = repairsOf(doc);
  return { applied: r.applied, total: r.counts.total, byClass: { ...r.counts.byClass } };
}

/** Detection again, on the text as it now reads; a site rule's reasons and kind are kept. */
function refreshDetection(page: PageContext): void {
  const before: Detection = page.detection;
  const next = detectPage(page.doc, page.url.href);
  const kept = before.reasons.filter((r) => r.id === 'site-rule');
  const reasons = [...next.reasons.filter((r) => r.id !== 'site-rule'), ...kept];
  const kind = RANK[next.kind] >= RANK[before.kind] ? next.kind : before.kind;
  page.detection = { ...next, kind, reasons };
}

let current: PageContext | undefined;

export const repairFeature: Feature = {
  name: 'repair',
  async start(page) {
    current = page;
    if (!page.settings.repair) return;
    await applyRepair(page.doc, page.url.href);
    refreshDetection(page);
  },
  describe(state: PageState) {
    if (!current) return;
    const c = repairCounts(current.doc);
    state.repair = { applied: c.applied, total: c.total, byClass: c.byClass };
  },
  async handle(msg: ContentMessage, page: PageContext) {
    if (msg.type !== 'setRepair') return undefined;
    current = page;
    if (msg.applied) await applyRepair(page.doc, page.url.href);
    else revertRepair(page.doc);
    refreshDetection(page);
    return true;
  },
  stop() {
    if (current) revertRepair(current.doc);
    current = undefined;
  },
};
