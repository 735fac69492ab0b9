/**
 * The detection rules as data: every signal Qingdu weighs, in one table, with its weights.
 * A rule reads one fact (see facts.ts) and fires on a regex match, on a number reaching `min`,
 * or, with neither, on a non-empty fact. Rules never touch the page themselves.
 */

/** What detection knows about a page; each group costs more to read than the one before. */
export interface Facts {
  // Free: from the URL.
  host: string;
  /** host + path + query. */
  url: string;
  // Cheap: <head> meta tags and the title.
  /** `SiteIDCode` meta. */
  siteId: string;
  /** Site names: SiteName / og:site_name meta and the title's site-name parts. */
  names: string;
  /** How many of the State Council's standard gov meta tags the page carries. */
  govMeta: number;
  /** `ArticleTitle` meta. */
  artMeta: string;
  /** `PubDate` / `firstpublishedtime` meta. */
  pubMeta: string;
  // Bounded DOM reads, for Chinese pages: badge scripts and the last text of the page.
  /** `conac` (党政机关网站标识) or `jiucuo` (政府网站找错) when the page carries them. */
  badge: string;
  /** The last ~2,000 characters of text (the footer). */
  tail: string;
  // Only on pages already known to be government pages.
  /** The first ~12,000 characters of text (breadcrumb, info line, tools). */
  top: string;
  /** The known body container that matched, e.g. `#zoom`. */
  container: string;
  /** Characters of text in the known body container. */
  containerChars: number;
  /** Characters of non-link text in the article body. */
  bodyChars: number;
  /** Paragraphs of at least 15 characters in the article body. */
  paras: number;
  /** Links outside the body that sit next to a date (list items). */
  datedLinks: number;
  /** Taiwan's `:::` accesskey link. */
  accesskey: string;
}

export type FactName = keyof Facts;

/** Which facts are read in which stage: 0 free/cheap, 1 Chinese pages, 2 government pages. */
export const STAGE: Record<FactName, 0 | 1 | 2> = {
  host: 0,
  url: 0,
  siteId: 0,
  names: 0,
  govMeta: 0,
  artMeta: 0,
  pubMeta: 0,
  badge: 1,
  tail: 1,
  top: 2,
  container: 2,
  containerChars: 2,
  bodyChars: 2,
  paras: 2,
  datedLinks: 2,
  accesskey: 2,
};

export interface Rule {
  id: string;
  fact: FactName;
  /** Fires when the (string) fact matches; group 1, else the match, fills `$` in the label. */
  re?: RegExp;
  /** With `re`: fires when a non-empty fact does NOT match. */
  not?: boolean;
  /** Fires when the (numeric) fact is at least this. */
  min?: number;
  /** Weight towards "a government site". */
  gov?: number;
  /**
   * A sign of a government CMS rather than of a government: commercial sites copy the templates,
   * so all weak gov weights together count for at most WEAK_MAX.
   */
  weak?: true;
  /** Weight towards "an article" (negative: towards "a list page"). */
  art?: number;
  /** The reason shown to the reader; `$` is what matched. */
  label: string;
}

/** A page is a government page from this gov score up. */
export const GOV_MIN = 40;
/** The most that weak signals add to the gov score. */
export const WEAK_MAX = 20;
/** A government page is an article from this article score up. */
export const ARTICLE_MIN = 30;

/** SiteIDCode: a province-level division code and 8 more digits, or bm + 8 digits (ministries). */
export const SITE_ID = /^(?:(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])\d{8}|bm\d{8})$/i;

/** Names of CPPCC, people's congress and government bodies, as site names carry them. */
const BODY_NAME =
  /[省市州县縣区區盟旗国國](?:政[协協]|人大)|(?:政[协協]|人大)(?:[网網]|常委)|政治[协協]商|人民代表大[会會]|人民政府|[省市州县縣区區]政府/;

/** How the names of government bodies end. */
export const ORG = '(?:政府|委[员員][会會]|政[协協]|人大|常委[会會]|办公[厅室]|辦公[廳室]|[厅廳局])';

/** The body that runs the site, named in the footer before or after 主办 / 版权所有. */
export const FOOT_HOST = new RegExp(`(?:主[办辦]|版[权權]所有)(?:单位|單位)?\\s*[：:]?\\s*(\\S{0,24}${ORG})|(\\S{2,30}${ORG})\\s*(?:主[办辦]|版[权權]所有)`);

export const RULES: Rule[] = [
  // Host
  { id: 'host', fact: 'host', re: /^(?:.+\.)?gov\.(?:cn|hk|tw|mo)$/, gov: 50, label: '政府网站域名 $' },
  // Standard gov meta tags; SiteIDCode: 6-digit division code + 4 digits, or bm + 8 digits
  {
    id: 'site-id',
    fact: 'siteId',
    re: SITE_ID,
    gov: 50,
    label: '网站标识码 $',
  },
  { id: 'site-id-bad', fact: 'siteId', re: SITE_ID, not: true, gov: -15, label: '网站标识码格式不符 $' },
  { id: 'gov-meta', fact: 'govMeta', min: 3, gov: 15, label: '政府网站规范元标签 $ 个' },
  { id: 'name', fact: 'names', re: BODY_NAME, gov: 20, label: '机构名称 $' },
  { id: 'art-meta', fact: 'artMeta', art: 20, label: '文章标题元标签' },
  { id: 'pub-meta', fact: 'pubMeta', art: 15, label: '发布时间元标签 $' },
  // URL shapes of the common government CMSs
  { id: 'url-trs', fact: 'url', re: /\/t(?:19|20)\d{6}_\d+\.s?html?$/, gov: 10, weak: true, art: 30, label: 'TRS 文章网址' },
  { id: 'url-hanweb', fact: 'url', re: /\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html$/, gov: 10, weak: true, art: 30, label: '大汉文章网址' },
  { id: 'url-content', fact: 'url', re: /\/content_\d+\.s?html?$/, gov: 5, weak: true, art: 30, label: 'content_N 文章网址' },
  { id: 'url-post', fact: 'url', re: /\/content\/post_\d+\.html$/, gov: 10, weak: true, art: 30, label: 'post_N 文章网址' },
  { id: 'url-gia', fact: 'url', re: /^(?:www\.)?info\.gov\.hk\/gia\/general\/\d{6}\/\d{2}\/p\d+\.htm$/i, art: 30, label: '香港新闻公报网址' },
  { id: 'url-tw', fact: 'url', re: /\/news_content\.aspx\?/i, art: 30, label: '新闻内容网址' },
  { id: 'url-col', fact: 'url', re: /\/col\/col\d+\//, gov: 10, weak: true, art: -15, label: '大汉栏目网址' },
  { id: 'url-list', fact: 'url', re: /\/(?:index|list|default|news)(?:[_-]\d+)?\.(?:s?html?|aspx?|jsp)(?:\?|$)/i, art: -15, label: '栏目列表网址' },
  { id: 'url-root', fact: 'url', re: /^[^/]+\/(?:\?.*)?$/, art: -20, label: '网站首页' },
  // Government-only badges
  { id: 'badge', fact: 'badge', gov: 40, label: '政府网站标识 $' },
  // Footer
  { id: 'foot-id', fact: 'tail', re: /[网網]站[标標][识識][码碼]\D{0,4}((?:[1-8]\d{9}|bm\d{8}))/i, gov: 40, label: '页脚网站标识码 $' },
  {
    id: 'foot-host',
    fact: 'tail',
    re: FOOT_HOST,
    gov: 15,
    label: '主办单位 $',
  },
  { id: 'foot-icp', fact: 'tail', re: /ICP[备備证證]/i, gov: 2, weak: true, label: 'ICP 备案号' },
  { id: 'foot-psb', fact: 'tail', re: /公[网網]安[备備]/, gov: 3, weak: true, label: '公安备案号' },
  // Page furniture
  { id: 'crumb', fact: 'top', re: /(?:当前位置|當前位置|您的位置|所在位置|首[页頁])[^>＞»›]{0,16}[>＞»›]/, gov: 5, weak: true, label: '面包屑导航' },
  {
    id: 'info',
    fact: 'top',
    re: /(?:发布|發布|發佈|发文|成文|更新)(?:时间|時間|日期)\s*[：:]|[来來]源\s*[：:]/,
    gov: 5,
    weak: true,
    art: 10,
    label: '发布信息栏',
  },
  { id: 'font', fact: 'top', re: /字[体體号號][^大]{0,6}大\W{0,3}中\W{0,3}小/, gov: 10, weak: true, label: '字号【大 中 小】' },
  { id: 'tools', fact: 'top', re: /打印本[页頁]|[关關][闭閉](?:窗口|本[页頁]|視窗)|我要[纠糾][错錯]|【打印】/, gov: 10, weak: true, label: '打印/关闭/纠错' },
  { id: 'accesskey', fact: 'accesskey', gov: 10, weak: true, label: '无障碍导览 :::' },
  // Body and structure
  { id: 'container', fact: 'container', gov: 10, weak: true, label: '正文容器 $' },
  { id: 'container-text', fact: 'containerChars', min: 100, art: 10, label: '正文容器有内容' },
  { id: 'body', fact: 'bodyChars', min: 100, art: 25, label: '正文 $ 字' },
  { id: 'body-long', fact: 'bodyChars', min: 800, art: 10, label: '长正文' },
  { id: 'paras', fact: 'paras', min: 3, art: 5, label: '$ 个段落' },
  { id: 'list', fact: 'datedLinks', min: 8, art: -25, label: '列表：$ 条带日期的链接' },
  { id: 'list-long', fact: 'datedLinks', min: 20, art: -25, label: '长列表' },
];

/** What a rule says about a fact value: the text for `$`, or null when it does not fire. */
export function fire(rule: Rule, value: string | number): string | null {
  if (rule.min !== undefined) return typeof value === 'number' && value >= rule.min ? String(value) : null;
  const text = String(value);
  if (!rule.re) return text && value !== 0 ? text : null;
  const m = rule.re.exec(text);
  if (rule.not) return m || !text ? null : text.slice(0, 30);
  return m ? (m[1] ?? m[2] ?? m[0]).slice(0, 30) : null;
}
