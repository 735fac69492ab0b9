/**
 * 简体 ↔ 繁體 display as a page feature: applies the site rule or default on start, answers
 * setScript / cycleScript / convertSelection, reports the script, and restores the page on stop.
 * Loads a dictionary only when a conversion is needed, and leaves a page already in the
 * target script alone. Must never convert from converted text, nor write outside the page it runs in.
 */
import type { Feature, PageContext } from '../page/feature';
import type { ContentMessage, PageState } from '../messages';
import type { ScriptTarget, Settings, UserPhrase } from '../settings';
import { userPhrasesItem } from '../storage';
import type { ConfigName } from './configs';
import { detectScriptOfText, detectTraditionalRegion, type SourceScript } from './detect';
import { DomConverter, insideSkipped, type TextConverter } from './dom';
import { dictionaryReady, fetchDictionary } from './load';
import { textConverter, type ConverterOptions } from './converter';
import { REMOTE_MAX_CHARS, REMOTE_WAIT_MS, backgroundConverter, knownTexts, type BackgroundConverter, type RemoteConvert } from './remote';

export const LANG_TAGS: Record<Exclude<ScriptTarget, 'original'>, string> = {
  cn: 'zh-Hans',
  tw: 'zh-Hant-TW',
  hk: 'zh-Hant-HK',
};

export interface ConvertOptions extends ConverterOptions {
  region?: Settings['region'];
  twPhrases?: boolean;
  /** The page's script; detected from its original text when not given. */
  source?: SourceScript;
  /** Region of a Traditional page; detected from lang and host when not given. */
  sourceRegion?: 'tw' | 'hk';
  /**
   * Converts texts with a converter kept elsewhere (the background), for the first conversion
   * of the page; raced against loading the page's own dictionary.
   */
  remote?: RemoteConvert;
}

/** The opencc configuration that takes a page in `source` to `target`; null: leave it as it is. */
export function configFor(
  target: ScriptTarget,
  source: SourceScript,
  opts: { twPhrases?: boolean; sourceRegion?: 'tw' | 'hk' } = {},
): ConfigName | null {
  if (target === 'original') return null;
  if (target === 'cn') return source === 'hant' ? (opts.sourceRegion === 'hk' ? 'hk2s' : 'tw2s') : null;
  if (source === 'hant') return null;
  if (target === 'hk') return 's2hk';
  return opts.twPhrases ? 's2twp' : 's2tw';
}

const engines = new WeakMap<Document, DomConverter>();

function engineFor(doc: Document): DomConverter {
  let e = engines.get(doc);
  if (!e) engines.set(doc, (e = new DomConverter(doc)));
  return e;
}

/** The script of the page as it came (conversion undone). */
export function pageSourceScript(doc: Document): SourceScript {
  const text = (doc.body ? textInPageScript(doc.body) : '').slice(0, 20_000) + doc.title;
  const byText = detectScriptOfText(text);
  if (byText !== 'unknown') return byText;
  const lang = (engineFor(doc).active ? '' : doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  if (/^zh-(hant|tw|hk|mo)\b/.test(lang)) return 'hant';
  if (/^zh-(hans|cn|sg)\b/.test(lang)) return 'hans';
  return 'unknown';
}

interface FirstConverter {
  convert: TextConverter;
  /** True: the background's answers for the prepared texts, to be replaced by `loading`. */
  interim: boolean;
  /** The page's own converter. */
  loading: Promise<TextConverter>;
  /** Lets the page's own dictionary be parsed (held while the background answers). */
  letParse: () => void;
}

/**
 * Prepares `engine` (walks the page) and finds the converter to write with: the page's own, or
 * on a first conversion, whichever comes first of the page's own and the background's answers
 * for the texts just found.
 */
async function firstConverter(engine: DomConverter, config: ConfigName, opts: ConvertOptions): Promise<FirstConverter> {
  const ask = !!opts.remote && !dictionaryReady(config) && (opts.remote.available?.() ?? true);
  let letParse = () => {};
  const parseGate = ask ? new Promise<void>((resolve) => (letParse = resolve)) : undefined;
  // Without a background to ask, the fetch starts before the walk; with one, after the texts
  // are sent (starting a fetch costs the page a few ms).
  let loading = ask ? undefined : textConverter(config, opts);
  engine.prepare();
  const texts = ask ? engine.preparedTexts(REMOTE_MAX_CHARS) : undefined;
  const remote =
    texts && opts.remote
      ? opts.remote(config, texts, opts.userPhrases ?? []).then(
          (out) => knownTexts(texts, out),
          () => undefined,
        )
      : undefined;
  loading ??= textConverter(config, { ...opts, parseNotBefore: parseGate });
  const local = loading.then((convert) => ({ convert, interim: false }));
  if (!remote) {
    letParse();
    return { ...(await local), loading, letParse };
  }
  const timer = setTimeout(letParse, REMOTE_WAIT_MS);
  // Parse as soon as the background fails; when it answers, after its answer is written.
  void remote.then((convert) => {
    if (convert) clearTimeout(timer);
    else letParse();
  });
  const first = await Promise.race([local, remote.then((convert) => (convert ? { convert, interim: true } : local))]);
  return { ...first, loading, letParse };
}

/**
 * Shows `doc` in `target`, converting from the original text. Returns the configuration used,
 * or null when the page is left as it came (原文, or already in the target script).
 */
export async function applyConversion(doc: Document, target: ScriptTarget, opts: ConvertOptions = {}): Promise<ConfigName | null> {
  const source = opts.source ?? pageSourceScript(doc);
  const sourceRegion = opts.sourceRegion ?? detectTraditionalRegion(doc, new URL(doc.URL));
  const config = configFor(target, source, { twPhrases: opts.twPhrases, sourceRegion });
  const engine = engineFor(doc);
  if (!config || target === 'original') {
    engine.revert();
    return null;
  }
  // The page is walked while the dictionary loads; nothing is written until it has.
  let first: FirstConverter;
  try {
    first = await firstConverter(engine, config, opts);
  } catch (error) {
    engine.unprepare();
    throw error;
  }
  const applying = engine.apply(first.convert, LANG_TAGS[target], { interim: first.interim });
  const generation = engine.generationNow;
  // The page's own parse waits for the next task, so the reply that the page is converted goes first.
  await applying.finally(() => setTimeout(first.letParse, 0));
  if (first.interim) {
    first.loading.then(
      (convert) => engine.replaceConverter(convert, generation),
      (error: unknown) => console.warn('Qingdu: the page could not load its conversion dictionary', error),
    );
  }
  return config;
}

/** Puts back the page's own text, attributes and lang, exactly. */
export function revertConversion(doc: Document): void {
  engines.get(doc)?.revert();
}

/** The text of `root` with conversion undone, for saving articles in the page's own script. */
export function textInPageScript(root: Element): string {
  const engine = engines.get(root.ownerDocument);
  return engine ? engine.originalText(root) : (root.textContent ?? '');
}

/** Converts the selected text in place (revertible with 原文). Returns how many nodes changed. */
export async function convertSelection(doc: Document, target: ScriptTarget, opts: ConvertOptions = {}): Promise<number> {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return 0;
  const engine = engineFor(doc);
  const pieces: { node: Text; start: number; end: number }[] = [];
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    const rootNode = range.commonAncestorContainer;
    const nodes: Text[] = [];
    if (rootNode.nodeType === 3) nodes.push(rootNode as Text);
    else {
      const walker = doc.createTreeWalker(rootNode, 4 /* SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) nodes.push(n as Text);
    }
    for (const node of nodes) {
      if (insideSkipped(node)) continue;
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      if (end > start) pieces.push({ node, start, end });
    }
  }
  if (target === 'original') {
    let n = 0;
    for (const p of pieces) if (engine.restoreText(p.node)) n++;
    return n;
  }
  // A selection is converted whatever the page's script: the reader asked for this text.
  const config = configFor(target, target === 'cn' ? 'hant' : 'hans', opts) as ConfigName;
  const convert = await textConverter(config, opts);
  let n = 0;
  for (const p of pieces) if (engine.convertRange(p.node, p.start, p.end, convert)) n++;
  return n;
}

/** The next script in the cycle 原文 → 简体 → 繁體 (the reader's region) → 原文. */
export function nextScript(current: ScriptTarget, region: Settings['region']): ScriptTarget {
  if (current === 'original') return 'cn';
  if (current === 'cn') return region;
  return 'original';
}

/** Keeps well-formed phrase tables only; storage may hold anything. */
function phraseList(value: unknown): readonly UserPhrase[] {
  return Array.isArray(value) ? value : [];
}

export function createConvertFeature(remote?: BackgroundConverter): Feature & { readonly current: ScriptTarget } {
  let current: ScriptTarget = 'original';
  let source: SourceScript = 'unknown';
  let doc: Document | undefined;
  let page: PageContext | undefined;
  let userPhrases: readonly UserPhrase[] = [];
  let unwatch: (() => void) | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function readPhrases(): Promise<readonly UserPhrase[]> {
    try {
      return phraseList(await userPhrasesItem.getValue());
    } catch {
      return [];
    }
  }

  function options(page: PageContext): ConvertOptions {
    return {
      region: page.settings.region,
      twPhrases: page.settings.twPhrases,
      userPhrases,
      source,
      sourceRegion: detectTraditionalRegion(page.doc, page.url),
      remote,
    };
  }

  /** Requests run one after another, so a quick 简体 → 繁體 → 原文 ends in 原文. */
  function set(target: ScriptTarget, page: PageContext): Promise<unknown> {
    const run = queue.then(async () => {
      current = target;
      await applyConversion(page.doc, target, options(page));
    });
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    name: 'convert',
    get current() {
      return current;
    },
    async start(p) {
      doc = p.doc;
      page = p;
      source = pageSourceScript(p.doc);
      // The phrase table is read once and kept current, so a conversion never waits on storage;
      // a change shows at once on a converted page.
      unwatch?.();
      let changed = false;
      unwatch = userPhrasesItem.watch((value) => {
        changed = true;
        userPhrases = phraseList(value);
        if (page && current !== 'original') set(current, page).catch(() => undefined);
      });
      const read = await readPhrases();
      if (!changed) userPhrases = read;
      // The background gets ready the conversion the reader's 简体/繁體 would ask for here.
      const likely = configFor(source === 'hant' ? 'cn' : p.settings.region, source, options(p));
      if (likely && remote) remote.warm(likely, [...userPhrases]).catch(() => undefined);
      const target = p.rule.script ?? p.settings.script;
      if (target && target !== 'original') await set(target, p);
    },
    describe(state: PageState) {
      state.script = { current, source };
    },
    async handle(msg: ContentMessage, p: PageContext) {
      page = p;
      if (msg.type === 'setScript') {
        // The dictionary is on its way even while an earlier request finishes.
        const config = configFor(msg.script, source, options(p));
        if (config && !remote) fetchDictionary(config).catch(() => undefined);
        await set(msg.script, p);
        return true;
      }
      if (msg.type === 'cycleScript') {
        await set(nextScript(current, p.settings.region), p);
        return true;
      }
      if (msg.type === 'convertSelection') {
        await convertSelection(p.doc, msg.script, options(p));
        return true;
      }
      return undefined;
    },
    stop() {
      unwatch?.();
      unwatch = undefined;
      page = undefined;
      if (doc) revertConversion(doc);
      current = 'original';
    },
  };
}

export const convertFeature = createConvertFeature(backgroundConverter());
