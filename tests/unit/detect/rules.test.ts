import { describe, expect, it, vi } from 'vitest';
import { detectPage } from '@/utils/detect';
import { fire, RULES, STAGE, WEAK_MAX, type Rule } from '@/utils/detect/rules';

const rule = (id: string): Rule => RULES.find((r) => r.id === id)!;
const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('rule table', () => {
  it('has unique ids, a Chinese label and a weight on every rule', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.label, r.id).toMatch(/[\u4e00-\u9fff]/);
      expect((r.gov ?? 0) !== 0 || (r.art ?? 0) !== 0, r.id).toBe(true);
      expect(STAGE[r.fact], r.id).toBeDefined();
    }
  });

  it.each([
    ['www.hubei.gov.cn', true],
    ['gov.cn', true],
    ['www.info.gov.hk', true],
    ['www.taichung.gov.tw', true],
    ['www.gov.mo', true],
    ['www.gov.uk', false],
    ['www.usa.gov', false],
    ['www.gov.cn.shop-deals.com', false],
    ['mygov.cn', false],
  ])('host %s', (host, gov) => {
    expect(fire(rule('host'), host) !== null).toBe(gov);
  });

  it.each([
    ['4200000059', 'site-id'],
    ['bm07000001', 'site-id'],
    ['BM17000001', 'site-id'],
    ['1100000088', 'site-id'],
    ['8100000001', 'site-id'],
    ['1234', 'site-id-bad'],
    ['9900000001', 'site-id-bad'],
    ['bm0700001', 'site-id-bad'],
    ['42000000590', 'site-id-bad'],
  ])('SiteIDCode %s fires %s', (code, id) => {
    const fired = ['site-id', 'site-id-bad'].filter((r) => fire(rule(r), code) !== null);
    expect(fired).toEqual([id]);
  });

  it('an absent SiteIDCode fires neither rule', () => {
    expect(fire(rule('site-id'), '')).toBeNull();
    expect(fire(rule('site-id-bad'), '')).toBeNull();
  });

  it.each([
    ['www.hbzx.gov.cn/zxzy/jgdj/202010/t20201022_2960512.shtml', 'url-trs'],
    ['www.mee.gov.cn/xxgk/202401/t20240105_1061234.html', 'url-trs'],
    ['www.hangzhou.gov.cn/art/2024/3/5/art_812262_59081234.html', 'url-hanweb'],
    ['www.zj.gov.cn/col/col1229019364/index.html', 'url-col'],
    ['www.gov.cn/zhengce/content/2017-05/26/content_5197189.htm', 'url-content'],
    ['www.gd.gov.cn/gdywdt/gdyw/content/post_4664000.html', 'url-post'],
    ['www.info.gov.hk/gia/general/202407/12/P2024071200345.htm', 'url-gia'],
    ['www.taichung.gov.tw/News_Content.aspx?n=8&s=2134012', 'url-tw'],
    ['www.wuhan.gov.cn/zwgk/index.shtml', 'url-list'],
    ['www.gov.cn/', 'url-root'],
  ])('URL %s is %s', (url, id) => {
    const fired = RULES.filter((r) => r.fact === 'url' && fire(r, url) !== null).map((r) => r.id);
    expect(fired).toContain(id);
  });

  it('counts numbers from `min` up, and non-empty facts when there is no test', () => {
    expect(fire(rule('list'), 7)).toBeNull();
    expect(fire(rule('list'), 8)).toBe('8');
    expect(fire(rule('badge'), '')).toBeNull();
    expect(fire(rule('badge'), '党政机关网站')).toBe('党政机关网站');
  });

  it('names of CPPCC and people’s congress sites count, Renmin University does not', () => {
    for (const name of ['湖北省政协', '广州市政协', '深圳人大网', '某某市人大常委会', '中国人民政治协商会议广州市委员会', '香港特別行政區政府', '某某县人民政府', '省政協'])
      expect(fire(rule('name'), name), name).not.toBeNull();
    for (const name of ['人大新闻网', '中国人民大学', '简书', '新浪新闻', '政协提案写作'])
      expect(fire(rule('name'), name), name).toBeNull();
  });
});

describe('weighing', () => {
  it('caps what a copied CMS template adds without an identity signal', () => {
    const html = `<head><title>公司新闻</title></head><body><div>当前位置：首页 > 新闻</div><div>发布时间：2024-01-01 来源：本站 字体：【大 中 小】</div>
      <div class="TRS_Editor"><p>${'本公司新闻内容。'.repeat(30)}</p></div><div>打印本页 关闭窗口</div><a accesskey="C">:::</a><div>苏ICP备12345678号 苏公网安备 32000000000000号</div></body>`;
    const d = detectPage(doc(html), 'https://www.corp.com.cn/news/t20240101_1.html');
    const weak = d.reasons.filter((r) => RULES.find((x) => x.id === r.id)?.weak).reduce((s, r) => s + (r.gov ?? 0), 0);
    expect(weak).toBeGreaterThan(WEAK_MAX);
    expect(d.govScore).toBe(WEAK_MAX);
    expect(d.kind).toBe('none');
  });

  it('treats a government page with a long paragraph body as an article, and with a dated link list as a list', () => {
    const article = `<head><title>关于开展工作的通知</title></head><body><h1>关于开展工作的通知</h1><div>发布时间：2024-01-01</div><div><p>${'各单位要认真贯彻落实。'.repeat(10)}</p><p>${'切实抓好各项工作。'.repeat(10)}</p></div></body>`;
    expect(detectPage(doc(article), 'https://www.a.gov.cn/xxgk/1234.html').kind).toBe('article');
    const items = Array.from({ length: 15 }, (_, i) => `<li><a href="/a/${i}.html">工作动态第${i}条</a><span>2024-01-${String(i + 1).padStart(2, '0')}</span></li>`).join('');
    const list = `<head><title>工作动态</title></head><body><ul>${items}</ul></body>`;
    expect(detectPage(doc(list), 'https://www.a.gov.cn/xxgk/gzdt/').kind).toBe('gov');
  });
});

describe('cost on ordinary pages', () => {
  const spyDom = (d: Document) => ({
    walker: vi.spyOn(d, 'createTreeWalker'),
    query: vi.spyOn(d, 'querySelector'),
    queryAll: vi.spyOn(d.body, 'querySelectorAll'),
    tags: vi.spyOn(d.body, 'getElementsByTagName'),
  });

  it('reads nothing of the body on a non-Chinese page without government signs', () => {
    const d = doc(`<html lang="en"><head><title>Daily News</title></head><body>${'<p>Some news text here.</p>'.repeat(500)}</body></html>`);
    const spies = spyDom(d);
    expect(detectPage(d, 'https://news.example.com/story/1.html').kind).toBe('none');
    for (const [name, spy] of Object.entries(spies)) expect(spy, name).not.toHaveBeenCalled();
  });

  it('makes only the bounded badge and footer reads on a Chinese page without government signs', () => {
    const d = doc(`<html lang="zh-CN"><head><title>新闻</title></head><body>${'<p>一则普通新闻的正文内容。</p>'.repeat(500)}</body></html>`);
    const spies = spyDom(d);
    expect(detectPage(d, 'https://news.example.com/story/1.html').kind).toBe('none');
    expect(spies.query).not.toHaveBeenCalled();
    expect(spies.walker).toHaveBeenCalledTimes(1);
    expect(spies.queryAll).not.toHaveBeenCalled();
    expect(spies.tags).not.toHaveBeenCalled();
  });
});
