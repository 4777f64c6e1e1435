/**
 * Saved web pages: one fixture or table per failure class of real Chinese news pages (encoding,
 * containers, block scoring, HTML recognition, furniture, dates, authors, deep nesting, titles).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, assertText } from '../src/ingest/decode.js';
import { normalizeDate } from '../src/ingest/dates.js';
import { htmlToDoc, looksLikeHtml } from '../src/ingest/html.js';
import { ingestBytes, ingestText } from '../src/ingest/index.js';
import { stripSiteSuffix } from '../src/ingest/meta.js';
import { ROOT } from './helpers.js';

const page = (name: string) => readFileSync(path.join(ROOT, 'fixtures', 'html', name));
const doc = (name: string) => htmlToDoc(page(name).toString('utf8'));

describe('encoding', () => {
  it('reads valid UTF-8 as UTF-8 over a <meta> that says gb2312, and says why', () => {
    const d = ingestBytes(page('utf8-declared-gb2312.htm'));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('东岭工业园昨日举行集中开工仪式');
    expect(d.warnings.join('\n')).toMatch(/read as utf-8, not as the gb2312 its <meta> declares: the bytes are valid UTF-8/);
  });

  it('counts a U+FFFD written in a UTF-8 page as a character, not an undecodable byte', () => {
    const d = decode(page('utf8-declared-gb2312.htm'));
    expect(d.text).toContain('显示为\ufffd');
    expect(d.invalid).toBe(0);
    expect(ingestBytes(page('utf8-declared-gb2312.htm')).warnings.join('\n')).not.toMatch(/undecodable/);
  });

  it('counts only real decoding failures in a broken UTF-8 page, not the U+FFFD it contains', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>坏字\ufffd在此'), Buffer.from([0xc3]), Buffer.from('。</p>')]);
    expect(decode(bytes)).toMatchObject({ encoding: 'utf-8', invalid: 1 });
  });

  it('still takes <meta charset> for bytes that are not UTF-8, without a note', () => {
    const html = '<html><head><meta charset="gbk"></head><body><p>园区新增企业12家。</p></body></html>';
    const d = decode(iconv.encode(html, 'gbk'));
    expect(d).toMatchObject({ encoding: 'gb18030', text: html, invalid: 0 });
    expect(d.note).toBeUndefined();
  });

  it.each([
    ['utf-16le', (s: string) => Buffer.from(s, 'utf16le')],
    ['utf-16be', (s: string) => Buffer.from(s, 'utf16le').swap16()],
  ])('reads %s without a BOM as text, not binary', (enc, encode) => {
    const text = '园区新增企业12家，完成投资5.6亿元。\nNew firms: 12.';
    const bytes = encode(text);
    expect(() => assertText(bytes)).not.toThrow();
    expect(decode(bytes)).toMatchObject({ encoding: enc, text, invalid: 0 });
  });
});

describe('the article container', () => {
  it('keeps an article inside a whole-page <form> and a class merely containing "share"', () => {
    const { text } = doc('form-wrapper.htm');
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toMatch(/^今年上半年，青峰经开区/);
    expect(text).toContain('把服务企业的经验分享到各个招商小分队'); // a sentence with 分享到 is prose
    for (const furniture of ['微博', '首页', '打印本页', '发布时间']) expect(text).not.toContain(furniture);
  });

  it('scores text density: <br> paragraphs beat a <pre> of many lines, hidden text and link lists', () => {
    const { text } = doc('density.htm');
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/^白沙高新区近日公布数据/),
      expect.stringMatching(/^据了解/),
      expect.stringMatching(/^高新区科技局负责人表示/),
    ]);
  });

  it('keeps comments, related news, recommendations and a second copy out, and a 分享到 sentence in', () => {
    const { text, meta } = doc('furniture.htm');
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toContain('把产品分享到了海外市场');
    for (const furniture of ['网友', '一季度园区', '推荐', '相关新闻', '责任编辑']) expect(text).not.toContain(furniture);
    expect(meta).toMatchObject({ published: '2023-09-14T08:20', author: '林小雨', editor: '周明', title: '临江产业园新增规上企业12家' });
  });

  it('keeps an article sentence naming 版权所有者 and drops a standalone copyright line', () => {
    const html =
      '<html><body><div class="text"><p>园区今年新增企业12家，完成投资5.6亿元，同比增长8%，发展态势良好。</p>' +
      '<p>园区还为32家企业办理了商标登记，帮助版权所有者维护权益，全年调解纠纷17起。</p>' +
      '<p>版权所有 © 某某园区管委会</p></div></body></html>';
    const lines = htmlToDoc(html).text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('版权所有者维护权益');
  });

  it('joins an article split into sibling blocks around a picture, and leaves a promo line out', () => {
    const html =
      '<html><body><div class="wrap"><h1>园区标题示例</h1>' +
      '<div class="part"><p>上半年，园区规上工业增加值同比增长9.1%，增速比一季度加快1.2个百分点，回升势头明显。</p><p>其中，新能源装备产业产值增长最快，达到了18.4%，成为园区增长的主要动力。</p></div>' +
      '<div class="pic"><img src="a.jpg"><span>园区一角</span></div>' +
      '<div class="part"><p>园区负责人表示，下半年将继续扩大有效投资，计划新开工亿元以上项目不少于15个。</p><p>同时，园区将加快标准厂房建设，为中小企业入驻提供更多的空间和更好的服务。</p></div>' +
      '<div class="promo">【点击投票】选出你心目中的年度园区！</div></div></body></html>';
    const lines2 = htmlToDoc(html.replace(/<div class="promo">.*?<\/div>/, '')).text.split('\n');
    expect(lines2.filter((l) => /。$/.test(l))).toHaveLength(4);
    const lines = htmlToDoc(html).text.split('\n');
    expect(lines[0]).toMatch(/^上半年/);
    expect(lines.at(-1)).toMatch(/^同时/);
    expect(lines.filter((l) => /。$/.test(l))).toHaveLength(4);
  });

  it('walks 200,000 nested <div>s without recursion, in about linear time', () => {
    const depth = 200_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>深层页面中的正文：园区新增企业12家，完成投资5.6亿元。</p>${'</div>'.repeat(depth)}</body></html>`;
    const t0 = performance.now();
    const { text } = htmlToDoc(html);
    const ms = performance.now() - t0;
    expect(text).toBe('深层页面中的正文：园区新增企业12家，完成投资5.6亿元。');
    expect(ms).toBeLessThan(20_000);
  });
});

describe('HTML recognition', () => {
  it('recognises a page after a wrapper line', () => {
    const text = page('wrapper-line.htm').toString('utf8');
    expect(looksLikeHtml(text)).toBe(true);
    const d = ingestText(text);
    expect(d.html).toBe(true);
    expect(d.text).toMatch(/^南湖科创园入驻企业日前达到300家/);
    expect(d.meta?.published).toBe('2021-06-18');
  });

  it('recognises a page opening with a long <script> or <table>', () => {
    const script = `<script>var config = {${'"k": 1, '.repeat(600)}};</script>\n<div><p>正文第一段，园区新增企业12家。</p></div>`;
    const table = `<table>${'<tr><td>栏目</td></tr>'.repeat(200)}</table><div><p>正文第一段，园区新增企业12家。</p></div>`;
    for (const html of [script, table]) expect(looksLikeHtml(html)).toBe(true);
  });

  it('leaves plain text alone, even with a < or a stray tag name in it', () => {
    for (const text of ['园区投资<5亿元的项目有3个。', '他说<p>标签不是正文。\n第二段。', '今年新增企业12家。']) expect(looksLikeHtml(text)).toBe(false);
  });
});

describe('dates', () => {
  const wrap = (head: string, byline: string, after = '') =>
    `<html><head>${head}<title>园区新闻标题示例</title></head><body><h1>园区新闻标题示例</h1><div class="byline">${byline}</div>` +
    `<div class="text"><p>园区今年新增企业12家，完成投资5.6亿元，同比增长8%，发展态势良好。</p><p>下一步园区将继续优化营商环境。</p></div>${after}</body></html>`;

  it.each([
    ['unlabelled beside the title', wrap('', '2018年6月5日 08:30 某某网'), '2018-06-05T08:30', '2018年6月5日 08:30'],
    ['unlabelled before 来源', wrap('', '2020-04-16 10:02 来源：某某日报'), '2020-04-16T10:02', '2020-04-16 10:02'],
    ['发表于', wrap('', '发表于 2019-3-7'), '2019-03-07', '2019-3-7'],
    ['发布:', wrap('', '发布: 2017/11/02 14:05:33'), '2017-11-02T14:05', '2017/11/02 14:05:33'],
    ['时间', wrap('', '时间 2022年01月09日'), '2022-01-09', '2022年01月09日'],
    ['dotted', wrap('', '来源：园区办 2021.06.18'), '2021-06-18', '2021.06.18'],
    ['<time>', wrap('', '<time datetime="2016-08-01T09:00:00+08:00">8月1日</time>'), '2016-08-01T09:00', '2016-08-01T09:00:00+08:00'],
    ['itemprop=datePublished', wrap('', '<span itemprop="datePublished">2015-05-04</span>'), '2015-05-04', '2015-05-04'],
    ['og/article meta', wrap('<meta property="article:published_time" content="2023-02-03T07:15:00Z">', ''), '2023-02-03T07:15', '2023-02-03T07:15:00Z'],
    ['a CMS meta name', wrap('<meta name="PubDate" content="2014-12-30 18:00">', ''), '2014-12-30T18:00', '2014-12-30 18:00'],
  ])('reads a date %s', (_name, html, published, raw) => {
    expect(htmlToDoc(html).meta).toMatchObject({ published, publishedRaw: raw });
  });

  it('reads the date a notice is signed with when the page shows no other', () => {
    const html =
      '<html><body><div class="text"><p>为做好园区企业用工服务，现将有关事项通知如下，请各企业认真做好准备工作。</p>' +
      '<p>一、申报时间为本月底前，逾期不再受理，各企业请按时提交材料。</p><p>某某经济开发区管理委员会</p><p>2021年6月18日</p></div></body></html>';
    expect(htmlToDoc(html).meta).toMatchObject({ published: '2021-06-18', publishedRaw: '2021年6月18日' });
  });

  it('takes the date nearest the body when the page does not repeat its title', () => {
    const html =
      '<html><body><ul class="latest"><li>2020-01-02 园区年会召开</li><li>2020-01-05 新春招聘会</li></ul>' +
      '<div class="byline">2020-01-08 09:00</div><div class="text"><p>园区今年新增企业12家，完成投资5.6亿元，同比增长8%，发展态势良好。</p>' +
      '<p>下一步园区将继续优化营商环境。</p></div></body></html>';
    expect(htmlToDoc(html).meta.published).toBe('2020-01-08T09:00');
  });

  it('never takes a reader comment timestamp', () => {
    const comments = '<div class="comment-box"><p>网友：说得好，支持园区发展！<span>2024-01-05 12:00</span></p></div>';
    expect(htmlToDoc(wrap('', '', comments)).meta.published).toBeUndefined();
    expect(htmlToDoc(wrap('', '发布时间：2023-12-30', comments)).meta.published).toBe('2023-12-30');
  });

  it.each([
    ['2019-09-07T13:43:45+08:00', '2019-09-07T13:43'],
    ['2018年6月5日', '2018-06-05'],
    ['2021.6.8', '2021-06-08'],
    ['1581517074', '2020-02-12T22:17'],
    ['2019-02-30', null],
    ['2019-13-01', null],
    ['没有日期', null],
  ])('normalizes %s', (raw, want) => {
    expect(normalizeDate(raw)).toBe(want);
  });
});

describe('authors', () => {
  const withBody = (head: string, first: string, last = '') =>
    `<html><head>${head}</head><body><h1>园区新闻标题示例</h1><div class="text"><p>${first}</p>` +
    `<p>园区今年新增企业12家，完成投资5.6亿元，同比增长8%，发展态势良好。</p><p>下一步园区将继续优化营商环境，服务好企业。</p>${last}</div></body></html>`;

  it.each([
    ['（记者 张三）', withBody('', '（记者 张晓三）园区负责人介绍了上半年的情况，各项指标平稳。'), '张晓三'],
    ['本报记者 李四', withBody('', '本报记者 李思远', ''), '李思远'],
    ['作者：王五', withBody('', '作者：王五一', ''), '王五一'],
    ['文/赵六', withBody('', '文/赵六安', ''), '赵六安'],
    ['two reporters', withBody('', '（记者 钱七 孙八）园区负责人介绍了上半年的情况，各项指标平稳。'), '钱七、孙八'],
    ['a reporter before a correspondent', withBody('', '本报讯（记者 钱七 通讯员 孙八）园区负责人介绍了上半年的情况。'), '钱七'],
  ])('reads the byline %s', (_name, html, author) => {
    expect(htmlToDoc(html).meta.author).toBe(author);
  });

  it.each([
    ['a site name in meta author', withBody('<meta name="author" content="某某新闻网">', '园区负责人介绍了上半年的情况。')],
    ['a URL in meta author', withBody('<meta name="author" content="http://www.example.cn">', '园区负责人介绍了上半年的情况。')],
    ['佚名 in meta author', withBody('<meta name="author" content="佚名">', '园区负责人介绍了上半年的情况。')],
    ['a CMS user id in meta author', withBody('<meta name="author" content="104363">', '园区负责人介绍了上半年的情况。')],
    ['记者 inside quoted speech', withBody('', '他说：“记者：王小明同志今天也来了，大家欢迎。”会议随后开始。')],
    ['a photographer', withBody('', '园区一角。记者 郑大光 摄')],
  ])('gives no author for %s', (_name, html) => {
    expect(htmlToDoc(html).meta.author).toBeUndefined();
  });

  it('keeps 责任编辑 apart as the editor', () => {
    const m = htmlToDoc(withBody('', '（记者 张晓三）园区负责人介绍了上半年的情况。', '<p>责任编辑：刘一鸣</p>')).meta;
    expect(m).toMatchObject({ author: '张晓三', editor: '刘一鸣' });
    expect(htmlToDoc(withBody('', '园区负责人介绍了上半年的情况。', '<p>责任编辑：刘一鸣</p>')).meta.author).toBeUndefined();
  });
});

describe('titles', () => {
  it.each([
    ['园区新增企业12家-新华网', '园区新增企业12家'],
    ['园区新增企业12家_证券时报网', '园区新增企业12家'],
    ['园区新增企业12家 | 某某新闻', '园区新增企业12家'],
    ['园区新增企业12家_财经_网易', '园区新增企业12家'],
    ['2019-2020年度园区报告', '2019-2020年度园区报告'],
    ['园区发展的新路子——专访某某', '园区发展的新路子——专访某某'],
    ['园区发展的新路子--文化--人民网', '园区发展的新路子'],
    ['园区发展的新路子 - 第二部分', '园区发展的新路子 - 第二部分'],
  ])('strips the site name from %s', (title, want) => {
    expect(stripSiteSuffix(title)).toBe(want);
  });

  it('is not cut short by an unescaped quote inside og:title', () => {
    const html =
      '<html><head><meta property="og:title" content="园区"领跑"全省的秘密"><title>园区"领跑"全省的秘密_某某网</title></head>' +
      '<body><p>园区今年新增企业12家，完成投资5.6亿元，同比增长8%。</p></body></html>';
    expect(htmlToDoc(html).meta.title).toBe('园区"领跑"全省的秘密');
  });
});

describe('any page', () => {
  const TAGS = ['div', 'p', 'span', 'section', 'td', 'li', 'a', 'form', 'font', 'b'];
  const CLASSES = ['', ' class="share"', ' class="comment"', ' class="content"', ' style="display:none"', ' class="js_share_area"'];
  const WORDS = ['园区新增企业12家，', '完成投资5.6亿元。', '首页', '分享到', '2021-06-18 ', '（记者 张晓三）', '<br>', '责任编辑：刘一鸣', '&nbsp;', '<'];
  // a random tag soup: opening and closing tags (not always balanced), text and furniture words
  const soup = fc
    .array(
      fc.oneof(
        fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...CLASSES)).map(([t, c]) => `<${t}${c}>`),
        fc.constantFrom(...TAGS).map((t) => `</${t}>`),
        fc.constantFrom(...WORDS),
      ),
      { maxLength: 120 },
    )
    .map((parts) => `<html><body>${parts.join('')}</body></html>`);

  it('returns for every page, with text and no markup left in it', () => {
    fc.assert(
      fc.property(soup, (html) => {
        const { text, meta } = htmlToDoc(html);
        expect(text).not.toMatch(/<\/?[a-z]+[\s>]/);
        if (meta.published) expect(meta.published).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);
      }),
      { numRuns: 300 },
    );
  });
});
