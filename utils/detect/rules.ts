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

/**
 * The table. Columns: id, fact, test (regex, or the number the fact must reach, or null for
 * "present"), gov weight, article weight, label, flags (W: weak CMS sign, N: fires when the
 * regex does NOT match). Rows are kept as tuples: the table ships in the script on every page.
 */
type Row = [id: string, fact: FactName, test: RegExp | number | null, gov: number, art: number, label: string, flags?: 'W' | 'N'];

const TABLE: Row[] = [
  // Host
  ['host', 'host', /^(?:.+\.)?gov\.(?:cn|hk|tw|mo)$/, 50, 0, '政府网站域名 $'],
  // Standard gov meta tags
  ['site-id', 'siteId', SITE_ID, 50, 0, '网站标识码 $'],
  ['site-id-bad', 'siteId', SITE_ID, -15, 0, '网站标识码格式不符 $', 'N'],
  ['gov-meta', 'govMeta', 3, 15, 0, '政府网站规范元标签 $ 个'],
  ['name', 'names', BODY_NAME, 20, 0, '机构名称 $'],
  ['art-meta', 'artMeta', null, 0, 20, '文章标题元标签'],
  ['pub-meta', 'pubMeta', null, 0, 15, '发布时间元标签 $'],
  // URL shapes of the common government CMSs
  ['url-trs', 'url', /\/t(?:19|20)\d{6}_\d+\.s?html?$/, 10, 30, 'TRS 文章网址', 'W'],
  ['url-hanweb', 'url', /\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html$/, 10, 30, '大汉文章网址', 'W'],
  ['url-content', 'url', /\/content_\d+\.s?html?$/, 5, 30, 'content_N 文章网址', 'W'],
  ['url-post', 'url', /\/content\/post_\d+\.html$/, 10, 30, 'post_N 文章网址', 'W'],
  ['url-gia', 'url', /^(?:www\.)?info\.gov\.hk\/gia\/general\/\d{6}\/\d{2}\/p\d+\.htm$/i, 0, 30, '香港新闻公报网址'],
  ['url-tw', 'url', /\/news_content\.aspx\?/i, 0, 30, '新闻内容网址'],
  ['url-col', 'url', /\/col\/col\d+\//, 10, -15, '大汉栏目网址', 'W'],
  ['url-list', 'url', /\/(?:index|list|default|news)(?:[_-]\d+)?\.(?:s?html?|aspx?|jsp)(?:\?|$)/i, 0, -15, '栏目列表网址'],
  ['url-root', 'url', /^[^/]+\/(?:\?.*)?$/, 0, -20, '网站首页'],
  // Government-only badges
  ['badge', 'badge', null, 40, 0, '政府网站标识 $'],
  // Footer
  ['foot-id', 'tail', /[网網]站[标標][识識][码碼]\D{0,4}((?:[1-8]\d{9}|bm\d{8}))/i, 40, 0, '页脚网站标识码 $'],
  ['foot-host', 'tail', FOOT_HOST, 15, 0, '主办单位 $'],
  ['foot-icp', 'tail', /ICP[备備证證]/i, 2, 0, 'ICP 备案号', 'W'],
  ['foot-psb', 'tail', /公[网網]安[备備]/, 3, 0, '公安备案号', 'W'],
  // Page furniture
  ['crumb', 'top', /(?:当前位置|當前位置|您的位置|所在位置|首[页頁])[^>＞»›]{0,16}[>＞»›]/, 5, 0, '面包屑导航', 'W'],
  ['info', 'top', /(?:发布|發布|發佈|发文|成文|更新)(?:时间|時間|日期)\s*[：:]|[来來]源\s*[：:]/, 5, 10, '发布信息栏', 'W'],
  ['font', 'top', /字[体體号號][^大]{0,6}大\W{0,3}中\W{0,3}小/, 10, 0, '字号【大 中 小】', 'W'],
  ['tools', 'top', /打印本[页頁]|[关關][闭閉](?:窗口|本[页頁]|視窗)|我要[纠糾][错錯]|【打印】/, 10, 0, '打印/关闭/纠错', 'W'],
  ['accesskey', 'accesskey', null, 10, 0, '无障碍导览 :::', 'W'],
  // Body and structure
  ['container', 'container', null, 10, 0, '正文容器 $', 'W'],
  ['container-text', 'containerChars', 100, 0, 10, '正文容器有内容'],
  ['body', 'bodyChars', 100, 0, 25, '正文 $ 字'],
  ['body-long', 'bodyChars', 800, 0, 10, '长正文'],
  ['paras', 'paras', 3, 0, 5, '$ 个段落'],
  ['list', 'datedLinks', 8, 0, -25, '列表：$ 条带日期的链接'],
  ['list-long', 'datedLinks', 20, 0, -25, '长列表'],
];

export const RULES: Rule[] = TABLE.map(([id, fact, test, gov, art, label, flag]) => ({
  id,
  fact,
  ...(typeof test === 'number' ? { min: test } : test ? { re: test } : {}),
  ...(gov ? { gov } : {}),
  ...(art ? { art } : {}),
  ...(flag === 'W' ? { weak: true as const } : flag === 'N' ? { not: true } : {}),
  label,
}));

/** What a rule says about a fact value: the text for `$`, or null when it does not fire. */
export function fire(rule: Rule, value: string | number): string | null {
  if (rule.min !== undefined) return typeof value === 'number' && value >= rule.min ? String(value) : null;
  const text = String(value);
  if (!rule.re) return text && value !== 0 ? text : null;
  const m = rule.re.exec(text);
  if (rule.not) return m || !text ? null : text.slice(0, 30);
  return m ? (m[1] ?? m[2] ?? m[0]).slice(0, 30) : null;
}
