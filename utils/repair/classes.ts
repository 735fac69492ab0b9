/**
 * The pure text repairs, one function per class (A–I), each applied only when it is provably a
 * round trip and clearly better. Works on plain strings; never touches the DOM, never guesses a
 * lost character (it is marked with LOST_MARK instead).
 */
import { decodeCp1252, decodeLegacyStrict, decodeUtf8, encodeCp1252, encodeLegacy, type Legacy, LOST } from './codecs';
import { clearlyBetter, commonSet, commonShare, gb2312Set, isHan, LOST_MARK } from './common';

export type RepairClass = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I';

export interface TextRepair {
  text: string;
  /** Repairs made, per class. */
  counts: Partial<Record<RepairClass, number>>;
}

function add(counts: TextRepair['counts'], cls: RepairClass, n = 1): void {
  if (n > 0) counts[cls] = (counts[cls] ?? 0) + n;
}

// ---- lost characters that context can complete -------------------------------------------

const AFTER_DIGIT = '年月日号時时分秒號';
const LABEL = /(?:时间|時間|日期|来源|來源|作者|编辑|編輯|电话|電話|地址|次数|次數|字号|字號|出处|出處|发布|發布|发文|發文|点击|點擊|浏览|瀏覽|索引号|索引號|文号|文號)$/;

/**
 * Completes a character whose last UTF-8 byte was lost, only where the context leaves a single
 * choice: a date unit after a digit, or a colon after a field label (发布时间：).
 */
function completeLost(prefix: number[], before: string, atEnd: boolean): string | undefined {
  if (prefix.length < 1) return undefined;
  const candidates: string[] = [];
  for (let b = 0x80; b <= 0xbf; b++) {
    const r = decodeUtf8([...prefix, b], '');
    if (!r.invalid && r.text) candidates.push(r.text);
  }
  const last = before.slice(-1);
  if (/[0-9０-９]/.test(last)) {
    const units = candidates.filter((c) => AFTER_DIGIT.includes(c));
    if (units.length === 1) return units[0];
  }
  if (LABEL.test(before) && candidates.includes('：')) return '：';
  // The last character of a paragraph, when it can be a full stop, is the full stop.
  if (atEnd && candidates.includes('。') && isHan(last)) return '。';
  return undefined;
}

/** Decodes UTF-8 with lost bytes, completing lost characters from context where unambiguous. */
function utf8WithContext(bytes: number[], before: string, atEnd: boolean): { text: string; invalid: number; lost: number } {
  // Split at lost bytes that end a sequence so each can be completed with its prefix.
  let text = '';
  let lost = 0;
  let invalid = 0;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== LOST) continue;
    // Find the lead of the sequence the lost byte belongs to.
    let lead = i;
    while (i < bytes.length && lead > start && i - lead < 3 && bytes[lead - 1] >= 0x80 && bytes[lead - 1] <= 0xbf) lead--;
    if (i < bytes.length && lead > start && bytes[lead - 1] >= 0xc2 && bytes[lead - 1] <= 0xf4) lead--;
    else if (i < bytes.length && !(lead > start && bytes[lead] >= 0xc2)) lead = i;
    const head = decodeUtf8(bytes.slice(start, lead), LOST_MARK);
    text += head.text;
    lost += head.lost;
    invalid += head.invalid;
    if (i >= bytes.length) break;
    const prefix = bytes.slice(lead, i);
    const first = prefix[0];
    const need = first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
    let end = i + 1;
    if (need && prefix.length === need - 1) {
      const done = completeLost(prefix, before + text, atEnd && i === bytes.length - 1);
      text += done ?? LOST_MARK;
      if (!done) lost++;
    } else {
      // Lost byte elsewhere in a sequence: swallow the rest of that sequence.
      while (end < bytes.length && bytes[end] >= 0x80 && bytes[end] <= 0xbf && end - lead < 4) end++;
      text += LOST_MARK;
      lost++;
    }
    start = end;
    i = end - 1;
  }
  return { text, lost, invalid };
}

// ---- A, B, E, F: mojibake --------------------------------------------------------------

type Step = 'A' | 'Ab' | 'B' | 'E' | 'Eb';

function applyStep(step: Step, input: string, at: RunContext, inner: boolean, minHan: number): string | null {
  // Inside a chain, a character an earlier layer lost is one lost byte of this layer.
  const text = inner ? input.split(LOST_MARK).join('\uFFFD') : input;
  let bytes: number[] | null;
  if (step === 'B') bytes = encodeCp1252(text);
  else bytes = encodeLegacy(text, step === 'A' || step === 'E' ? 'gbk' : 'big5');
  if (!bytes) return null;
  if (step === 'E' || step === 'Eb') {
    if (bytes.includes(LOST) || (minHan > 1 && !swapLooksGarbled(step, text))) return null;
    // Standard Big5 (and GB 2312) lead bytes are A1–F9; HKSCS/GBK extension leads are not text
    // that was ever written in the other charset.
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] < 0x80) continue;
      if (bytes[i] < 0xa1 || bytes[i] > 0xf9) return null;
      i++;
    }
    const to: Legacy = step === 'E' ? 'big5' : 'gbk';
    const out = decodeLegacyStrict(bytes.map((b) => (b === 0x1a0 ? 0x20 : b)), to);
    if (!out || out === text) return null;
    if (step === 'Eb') {
      // GBK text read as Big5 comes back as GB 2312 text.
      const han = Array.from(out).filter(isHan);
      const gb = gb2312Set();
      if (han.filter((c) => gb.has(c)).length < 0.8 * han.length) return null;
    }
    return out;
  }
  const r = utf8WithContext(bytes, at.before, at.atEnd);
  if (r.invalid) return null;
  return r.text === text ? null : r.text;
}

/**
 * A Big5/GBK swap decodes almost any pair, so it needs more than a low common share: at least
 * three characters, and (for Big5 read as GBK) a third of them outside GB 2312, which is what
 * Big5 trail bytes 0x40–0x7E and its symbol rows turn into. Rare names (淼, 燊) are in GB 2312.
 */
function swapLooksGarbled(step: Step, text: string): boolean {
  const chars = Array.from(text).filter((c) => c > '\u007f');
  if (chars.length < 3) return false;
  if (step === 'Eb') return true;
  const gb = gb2312Set();
  const outside = chars.filter((c) => !gb.has(c) && !commonSet().has(c)).length;
  return outside * 3 >= chars.length;
}

const STEPS: Step[] = ['A', 'B', 'E', 'Ab', 'Eb'];
const LATIN_STEPS: Step[] = ['B'];
const UTF8_LAYERS: Step[] = ['A', 'B', 'Ab'];
const CLASS_OF: Record<Step, RepairClass> = { A: 'A', Ab: 'A', B: 'B', E: 'E', Eb: 'E' };

/**
 * Undoes up to three layers of wrong decoding on one run. Returns the repaired run and its
 * class (F for two or more layers), or null when no chain is clearly better.
 */
/** What surrounds a run: the text before it, and whether only spaces follow it. */
export interface RunContext {
  before: string;
  atEnd: boolean;
}
const NO_CONTEXT: RunContext = { before: '', atEnd: false };

export function undoLayers(run: string, at: RunContext = NO_CONTEXT, minHan = 2, first: readonly Step[] = STEPS): { text: string; cls: RepairClass } | null {
  if (commonShare(run).share > 0.5) return null;
  const search = (text: string, depth: number): { text: string; steps: Step[] } | null => {
    for (const step of depth === 1 ? first : UTF8_LAYERS) {
      const out = applyStep(step, text, at, depth > 1, minHan);
      if (out === null) continue;
      if (clearlyBetter(run, out, minHan)) return { text: out, steps: [step] };
      // Chains only through strict UTF-8 decodes: a Big5/GBK swap is weak evidence on its own.
      if (depth < 3 && step !== 'E' && step !== 'Eb' && commonShare(out).share <= 0.5) {
        const deeper = search(out, depth + 1);
        if (deeper) return { text: deeper.text, steps: [step, ...deeper.steps] };
      }
    }
    return null;
  };
  const found = search(run, 1);
  if (!found) return null;
  return { text: found.text, cls: found.steps.length > 1 ? 'F' : CLASS_OF[found.steps[0]] };
}

const LATIN_RUN = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\uFFFD]+(?: [\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\uFFFD]+)*/g;
// Non-ASCII, non-space runs (CJK mojibake and whatever sits next to it).
const WIDE_RUN = /[^\u0000-\u007f\s\u00a0\u3000]+/g;

/** Splits a failed run into islands that decode cleanly as UTF-8 from a GBK/Big5 re-encoding. */
/**
 * The GBK char boundaries k > i up to which the bytes from char i decode as UTF-8 without error
 * and end on a sequence boundary (a lost byte counts as any continuation byte).
 */
function utf8Ends(bytes: number[][], i: number): number[] {
  const ends: number[] = [];
  let need = 0;
  for (let k = i; k < bytes.length; k++) {
    for (const b of bytes[k]) {
      if (need > 0) {
        if (b !== LOST && (b < 0x80 || b > 0xbf)) return ends;
        need--;
      } else if (b === LOST) need = 0;
      else if (b < 0x80) need = 0;
      else if (b >= 0xc2 && b <= 0xdf) need = 1;
      else if (b >= 0xe0 && b <= 0xef) need = 2;
      else if (b >= 0xf0 && b <= 0xf4) need = 3;
      else return ends;
    }
    if (need === 0 || k === bytes.length - 1) ends.push(k + 1);
  }
  return ends;
}

function islands(run: string, at: RunContext): Array<{ start: number; end: number; text: string; cls: RepairClass }> {
  const chars = Array.from(run);
  const bytes: number[][] = [];
  for (const c of chars) {
    const b = encodeLegacy(c, 'gbk');
    if (!b) return []; // not GBK text at all
    bytes.push(b);
  }
  const found: Array<{ start: number; end: number; text: string; cls: RepairClass }> = [];
  let i = 0;
  while (i < chars.length - 1) {
    let best: { end: number; text: string; cls: RepairClass } | null = null;
    // Only where a UTF-8 sequence can start; longest clean extent first, a few shorter ones after.
    if (bytes[i][0] >= 0xc2 && bytes[i][0] <= 0xf4) {
      const ends = utf8Ends(bytes, i).filter((e) => e >= i + 2);
      for (const j of ends.reverse().slice(0, 4)) {
        const piece = chars.slice(i, j).join('');
        // Only a strict UTF-8 decode is evidence enough inside mixed text; a Big5/GBK swap decodes
        // almost any pair and would turn rare names into other characters.
        const r = undoLayers(piece, { before: at.before + chars.slice(Math.max(0, i - 8), i).join(''), atEnd: at.atEnd && j === chars.length }, 2, ['A']);
        if (r) {
          best = { end: j, ...r };
          break;
        }
      }
    }
    if (best) {
      found.push({ start: i, ...best });
      i = best.end;
    } else i++;
  }
  return found;
}

/** What a page has already shown, so short runs on it can be judged. */
export interface MojibakeContext {
  /** Classes repaired clearly elsewhere on the page. */
  pageClasses?: ReadonlySet<RepairClass>;
  /** Set when a short run looked repairable but the text alone was not evidence enough. */
  pending?: boolean;
}

function contextAt(text: string, offset: number, length: number): RunContext {
  return { before: text.slice(Math.max(0, offset - 8), offset), atEnd: !/\S/.test(text.slice(offset + length)) };
}

type Found = { text: string; cls: RepairClass; weak: boolean };

/**
 * Repairs the runs a pattern finds. Short runs (one character between digits, as in
 * 2024骞�3鏈�) are too short to judge alone: they are repaired only when the same text or page
 * has a clear repair of the same class.
 */
function repairRuns(text: string, pattern: RegExp, counts: TextRepair['counts'], context: MojibakeContext, strong: Set<RepairClass>, wide: boolean): string {
  const first = wide ? STEPS : LATIN_STEPS;
  const found = new Map<number, Found>();
  for (const m of text.matchAll(pattern)) {
    const at = contextAt(text, m.index, m[0].length);
    const size = m[0].replace(/ /g, '').length;
    const r = size >= 2 ? undoLayers(m[0], at, 2, first) : null;
    if (r) {
      strong.add(r.cls);
      found.set(m.index, { ...r, weak: false });
    } else {
      const w = undoLayers(m[0], at, 1, first);
      if (w) found.set(m.index, { ...w, weak: true });
    }
  }
  return text.replace(pattern, (run, offset: number) => {
    const f = found.get(offset);
    if (f && (!f.weak || strong.has(f.cls))) {
      add(counts, f.cls);
      return f.text;
    }
    if (f) {
      context.pending = true;
      return run;
    }
    if (!wide || run.length < 2 || commonShare(run).share > 0.9) return run; // plainly clean: no island search
    const parts = islands(run, contextAt(text, offset, run.length));
    if (!parts.length) return run;
    const chars = Array.from(run);
    let result = '';
    let at = 0;
    for (const p of parts) {
      result += chars.slice(at, p.start).join('') + p.text;
      at = p.end;
      add(counts, p.cls);
    }
    return result + chars.slice(at).join('');
  });
}

/** Repairs classes A, B, E and F in a string. */
export function repairMojibake(text: string, counts: TextRepair['counts'] = {}, context: MojibakeContext = {}): string {
  const strong = new Set<RepairClass>(context.pageClasses);
  const out = repairRuns(text, LATIN_RUN, counts, context, strong, false);
  return repairRuns(out, WIDE_RUN, counts, context, strong, true);
}

// ---- D: lost for good ------------------------------------------------------------------

const LOST_RUN = /(?:锟斤拷)+|(?:烫){3,}|(?:屯){3,}/g;

/** Marks `锟斤拷`, `烫烫烫`, `屯屯屯` as lost text. */
export function markLost(text: string, counts: TextRepair['counts'] = {}): string {
  return text.replace(LOST_RUN, () => {
    add(counts, 'D');
    return LOST_MARK;
  });
}

// ---- G: references shown literally ------------------------------------------------------

const NUMERIC_REFS = /(?:&#(?:[0-9]{2,7}|[xX][0-9a-fA-F]{2,6});?)+/g;
const JS_ESCAPES = /(?:\\u[0-9a-fA-F]{4})+/g;
const PERCENT = /(?:%[0-9A-Fa-f]{2}){3,}/g;

function hanCount(s: string): number {
  let n = 0;
  for (const c of s) if (isHan(c)) n++;
  return n;
}

function decodeNumeric(run: string): string | null {
  let ok = true;
  const s = run.replace(/&#([xX]?)([0-9a-fA-F]+);?/g, (_, x: string, n: string) => {
    const cp = parseInt(n, x ? 16 : 10);
    if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) ok = false;
    return ok ? String.fromCodePoint(cp) : '';
  });
  return ok ? s : null;
}

function decodeJs(run: string): string | null {
  const s = run.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s) ? null : s;
}

function decodePercent(run: string, offset: number, all: string): string | null {
  // Percent-encoding inside a URL is the URL, not garbled text.
  const token = all.slice(0, offset).split(/\s/).pop() ?? '';
  if (/[/?=&:.#]/.test(token.slice(-1)) || /:\/\/|^www\./i.test(token)) return null;
  const r = decodeUtf8(run.match(/%[0-9A-Fa-f]{2}/g)!.map((p) => parseInt(p.slice(1), 16)), LOST_MARK);
  return r.invalid || r.lost ? null : r.text;
}

/**
 * Decodes `&#20320;`, `\u4f60` and `%E4%BD%A0` runs once, when they spell 2+ Han characters;
 * a run of one character only where the text or page already has such runs.
 */
export function decodeReferences(text: string, counts: TextRepair['counts'] = {}, context: MojibakeContext = {}): string {
  const families: Array<[RegExp, (run: string, offset: number, all: string) => string | null]> = [
    [NUMERIC_REFS, decodeNumeric],
    [JS_ESCAPES, decodeJs],
    [PERCENT, decodePercent],
  ];
  let strong = !!context.pageClasses?.has('G');
  const decoded: Array<Map<number, string>> = families.map(([re, decode]) => {
    const map = new Map<number, string>();
    for (const m of text.matchAll(re)) {
      const s = decode(m[0], m.index, text);
      if (s === null || /[\u0000-\u0008\u000b-\u001f\uFFFD]/.test(s) || !hanCount(s)) continue;
      map.set(m.index, s);
      if (hanCount(s) >= 2) strong = true;
    }
    return map;
  });
  let out = text;
  families.forEach(([re], i) => {
    const map = decoded[i];
    if (!map.size) return;
    // Offsets refer to the text before this family's replacements; earlier families never
    // match the later ones' syntax, so replace on the original and the result in order.
    const source = i === 0 ? text : out;
    const offsets = i === 0 ? map : new Map([...source.matchAll(re)].map((m) => [m.index, decodeFamily(i, m[0], m.index, source)] as const).filter((e): e is [number, string] => e[1] !== null));
    out = source.replace(re, (run, offset: number) => {
      const s = offsets.get(offset);
      if (s === undefined) return run;
      if (hanCount(s) < 2 && !strong) {
        context.pending = true;
        return run;
      }
      add(counts, 'G');
      return s;
    });
  });
  return out;

  function decodeFamily(i: number, run: string, offset: number, all: string): string | null {
    const s = families[i][1](run, offset, all);
    return s === null || /[\u0000-\u0008\u000b-\u001f\uFFFD]/.test(s) || !hanCount(s) ? null : s;
  }
}

// ---- H: slipped double-byte text ---------------------------------------------------------

/** Government-page boilerplate, Simplified and Traditional, as it should read. */
export const BOILERPLATE = [
  '字体大小：【', '字體大小：【', '字号：【', '字號：【', '【大 中 小】', '发布时间：', '發布時間：', '发布日期：', '發布日期：',
  '来源：', '來源：', '信息来源：', '資訊來源：', '文章来源：', '文章來源：', '作者：', '责任编辑：', '責任編輯：',
  '浏览次数：', '瀏覽次數：', '点击数：', '點擊數：', '打印本页', '打印本頁', '关闭窗口', '關閉窗口', '【打印】', '【关闭】', '【關閉】',
  '当前位置：', '當前位置：', '您现在的位置：', '您現在的位置：', '首页', '首頁', '分享到：', '索引号：', '索引號：', '发文字号：', '發文字號：',
];

interface Slipped {
  pattern: RegExp;
  clean: string;
}
let slippedForms: Slipped[] | undefined;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Each boilerplate phrase as it reads after one byte was lost at a character boundary (shown
 * as `?`) and the rest decoded one byte off; generated with the platform GBK decoder.
 */
function slipped(): Slipped[] {
  if (slippedForms) return slippedForms;
  const dec = new TextDecoder('gbk');
  const forms: Slipped[] = [];
  for (const clean of BOILERPLATE) {
    const chars = Array.from(clean);
    for (let k = 0; k < chars.length; k++) {
      if (chars[k].charCodeAt(0) < 0x80) continue;
      const tail = encodeLegacy(chars.slice(k).join(''), 'gbk');
      if (!tail) continue;
      const shifted = tail.slice(1);
      const odd = shifted.length % 2 === 1 && shifted[shifted.length - 1] >= 0x80;
      const body = dec.decode(Uint8Array.from(odd ? shifted.slice(0, -1) : shifted));
      if (!/[^\u0000-\u007f]/.test(body) || body.includes('\uFFFD')) continue;
      const head = chars.slice(0, k).join('');
      const source = escape(head) + '[?\\uFFFD]' + escape(body) + (odd ? '[?\\uFFFD]?' : '');
      forms.push({ pattern: new RegExp(source + TAG_AFTER, 'g'), clean });
    }
  }
  // Longest first, so `信息来源：` wins over `来源：`.
  forms.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  return (slippedForms = forms);
}

// Markup whose `<` was swallowed by a slipped byte and now shows as text.
const TAG_BODY = `(?:\\/?(?:a|span|font|b|strong|em|i|u|p|div|br|img|td|tr|li)\\b(?:\\s+[a-zA-Z:-]+(?:=(?:"[^"<>]*"|'[^'<>]*'|[^\\s"'<>]+))?)*\\s*\\/?>)`;
const TAG_AFTER = `(${TAG_BODY})?`;
const LEAKED_TAG = new RegExp(`[?\\uFFFD]${TAG_BODY}`, 'g');

const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const SYLLABLE = `[a-zü]{0,5}[${TONE}][a-zü]{0,5}`;
const BROKEN_NOTE = new RegExp(`[?\\uFFFD]${SYLLABLE}\\)[\\x40-\\x7e]?(?=[\\u3400-\\u9fff])`, 'g');

/**
 * Repairs slipped double-byte text: boilerplate in its garbled forms, markup shown as text
 * after a swallowed `<`, and (on pages with reading notes) a character lost with its note.
 */
export function repairSlips(text: string, counts: TextRepair['counts'] = {}, pinyinPage = false): string {
  let out = text;
  if (/[?\uFFFD]/.test(out)) {
    for (const form of slipped()) {
      out = out.replace(form.pattern, () => {
        add(counts, 'H');
        return form.clean;
      });
    }
    out = out.replace(LEAKED_TAG, (m, offset: number, all: string) => {
      // Only after Chinese text: `?a>` in English is punctuation, not a lost `<`.
      if (!isHan(all.charAt(offset - 1)) && !/[\u3000-\u303f\uff00-\uffef]/.test(all.charAt(offset - 1))) return m;
      add(counts, 'H');
      return '';
    });
    if (pinyinPage)
      out = out.replace(BROKEN_NOTE, (m, offset: number, all: string) => {
        if (!isHan(all.charAt(offset - 1))) return m;
        add(counts, 'H');
        return LOST_MARK;
      });
  }
  return out;
}

// ---- I: pinyin readings after characters -------------------------------------------------

const NOTE = new RegExp(`([\\u3400-\\u9fff])[(（](${SYLLABLE}|[a-zü]{1,6})[)）]`, 'g');
const TONED = new RegExp(`^${SYLLABLE}$`);

export interface PinyinStats {
  notes: number;
  traditionalOnly: number;
}

/** Counts tone-marked readings after Han characters, and how many follow Traditional-only ones. */
export function pinyinStats(text: string, into: PinyinStats = { notes: 0, traditionalOnly: 0 }): PinyinStats {
  const gb = gb2312Set();
  for (const m of text.matchAll(NOTE)) {
    if (!TONED.test(m[2])) continue;
    into.notes++;
    if (!gb.has(m[1])) into.traditionalOnly++;
  }
  return into;
}

/** Pinyin spam: many readings, mostly after Traditional-only characters (a converter's output). */
export function isPinyinSpam(stats: PinyinStats): boolean {
  return stats.notes >= 5 && stats.traditionalOnly / stats.notes >= 0.6;
}

/** Removes readings after Han characters on a page judged to be pinyin spam. */
export function stripPinyin(text: string, counts: TextRepair['counts'] = {}): string {
  const gb = gb2312Set();
  return text.replace(NOTE, (m, han: string, syl: string) => {
    // Toneless syllables (們(men)) only after Traditional-only characters.
    if (!TONED.test(syl) && gb.has(han)) return m;
    add(counts, 'I');
    return han;
  });
}

// ---- everything, in order ----------------------------------------------------------------

export interface RepairOptions extends MojibakeContext {
  /** The page is pinyin spam (decided over the whole page). */
  pinyinPage?: boolean;
}

const MAYBE_ASCII_WORK = /&#|\\u[0-9a-fA-F]{4}|%[0-9A-Fa-f]{2}|[?(（]|烫烫烫|屯屯屯/;

/** Text that no class can change: only ASCII, spaces and common characters, nothing to decode. */
function plainlyClean(text: string): boolean {
  if (MAYBE_ASCII_WORK.test(text)) return false;
  const set = commonSet();
  for (const c of text) if (c > '\u007f' && c !== '\u00a0' && c !== '\u3000' && !set.has(c)) return false;
  return true;
}

/** Runs every text class in order: G, A/B/E/F, D, H, I. */
export function repairText(text: string, options: RepairOptions = {}): TextRepair {
  const counts: TextRepair['counts'] = {};
  if (plainlyClean(text)) return { text, counts };
  let out = decodeReferences(text, counts, options);
  out = repairMojibake(out, counts, options);
  out = markLost(out, counts);
  out = repairSlips(out, counts, options.pinyinPage);
  if (options.pinyinPage) out = stripPinyin(out, counts);
  return { text: out, counts };
}

export { decodeCp1252 };

/**
 * Repairs the texts of one page: a second pass gives short runs the evidence of the whole page
 * (a lone `骞�` between digits is repaired when the page has clear class A text elsewhere).
 */
export function repairTexts(texts: readonly string[], options: Pick<RepairOptions, 'pinyinPage'> = {}): TextRepair[] {
  const pending: number[] = [];
  const pageClasses = new Set<RepairClass>();
  const results = texts.map((text, i) => {
    const context: RepairOptions = { ...options };
    const r = repairText(text, context);
    if (context.pending) pending.push(i);
    for (const k of Object.keys(r.counts) as RepairClass[]) pageClasses.add(k);
    return r;
  });
  if (pageClasses.size) for (const i of pending) results[i] = repairText(texts[i], { ...options, pageClasses });
  return results;
}
