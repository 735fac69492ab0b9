import { describe, expect, it } from 'vitest';
import { canonicalUrl, cleanTitle, findDocNumber, parseDate, readMeta } from '@/utils/detect/meta';

const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('title', () => {
  it.each([
    ['关于印发某某办法的通知_政策文件_某某市人民政府', '关于印发某某办法的通知', '某某市人民政府'],
    ['全省高质量发展大会在广州召开 - 广东省人民政府门户网站', '全省高质量发展大会在广州召开', '广东省人民政府门户网站'],
    ['国务院办公厅关于印发政府网站发展指引的通知_政府信息公开专栏', '国务院办公厅关于印发政府网站发展指引的通知', undefined],
    ['全国政协召开双周协商座谈会_中国政协网', '全国政协召开双周协商座谈会', '中国政协网'],
    ['市人大常委会开展执法检查--深圳人大网', '市人大常委会开展执法检查', '深圳人大网'],
    ['房县人民政府--我县召开秋冬季森林防火工作会议', '我县召开秋冬季森林防火工作会议', '房县人民政府'],
    ['新聞稿-臺中市政府全球資訊網', '新聞稿-臺中市政府全球資訊網', undefined],
    ['市府推動公共住宅 今年再增三處基地 | 臺中市政府', '市府推動公共住宅 今年再增三處基地', '臺中市政府'],
    ['省政协机关开展“党旗引领、携手前行——我为精准扶贫办实事”活动', '省政协机关开展“党旗引领、携手前行——我为精准扶贫办实事”活动', undefined],
    ['我市召开优化营商环境大会', '我市召开优化营商环境大会', undefined],
  ])('%s', (raw, title, site) => {
    expect(cleanTitle(raw)).toEqual({ title, site });
  });

  it('cuts a suffix equal to the page’s own site or column name', () => {
    expect(cleanTitle('某项工作取得新进展_工作动态_某某协会之家', ['某某协会之家', '工作动态']).title).toBe('某项工作取得新进展');
  });

  it('prefers ArticleTitle, then the heading the title contains, then the cleaned title', () => {
    const withMeta = doc('<head><meta name="ArticleTitle" content="甲文件"><title>乙_某某市人民政府</title></head><body><h1>丙</h1></body>');
    expect(readMeta(withMeta, 'https://a.gov.cn/1.html').title).toBe('甲文件');
    const withHeading = doc('<head><title>关于开展工作的通知_某某市人民政府</title></head><body><h2>某某市人民政府</h2><div class="title">关于开展工作的通知</div></body>');
    expect(readMeta(withHeading, 'https://a.gov.cn/1.html').title).toBe('关于开展工作的通知');
    const bare = doc('<head><title>关于开展工作的通知_某某市人民政府</title></head><body></body>');
    expect(readMeta(bare, 'https://a.gov.cn/1.html').title).toBe('关于开展工作的通知');
  });
});

describe('publication date', () => {
  it.each([
    ['2024-03-18 10:05', '2024-03-18T10:05:00+08:00'],
    ['2024-03-18 10:05:09', '2024-03-18T10:05:09+08:00'],
    ['2025/02/05 11:42:31', '2025-02-05T11:42:31+08:00'],
    ['2026-07-12-09:37:43', '2026-07-12T09:37:43+08:00'],
    ['2024-01-05', '2024-01-05'],
    ['2024年7月2日', '2024-07-02'],
    ['2024年07月12日10:31', '2024-07-12T10:31:00+08:00'],
    ['发布时间：2019.10.18', '2019-10-18'],
    ['2024-13-01', undefined],
    ['电话 0571-8888', undefined],
    ['', undefined],
  ])('%s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('reads Taiwan’s 民國 years only when asked', () => {
    expect(parseDate('發布日期：113-07-12', true)).toBe('2024-07-12');
    expect(parseDate('發布日期：113-07-12')).toBeUndefined();
  });

  it('takes PubDate, then firstpublishedtime, then the info line', () => {
    const meta = (head: string, body = '') => readMeta(doc(`<head>${head}</head><body>${body}</body>`), 'https://a.gov.cn/t20240101_1.html');
    expect(meta('<meta name="PubDate" content="2024/03/18 10:05:00"><meta name="firstpublishedtime" content="2020-01-01-00:00:00">').publishedAt).toBe('2024-03-18T10:05:00+08:00');
    expect(meta('<meta name="firstpublishedtime" content="2026-07-12-09:37:43">').publishedAt).toBe('2026-07-12T09:37:43+08:00');
    const body = '<div class="t">标题</div><div class="i">成文日期：2024-03-01 发布日期：2024-03-05 来源：市政府办公室</div><div id="zoom"><p>正文</p></div>';
    const d = doc(`<head></head><body>${body}</body>`);
    const m = readMeta(d, 'https://a.gov.cn/t20240101_1.html', { body: d.getElementById('zoom') });
    expect(m.publishedAt).toBe('2024-03-05');
    expect(m.source).toBe('市政府办公室');
  });
});

describe('文号', () => {
  it.each([
    ['国办发〔2017〕47号', '国办发〔2017〕47号'],
    ['国务院办公厅关于印发政府网站发展指引的通知（国办发〔2017〕47号）', '国办发〔2017〕47号'],
    ['鄂政办函[2020]12号', '鄂政办函[2020]12号'],
    ['粤府办（2021） 5 号', '粤府办（2021）5号'],
    ['国发〔2019〕第3号', '国发〔2019〕第3号'],
    ['环办水体〔2024〕1號', '环办水体〔2024〕1號'],
    ['2024年工作要点', undefined],
    ['关于2024年工作的通知', undefined],
  ])('%s', (text, number) => {
    expect(findDocNumber(text)).toBe(number);
  });

  it('prefers the labelled 发文字号 to a number quoted in the body', () => {
    const d = doc('<body><table><tr><td>发文字号：</td><td>武政规〔2023〕5号</td></tr></table><div id="zoom"><p>根据国办发〔2017〕47号文件精神</p></div></body>');
    expect(readMeta(d, 'https://a.gov.cn/1.html', { body: d.getElementById('zoom') }).docNumber).toBe('武政规〔2023〕5号');
  });
});

describe('source, site name and agency', () => {
  it('reads ContentSource, else 来源 on the info line', () => {
    expect(readMeta(doc('<head><meta name="ContentSource" content="省政府办公厅"></head><body></body>'), 'https://a.gov.cn/').source).toBe('省政府办公厅');
    const d = doc('<body><div>資料來源：新聞局</div><div id="b"><p>正文</p></div></body>');
    expect(readMeta(d, 'https://a.gov.mo/', { body: d.getElementById('b') }).source).toBe('新聞局');
  });

  it('takes the agency from 发文机关, then the footer’s sponsor, then the site name', () => {
    const labelledDoc = doc('<body><p>发文机关：国务院办公厅</p><p>主办单位：某某市人民政府办公室</p></body>');
    expect(readMeta(labelledDoc, 'https://a.gov.cn/').agency).toBe('国务院办公厅');
    const footer = doc('<body><p>正文</p><div>主办单位：某某市人民政府办公室</div></body>');
    expect(readMeta(footer, 'https://a.gov.cn/').agency).toBe('某某市人民政府办公室');
    const site = doc('<head><meta name="SiteName" content="某某市人民政府门户网站"></head><body></body>');
    expect(readMeta(site, 'https://a.gov.cn/')).toMatchObject({ siteName: '某某市人民政府门户网站', agency: '某某市人民政府' });
  });
});

describe('canonical URL', () => {
  it.each([
    ['https://a.gov.cn/t1.html#p2', '', 'https://a.gov.cn/t1.html'],
    ['https://a.gov.cn/t1.html?utm_source=x&from=timeline&id=3&spm=a.b', '', 'https://a.gov.cn/t1.html?id=3'],
    ['https://a.gov.cn/t1.html?from=singlemessage&isappinstalled=0', '', 'https://a.gov.cn/t1.html'],
    ['https://a.gov.cn/t1.html?x=1', '<link rel="canonical" href="/c/t1.html#top">', 'https://a.gov.cn/c/t1.html'],
    ['https://a.gov.cn/t1.html', '<link rel="canonical" href="javascript:alert(1)">', 'https://a.gov.cn/t1.html'],
  ])('%s %s', (href, head, want) => {
    expect(canonicalUrl(doc(`<head>${head}</head><body></body>`), href)).toBe(want);
  });
});
