/** Shapes shared by detection and everything that acts on what it finds. */

export type PageKind = 'article' | 'gov' | 'none';

/** One signal that fired, with its weight, shown to the reader as a reason. */
export interface Signal {
  id: string;
  /** Short human label in Chinese, e.g. `网站标识码 4200000059`. */
  label: string;
  weight: number;
  /** The part of `weight` that says "government site" (absent: none). */
  gov?: number;
  /** The part of `weight` that says "article" (negative: "list page"; absent: none). */
  article?: number;
}

/** What Qingdu reads off an article page; fields are absent when the page does not say. */
export interface ArticleMeta {
  title?: string;
  /** ISO 8601, e.g. `2020-10-22T14:20:14+08:00` or `2020-10-22`. */
  publishedAt?: string;
  source?: string;
  siteName?: string;
  agency?: string;
  /** 文号, e.g. `国办发〔2017〕47号`. */
  docNumber?: string;
  canonicalUrl: string;
}

export interface Detection {
  kind: PageKind;
  score: number;
  reasons: Signal[];
  meta: ArticleMeta;
  /** The article body element, when one was found. */
  body: Element | null;
  /** Sum of the "government site" weights; `kind` is not `none` from GOV_MIN up. */
  govScore?: number;
  /** Sum of the "article" weights; a government page is an article from ARTICLE_MIN up. */
  articleScore?: number;
}
