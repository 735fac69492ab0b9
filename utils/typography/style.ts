/**
 * Pure style computation for enlarging article text: scale steps, clamps, the effective
 * settings of a site, and the stylesheet text that applies them to marked elements.
 * Never touches the DOM or storage; everything here is a function of its arguments.
 */
import type { Settings, SiteRule } from '../settings';

export const SCALE_MIN = 1;
export const SCALE_MAX = 3;
/** One step is 12.5% of the article's own size: 100, 112.5, 125 … 300 (17 sizes). */
export const SCALE_STEP = 0.125;
export const LINE_HEIGHT_MIN = 1.5;
export const LINE_HEIGHT_MAX = 2.2;
export const LINE_HEIGHT_DEFAULT = 1.8;
/** A comfortable line for Chinese body text: about 36 characters. */
export const MEASURE_EM = 36;
/** Title and info line keep a tighter leading than the body once enlarged. */
export const HEADING_LINE_HEIGHT = 1.4;

/** Marker attributes (without the `data-` prefix in `dataset` form where noted). */
export const ATTR = {
  /** Original computed font size in px of an element that holds text, e.g. `16` or `14.67`. */
  size: 'data-qingdu-fs',
  /** Which part of the article: `body`, `title`, `info`; the body container is `root`. */
  part: 'data-qingdu-part',
  /** A fixed-width ancestor and its original width in px, widened with the text. */
  wide: 'data-qingdu-wide',
  /** A table cell on the path to the article: its fixed width is released. */
  cell: 'data-qingdu-cell',
  /** An element whose fixed height or nowrap would clip or overlap enlarged text. */
  free: 'data-qingdu-free',
  /** An image wider than its container: scaled down to fit. */
  fit: 'data-qingdu-fit',
} as const;

export const STYLE_ID = 'qingdu-typography';

function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A finite scale within 100%–300%, snapped to the nearest step. */
export function clampScale(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : SCALE_MIN;
  const snapped = Math.round(n / SCALE_STEP) * SCALE_STEP;
  return round(Math.min(SCALE_MAX, Math.max(SCALE_MIN, snapped)));
}

/** One step up (1) or down (-1), staying within the range. */
export function stepScale(scale: number, direction: 1 | -1): number {
  return clampScale(clampScale(scale) + direction * SCALE_STEP);
}

/** A finite line height within 1.5–2.2, to one hundredth. */
export function clampLineHeight(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : LINE_HEIGHT_DEFAULT;
  return round(Math.min(LINE_HEIGHT_MAX, Math.max(LINE_HEIGHT_MIN, n)), 2);
}

export interface Typography {
  scale: number;
  lineHeight: number;
}

/** The site's values, else the reader's defaults from the options, clamped. */
export function effectiveTypography(settings: Pick<Settings, 'scale' | 'lineHeight'>, rule: SiteRule): Typography {
  return {
    scale: clampScale(rule.scale ?? settings.scale),
    lineHeight: clampLineHeight(rule.lineHeight ?? settings.lineHeight),
  };
}

/**
 * Whether the page should be changed at all: at the article's own size with the stock line
 * height, Qingdu leaves the page exactly as it came.
 */
export function isNeutral(t: Typography): boolean {
  return t.scale === SCALE_MIN && t.lineHeight === LINE_HEIGHT_DEFAULT;
}

/** Percent label for the popup, e.g. `112.5%`. */
export function percentLabel(scale: number): string {
  return `${round(clampScale(scale) * 100, 1)}%`;
}

/** The enlarged size of a text of `basePx`, to a hundredth of a pixel. */
export function scaledSize(basePx: number, scale: number): number {
  return round(basePx * clampScale(scale), 2);
}

/** The attribute value that records an original computed font size (`14.6667px` → `14.67`). */
export function sizeKey(computed: string): string | null {
  const px = parseFloat(computed);
  if (!Number.isFinite(px) || px <= 0) return null;
  return String(round(px, 2));
}

export interface SheetInput extends Typography {
  /** Distinct original sizes recorded on marked elements (values of ATTR.size). */
  sizes: Iterable<string>;
  /** Distinct original widths recorded on widened ancestors (values of ATTR.wide). */
  widths: Iterable<string>;
}

const sel = (attr: string, value?: string) => (value === undefined ? `[${attr}]` : `[${attr}="${value}"]`);

/**
 * The stylesheet that applies a typography to marked elements. `!important` so the page's own
 * rules (and its own size buttons) cannot undercut it; removing the sheet and the markers
 * restores the page exactly.
 */
export function buildSheet(input: SheetInput): string {
  const { scale, lineHeight } = { scale: clampScale(input.scale), lineHeight: clampLineHeight(input.lineHeight) };
  const rules: string[] = [];
  for (const key of new Set(input.sizes)) {
    const px = parseFloat(key);
    if (!Number.isFinite(px) || px <= 0) continue;
    rules.push(`${sel(ATTR.size, key)}{font-size:${scaledSize(px, scale)}px!important}`);
  }
  rules.push(`${sel(ATTR.part, 'body')},${sel(ATTR.part, 'root')}{line-height:${lineHeight}!important;overflow-wrap:anywhere!important}`);
  rules.push(
    `:is(p,li,dd,blockquote,h1,h2,h3,h4,h5,h6)${sel(ATTR.part, 'body')}{max-width:${MEASURE_EM}em!important}`,
  );
  if (scale > SCALE_MIN) {
    rules.push(
      `${sel(ATTR.part, 'title')},${sel(ATTR.part, 'info')}{line-height:${HEADING_LINE_HEIGHT}!important;overflow-wrap:anywhere!important}`,
    );
    for (const key of new Set(input.widths)) {
      const px = parseFloat(key);
      if (!Number.isFinite(px) || px <= 0) continue;
      // Widen with the text, never past the space the parent has.
      rules.push(`${sel(ATTR.wide, key)}{width:min(${round(px * scale, 1)}px,100%)!important;max-width:none!important;box-sizing:border-box!important}`);
    }
    rules.push(`${sel(ATTR.cell)}{width:auto!important}`);
    rules.push(`${sel(ATTR.part, 'root')} table{max-width:100%!important}`);
  }
  rules.push(`[${ATTR.free}~="h"]{height:auto!important;max-height:none!important}`);
  rules.push(`[${ATTR.free}~="w"]{white-space:normal!important}`);
  rules.push(`${sel(ATTR.fit)}{max-width:100%!important;height:auto!important}`);
  return rules.join('\n');
}
