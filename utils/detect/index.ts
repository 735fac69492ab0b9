/**
 * Detection: tells a government article, a government page and anything else apart, and reads
 * the article's metadata. Runs on every page, so it stops as soon as a page shows no sign of
 * being a government page: URL and <head> first, two bounded reads on Chinese pages, and the
 * body only on government pages. It reads the page and never changes it. The full metadata
 * reader (meta.ts) is not imported here: it ships in the feature script.
 */
import { stage0, stage1, stage2 } from './facts';
import { canonicalUrl, cleanTitle, headMeta, headMetaRecord } from './basic';
import { ARTICLE_MIN, fire, GOV_MIN, RULES, STAGE, WEAK_MAX, type Facts } from './rules';
import type { Detection, Signal } from './types';

/** Han characters in the title, or a zh language tag: worth the stage-1 reads. */
const HAN = /[\u3400-\u9fff]/;

export function detectPage(doc: Document, href: string): Detection {
  const url = new URL(href);
  const metas = headMeta(doc);
  const facts: Partial<Facts> = stage0(url, metas, doc.title);
  const reasons: Signal[] = [];
  let gov = 0;
  let weak = 0;
  let art = 0;
  const run = (stage: number) => {
    for (const rule of RULES) {
      if (STAGE[rule.fact] !== stage) continue;
      const hit = fire(rule, facts[rule.fact] ?? '');
      if (hit === null) continue;
      const signal: Signal = { id: rule.id, label: rule.label.replace('$', hit), weight: (rule.gov ?? 0) + (rule.art ?? 0) };
      if (rule.gov) signal.gov = rule.gov;
      if (rule.gov && rule.weak) weak += rule.gov;
      else if (rule.gov) gov += rule.gov;
      if (rule.art) art += signal.article = rule.art;
      reasons.push(signal);
    }
  };
  const positive = () => gov > 0 || weak > 0;

  run(0);
  let body: Element | null = null;
  if (positive() || HAN.test(doc.title) || /^zh/i.test(doc.documentElement.lang)) {
    Object.assign(facts, stage1(doc));
    run(1);
    if (positive()) {
      const deep = stage2(doc);
      body = deep.body;
      Object.assign(facts, deep.facts);
      run(2);
    }
  }

  gov += Math.min(weak, WEAK_MAX);
  const kind = gov < GOV_MIN ? 'none' : art >= ARTICLE_MIN ? 'article' : 'gov';
  // The body-reading part of the metadata (source, agency, 文号…) waits for the feature script,
  // which reads it after repairs (see feature.ts); this script carries only what <head> says.
  const meta =
    kind === 'none'
      ? { canonicalUrl: canonicalUrl(doc, href), title: cleanTitle(doc.title).title || undefined }
      : headMetaRecord(doc, href, metas);
  return {
    kind,
    score: gov + art,
    govScore: gov,
    articleScore: art,
    reasons,
    meta,
    body: kind === 'article' ? body : null,
  };
}
