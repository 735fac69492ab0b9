/**
 * Writes converted text into a document and puts the original back exactly. Every text node and
 * attribute written is remembered in WeakMaps (its original and the value written), so 原文
 * restores byte for byte, a new target converts from the original, and a value Qingdu wrote is
 * never written again. One batched MutationObserver (with a maximum wait) converts what the page
 * adds or changes, across the document, its open shadow roots and same-origin iframes.
 * Must never touch script/style/code/pre, form values, editable regions, translate="no",
 * .notranslate or ja/ko subtrees, and never write outside a conversion the reader asked for.
 */

export type TextConverter = (text: string) => string;

/** Attributes a reader sees or hears, converted with the text. */
export const ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'] as const;

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'code', 'pre', 'kbd', 'samp', 'textarea', 'xmp']);
const NON_CHINESE_LANG = /^(ja|ko|jp|kr)(-|$)/i;
/** The longest a mutation waits before it is converted, ms. */
export const MAX_WAIT_MS = 30;
/**
 * Work done before yielding to the page while converting a large document, ms. Each yield lets
 * the page render a half-converted frame, which costs more than the slice, so an article of
 * ordinary length is written in one slice, well under a 50 ms long task.
 */
const SLICE_MS = 30;

/** Whether nothing inside `el` (text or attributes) may be converted. */
export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName) && el.localName !== 'textarea') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (el.getAttribute('translate')?.toLowerCase() === 'no') return true;
  if (el.classList.contains('notranslate')) return true;
  const lang = el.getAttribute('lang');
  return !!lang && NON_CHINESE_LANG.test(lang);
}

function skipsChildren(el: Element): boolean {
  return el.localName === 'textarea' || isSkipped(el);
}

/** Whether `node` sits inside a region that must not be converted (crossing shadow roots). */
export function insideSkipped(node: Node): boolean {
  let n: Node | null = node.parentNode;
  while (n) {
    if (n.nodeType === 1 && skipsChildren(n as Element)) return true;
    if (n.nodeType === 11) n = (n as ShadowRoot).host ?? null;
    else n = n.parentNode;
  }
  return false;
}

interface Work {
  texts: Text[];
  elements: Element[];
  /** Documents whose root gets the target's lang tag. */
  docs: Document[];
}

const newWork = (): Work => ({ texts: [], elements: [], docs: [] });

const sleep = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class DomConverter {
  private orig = new WeakMap<Text, string>();
  private written = new WeakMap<Text, string>();
  private origAttr = new WeakMap<Element, Map<string, string>>();
  private writtenAttr = new WeakMap<Element, Map<string, string>>();
  /** Documents and shadow roots being watched. */
  private roots = new Set<Document | ShadowRoot>();
  private framesSeen = new WeakSet<Element>();
  /** Root elements whose `lang` was set, with the attribute they had (null: none). */
  private langs = new Map<Element, string | null>();
  private observer?: MutationObserver;
  private convertFn?: TextConverter;
  private langTag = '';
  private cache = new Map<string, string>();
  private pending: MutationRecord[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** What `prepare` collected while the dictionary loads, valid for its generation only. */
  private prepared: { generation: number; work: Work } | undefined;
  /**
   * True while the page is shown through answers computed elsewhere for the texts `prepare`
   * found: such a converter knows only those texts, so page changes wait for `replaceConverter`.
   */
  private interim = false;
  /** Frames that loaded while interim, converted once the real converter is in. */
  private framesWaiting: HTMLIFrameElement[] = [];
  /** Times a node changed back after Qingdu wrote it and was left alone (loop guard). */
  conflicts = 0;
  /** Mutation batches converted, and the largest batch. */
  batches = 0;

  constructor(private doc: Document) {}

  get active(): boolean {
    return !!this.convertFn;
  }

  /**
   * Finds what a first conversion will write while its dictionary is still loading, and starts
   * watching, so changes the page makes meanwhile are converted too. Writes nothing.
   */
  prepare(): void {
    if (this.convertFn) return;
    this.watch(this.doc);
    const work = newWork();
    this.collectDocument(this.doc, work);
    this.prepared = { generation: this.generation, work };
  }

  /**
   * The distinct texts and attribute values `prepare` found, for converting elsewhere; undefined
   * when nothing is prepared or they add up to more than `maxChars`.
   */
  preparedTexts(maxChars: number): string[] | undefined {
    const work = this.prepared?.generation === this.generation ? this.prepared.work : undefined;
    if (!work) return undefined;
    const texts = new Set<string>();
    let chars = 0;
    const add = (value: string | null) => {
      if (value === null || texts.has(value) || !value.trim()) return;
      texts.add(value);
      chars += value.length;
    };
    for (const t of work.texts) add(t.data);
    for (const el of work.elements) for (const name of ATTRIBUTES) add(el.getAttribute(name));
    return chars <= maxChars ? [...texts] : undefined;
  }

  /** Drops what `prepare` found (the dictionary did not load); stops watching if not converting. */
  unprepare(): void {
    this.prepared = undefined;
    if (this.convertFn) return;
    this.pending = [];
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = new WeakSet();
  }

  /**
   * Converts the document with `convert` and tags its root with `langTag`. Large documents are
   * converted in slices so the page stays responsive; resolves when every slice is written.
   */
  async apply(convert: TextConverter, langTag: string, opts: { interim?: boolean } = {}): Promise<void> {
    const prepared = this.prepared?.generation === this.generation && !this.convertFn ? this.prepared.work : undefined;
    this.prepared = undefined;
    const gen = ++this.generation;
    this.convertFn = convert;
    this.interim = !!opts.interim && !!prepared;
    this.langTag = langTag;
    this.cache.clear();
    this.watch(this.doc);
    const work = prepared ?? newWork();
    if (!prepared) this.collectDocument(this.doc, work);
    let start = performance.now();
    const total = work.texts.length + work.elements.length;
    for (let i = 0; i < total; i++) {
      if ((i & 15) === 0 && i && performance.now() - start > SLICE_MS) {
        this.settleOwnRecords();
        await sleep();
        if (gen !== this.generation) return;
        start = performance.now();
      }
      if (i < work.texts.length) this.convertText(work.texts[i]);
      else this.convertAttributes(work.elements[i - work.texts.length]);
    }
    // The root's lang last: changing it restyles the whole page, which a frame rendered between
    // slices would otherwise pay for too.
    for (const doc of work.docs) this.tagRoot(doc);
    this.settleOwnRecords();
    // Changes made while the dictionary loaded wait in `pending`.
    if (this.pending.length && this.timer === undefined) this.timer = setTimeout(() => this.flush(), MAX_WAIT_MS);
  }

  /**
   * Swaps an interim converter for the real one and converts what the page changed meanwhile.
   * Does nothing when the conversion it belonged to has ended or been replaced.
   */
  replaceConverter(convert: TextConverter, generation: number): void {
    if (!this.interim || generation !== this.generation || !this.convertFn) return;
    this.interim = false;
    this.convertFn = convert;
    this.cache.clear();
    const frames = this.framesWaiting;
    this.framesWaiting = [];
    for (const frame of frames) this.convertFrame(frame);
    if (this.pending.length) this.flush();
  }

  /** The current conversion's number, for `replaceConverter`. */
  get generationNow(): number {
    return this.generation;
  }

  /** Puts back every original this converter wrote and stops watching. */
  revert(): void {
    this.generation++;
    this.prepared = undefined;
    this.interim = false;
    this.framesWaiting = [];
    this.convertFn = undefined;
    this.cache.clear();
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = new WeakSet();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    for (const root of this.roots) this.restoreTree(root);
    this.roots.clear();
    for (const [el, lang] of this.langs) {
      if (lang === null) el.removeAttribute('lang');
      else el.setAttribute('lang', lang);
    }
    this.langs.clear();
  }

  /** The text of `root` with Qingdu's conversion undone (what the page itself says). */
  originalText(root: Node): string {
    if (root.nodeType === 3) return this.originalOf(root as Text);
    let out = '';
    const walker = (root.ownerDocument ?? this.doc).createTreeWalker(root, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out += this.originalOf(n as Text);
    return out;
  }

  /** A text node's original, if its text is still what Qingdu wrote; else its text. */
  originalOf(node: Text): string {
    const w = this.written.get(node);
    return w !== undefined && node.data === w ? (this.orig.get(node) as string) : node.data;
  }

  /** Puts back one text node's original if Qingdu's text is still there. Returns whether it wrote. */
  restoreText(node: Text): boolean {
    const w = this.written.get(node);
    if (w === undefined) return false;
    const wrote = node.data === w;
    if (wrote) node.data = this.orig.get(node) as string;
    this.written.delete(node);
    this.orig.delete(node);
    this.settleOwnRecords();
    return wrote;
  }

  /**
   * Converts part of a text node (for a selection), remembering the original for 原文.
   * Returns whether it wrote.
   */
  convertRange(node: Text, start: number, end: number, convert: TextConverter): boolean {
    const data = node.data;
    const out = data.slice(0, start) + convert(data.slice(start, end)) + data.slice(end);
    if (out === data) return false;
    const source = this.originalOf(node);
    this.watchRootOf(node);
    this.orig.set(node, source);
    this.written.set(node, out);
    node.data = out;
    this.settleOwnRecords();
    return true;
  }

  private convertCached(s: string): string {
    const fn = this.convertFn as TextConverter;
    if (s.length > 256) return fn(s);
    let out = this.cache.get(s);
    if (out === undefined) {
      if (this.cache.size > 20_000) this.cache.clear();
      out = fn(s);
      this.cache.set(s, out);
    }
    return out;
  }

  private convertText(node: Text): void {
    const data = node.data;
    if (!data.trim()) return;
    const w = this.written.get(node);
    const ours = w !== undefined && data === w;
    // Text the page wrote over ours is the new original.
    const source = ours ? (this.orig.get(node) as string) : data;
    const out = this.convertCached(source);
    if (out === data) {
      if (!ours) {
        this.orig.delete(node);
        this.written.delete(node);
      }
      return;
    }
    if (!ours && w !== undefined && out === w) {
      // Changed back after Qingdu wrote it: writing the same value again could loop with the
      // page or another extension, so this node is left as the page has it.
      this.conflicts++;
      return;
    }
    if (out === source) {
      this.orig.delete(node);
      this.written.delete(node);
    } else {
      this.orig.set(node, source);
      this.written.set(node, out);
    }
    node.data = out;
  }

  private convertAttributes(el: Element): void {
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value === null || !value.trim()) continue;
      const written = this.writtenAttr.get(el);
      const w = written?.get(name);
      const ours = w !== undefined && value === w;
      const source = ours ? (this.origAttr.get(el)?.get(name) as string) : value;
      const out = this.convertCached(source);
      if (out === value) continue;
      if (!ours && w !== undefined && out === w) {
        this.conflicts++;
        continue;
      }
      let origs = this.origAttr.get(el);
      if (!origs) this.origAttr.set(el, (origs = new Map()));
      let writes = written;
      if (!writes) this.writtenAttr.set(el, (writes = new Map()));
      if (out === source) {
        origs.delete(name);
        writes.delete(name);
      } else {
        origs.set(name, source);
        writes.set(name, out);
      }
      el.setAttribute(name, out);
    }
  }

  private collectDocument(doc: Document, work: Work): void {
    const root = doc.documentElement;
    if (!root || doc.designMode === 'on') return;
    work.docs.push(doc);
    this.collect(root, work);
  }

  private tagRoot(doc: Document): void {
    const root = doc.documentElement;
    if (!root) return;
    if (!this.langs.has(root)) this.langs.set(root, root.getAttribute('lang'));
    if (root.getAttribute('lang') !== this.langTag) root.setAttribute('lang', this.langTag);
  }

  /** Gathers the text nodes and attribute-bearing elements under `node` that may be converted. */
  private collect(node: Node, work: Work): void {
    if (node.nodeType === 3) {
      work.texts.push(node as Text);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (isSkipped(el)) return;
      if (el.hasAttributes()) work.elements.push(el);
      if (el.localName === 'textarea') return;
      const shadow = (el as HTMLElement).shadowRoot;
      if (shadow) {
        this.watch(shadow);
        this.collect(shadow, work);
      }
      if (el.localName === 'iframe' || el.localName === 'frame') this.collectFrame(el as HTMLIFrameElement, work);
    }
    for (let c = node.firstChild; c; c = c.nextSibling) this.collect(c, work);
  }

  private collectFrame(frame: HTMLIFrameElement, work: Work): void {
    if (!this.framesSeen.has(frame)) {
      this.framesSeen.add(frame);
      // A frame that loads (or navigates) later is converted when it has loaded.
      frame.addEventListener('load', () => {
        if (!this.convertFn) return;
        if (this.interim) this.framesWaiting.push(frame);
        else this.convertFrame(frame);
      });
    }
    let doc: Document | null = null;
    try {
      doc = frame.contentDocument;
    } catch {
      doc = null; // cross-origin
    }
    if (!doc || !doc.documentElement) return;
    this.watch(doc);
    this.collectDocument(doc, work);
  }

  private convertFrame(frame: HTMLIFrameElement): void {
    const later = newWork();
    this.collectFrame(frame, later);
    this.writeAll(later);
  }

  private writeAll(work: Work): void {
    for (const doc of work.docs) this.tagRoot(doc);
    for (const t of work.texts) this.convertText(t);
    for (const el of work.elements) this.convertAttributes(el);
    this.settleOwnRecords();
  }

  private watchRootOf(node: Node): void {
    const root = node.getRootNode();
    if (root.nodeType === 9 || root.nodeType === 11) this.roots.add(root as Document | ShadowRoot);
  }

  private watch(root: Document | ShadowRoot): void {
    if (!this.observer) this.observer = new MutationObserver((records) => this.enqueue(records));
    if (this.observed.has(root)) return;
    this.roots.add(root);
    this.observed.add(root);
    this.observer.observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...ATTRIBUTES],
    });
  }

  private observed = new WeakSet<Node>();

  /** Own writes produce records too; they are recognised and dropped here. */
  private settleOwnRecords(): void {
    const records = this.observer?.takeRecords();
    if (records?.length) this.enqueue(records);
  }

  private isOwn(r: MutationRecord): boolean {
    if (r.type === 'characterData') {
      const t = r.target as Text;
      return this.written.get(t) === t.data;
    }
    if (r.type === 'attributes') {
      const el = r.target as Element;
      const name = r.attributeName as string;
      const value = el.getAttribute(name);
      return value === null || this.writtenAttr.get(el)?.get(name) === value;
    }
    return r.addedNodes.length === 0;
  }

  private enqueue(records: MutationRecord[]): void {
    if (!this.convertFn && !this.prepared) return;
    for (const r of records) if (!this.isOwn(r)) this.pending.push(r);
    // A batch waits at most MAX_WAIT_MS from its first change, however busy the page is.
    if (this.convertFn && this.pending.length && this.timer === undefined) this.timer = setTimeout(() => this.flush(), MAX_WAIT_MS);
  }

  /** Converts everything the page added or changed since the last batch. */
  flush(): void {
    this.timer = undefined;
    const more = this.observer?.takeRecords() ?? [];
    const records = this.pending.concat(more.filter((r) => !this.isOwn(r)));
    this.pending = [];
    if (!this.convertFn || !records.length) return;
    // An interim converter knows only the texts it was given: changes wait for the real one.
    if (this.interim) {
      this.pending = records;
      return;
    }
    this.batches++;
    const work = newWork();
    const seen = new Set<Node>();
    const skipCache = new Map<Node, boolean>();
    const skipped = (node: Node) => {
      const parent = node.parentNode;
      if (!parent) return true;
      let v = skipCache.get(parent);
      if (v === undefined) skipCache.set(parent, (v = node.isConnected ? insideSkipped(node) : true));
      return v;
    };
    for (const r of records) {
      if (r.type === 'characterData') {
        const t = r.target as Text;
        if (!seen.has(t) && !skipped(t)) work.texts.push(t);
        seen.add(t);
      } else if (r.type === 'attributes') {
        const el = r.target as Element;
        if (!seen.has(el) && el.isConnected && !isSkipped(el) && !insideSkipped(el)) work.elements.push(el);
        seen.add(el);
      } else {
        for (const node of r.addedNodes) {
          if (seen.has(node) || !node.isConnected) continue;
          seen.add(node);
          if (skipped(node)) continue;
          this.collect(node, work);
        }
      }
    }
    this.writeAll(work);
  }

  private restoreTree(root: Document | ShadowRoot): void {
    const start = root.nodeType === 9 ? (root as Document).documentElement : root;
    if (!start) return;
    const stack: Node[] = [start];
    while (stack.length) {
      const node = stack.pop() as Node;
      if (node.nodeType === 3) {
        const t = node as Text;
        const w = this.written.get(t);
        if (w !== undefined) {
          if (t.data === w) t.data = this.orig.get(t) as string;
          this.written.delete(t);
          this.orig.delete(t);
        }
        continue;
      }
      if (node.nodeType === 1) {
        const el = node as Element;
        const writes = this.writtenAttr.get(el);
        if (writes) {
          const origs = this.origAttr.get(el);
          for (const [name, w] of writes) {
            if (el.getAttribute(name) === w) el.setAttribute(name, origs?.get(name) as string);
          }
          this.writtenAttr.delete(el);
          this.origAttr.delete(el);
        }
        // Shadow roots and frames are restored as roots of their own.
      }
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
}
