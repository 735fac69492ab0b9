import { describe, expect, it } from 'vitest';
import {
  ATTR,
  buildSheet,
  clampLineHeight,
  clampScale,
  effectiveTypography,
  isNeutral,
  percentLabel,
  scaledSize,
  sizeKey,
  stepScale,
  SCALE_MAX,
  SCALE_MIN,
  SCALE_STEP,
} from '@/utils/typography/style';
import { DEFAULT_SETTINGS } from '@/utils/settings';

describe('typography style computation', () => {
  it('steps from 100% to 300% in 12.5% steps: 17 sizes', () => {
    const sizes = [SCALE_MIN];
    while (sizes.at(-1)! < SCALE_MAX) sizes.push(stepScale(sizes.at(-1)!, 1));
    expect(sizes).toHaveLength(17);
    expect(sizes[1]).toBe(1.125);
    expect(sizes[2]).toBe(1.25);
    expect(sizes.at(-1)).toBe(3);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i] - sizes[i - 1]).toBeCloseTo(SCALE_STEP, 10);
  });

  it('clamps the scale at both ends and snaps to a step', () => {
    expect(stepScale(3, 1)).toBe(3);
    expect(stepScale(1, -1)).toBe(1);
    expect(stepScale(1.25, -1)).toBe(1.125);
    expect(clampScale(0.5)).toBe(1);
    expect(clampScale(7)).toBe(3);
    expect(clampScale(1.3)).toBe(1.25);
    expect(clampScale(Number.NaN)).toBe(1);
    expect(clampScale('2' as unknown)).toBe(1);
    expect(clampScale(undefined)).toBe(1);
  });

  it('clamps the line height to 1.5–2.2', () => {
    expect(clampLineHeight(1.2)).toBe(1.5);
    expect(clampLineHeight(3)).toBe(2.2);
    expect(clampLineHeight(1.87654)).toBe(1.88);
    expect(clampLineHeight(Number.POSITIVE_INFINITY)).toBe(1.8);
    expect(clampLineHeight(null)).toBe(1.8);
  });

  it('takes the site rule over the defaults, both clamped', () => {
    expect(effectiveTypography(DEFAULT_SETTINGS, {})).toEqual({ scale: 1, lineHeight: 1.8 });
    expect(effectiveTypography({ scale: 1.5, lineHeight: 2 }, {})).toEqual({ scale: 1.5, lineHeight: 2 });
    expect(effectiveTypography({ scale: 1.5, lineHeight: 2 }, { scale: 2.25, lineHeight: 1.6 })).toEqual({ scale: 2.25, lineHeight: 1.6 });
    expect(effectiveTypography(DEFAULT_SETTINGS, { scale: 9, lineHeight: 0 })).toEqual({ scale: 3, lineHeight: 1.5 });
  });

  it('is neutral only at the own size with the stock line height', () => {
    expect(isNeutral({ scale: 1, lineHeight: 1.8 })).toBe(true);
    expect(isNeutral({ scale: 1.125, lineHeight: 1.8 })).toBe(false);
    expect(isNeutral({ scale: 1, lineHeight: 2 })).toBe(false);
  });

  it('labels, scales and records sizes', () => {
    expect(percentLabel(1.125)).toBe('112.5%');
    expect(percentLabel(2)).toBe('200%');
    expect(scaledSize(16, 1.25)).toBe(20);
    expect(scaledSize(14.67, 3)).toBe(44.01);
    expect(sizeKey('14.6667px')).toBe('14.67');
    expect(sizeKey('16px')).toBe('16');
    expect(sizeKey('0px')).toBeNull();
    expect(sizeKey('')).toBeNull();
  });

  it('builds one rule per recorded size and widens fixed widths only when enlarged', () => {
    const sheet = buildSheet({ scale: 2, lineHeight: 2, sizes: ['16', '12', '16'], widths: ['760'] });
    expect(sheet).toContain(`[${ATTR.size}="16"]{font-size:32px!important}`);
    expect(sheet).toContain(`[${ATTR.size}="12"]{font-size:24px!important}`);
    expect(sheet.match(/data-qingdu-fs="16"/g)).toHaveLength(1);
    expect(sheet).toContain(`[${ATTR.wide}="760"]{width:min(1520px,100%)!important`);
    expect(sheet).toContain('line-height:2!important');
    expect(sheet).toContain('max-width:36em');

    const own = buildSheet({ scale: 1, lineHeight: 2, sizes: ['16'], widths: ['760'] });
    expect(own).toContain(`[${ATTR.size}="16"]{font-size:16px!important}`);
    expect(own).not.toContain(ATTR.wide);
  });

  it('ignores malformed recorded values instead of writing broken CSS', () => {
    const sheet = buildSheet({ scale: 2, lineHeight: 1.8, sizes: ['abc', '-3'], widths: ['x'] });
    expect(sheet).not.toContain('NaN');
    expect(sheet).not.toContain('abc');
  });
});
