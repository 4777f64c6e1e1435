/**
 * Ingest: HTML body and metadata, byte encodings, script detection, spans into the original.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../src/index.js';
import { decode } from '../src/ingest/decode.js';
import { htmlToDoc } from '../src/ingest/html.js';
import type { ArticleResult } from '../src/types.js';
import { ROOT } from './helpers.js';

const fixture = (name: string) => readFileSync(path.join(ROOT, 'fixtures', name));

describe('HTML', () => {
  it('keeps the article body of a news portal page and drops its furniture', () => {
    const { text, meta } = htmlToDoc(fixture('news-portal.html').toString('utf8'));
    expect(text).toMatch(/^今年一季度，金溪经开区新开工亿元以上项目18个/);
    expect(text).toContain('园区负责人表示');
    for (const furniture of ['首页', '广告', '分享到', '热门推荐', '相关阅读', '网友评论', 'ICP备', '版权所有', '举报电话', 'var pv', '编辑：王芳']) {
      expect(text).not.toContain(furniture);
    }
    expect(text.split('\n')).toHaveLength(4); // three <p>, one of them split by <br>
    expect(meta).toEqual({
      title: '金溪经开区一季度项目建设跑出加速度',
      published: '2024-04-08T09:15',
      publishedRaw: '2024-04-08T09:15:00+08:00',
      source: '金溪新闻网',
      author: '陈晓东',
      url: 'https://news.example.cn/2024/0408/jinxi-kaifaqu.html',
    });
  });

  it('keeps the body of a government page and drops 发布时间/浏览次数/打印本页/关闭窗口', () => {
    const { text, meta } = htmlToDoc(fixture('gov-page.html').toString('utf8'));
    expect(text.startsWith('11月20日，东川高新区召开产业发展推进会。')).toBe(true);
    for (const furniture of ['浏览次数', '打印本页', '关闭窗口', '网站首页', 'ICP', '联系电话', '字体']) expect(text).not.toContain(furniture);
    expect(meta.published).toBe('2023-11-20T16:42');
    expect(meta.publishedRaw).toBe('2023-11-20 16:42');
    expect(meta.source).toBe('东川高新区管委会');
  });

  it('reads 发布时间 and 来源 from a byline when the page has no meta tags', () => {
    const html = '<body><div>发布时间：2024-03-01 08:00 来源：某某日报</div><div class="c"><p>园区新增企业12家，完成投资5.6亿元，同比增长8%。</p></div></body>';
    const { meta } = htmlToDoc(html);
    expect(meta).toMatchObject({ published: '2024-03-01T08:00', publishedRaw: '2024-03-01 08:00', source: '某某日报' });
  });

  it('finds the body of a page without <p>, one <div> per paragraph and no class names', () => {
    const html =
      '<html><body><div><a>首页</a> | <a>新闻</a> 站点导航：园区动态 招商引资 政务公开</div>' +
      '<div id="main"><div>全区新签约项目12个，总投资45亿元，同比增长12%。</div><div>新增企业30家，带动就业2000人，园区发展势头良好。</div></div>' +
      '<div><a>相关：某县新增企业100家</a></div></body></html>';
    const r = extract(html);
    expect(r.text).toBe('全区新签约项目12个，总投资45亿元，同比增长12%。\n新增企业30家，带动就业2000人，园区发展势头良好。');
    expect(r.metrics.map((m) => m.value)).toEqual([12, 4500000000, 12, 30, 2000]);
  });

  it('keeps a table row on one line, its cells apart', () => {
    const r = extract('<html><body><p>全年主要指标如下，总体平稳。</p><table><tr><td>地区生产总值</td><td>215.6亿元</td><td>8.2%</td></tr><tr><td>新增企业</td><td>350家</td></tr></table></body></html>');
    expect(r.text).toBe('全年主要指标如下，总体平稳。\n地区生产总值\t215.6亿元\t8.2%\n新增企业\t350家');
    expect(r.metrics.map((m) => [m.value, m.label])).toEqual([[21560000000, '地区生产总值'], [8.2, '地区生产总值'], [350, '企业']]);
  });

  it('decodes entities and points spans into the body text it returns', () => {
    const r = extract('<html><body><article><p>园区完成投资&nbsp;3.2亿元&amp;新增企业12家。</p></article></body></html>');
    expect(r.text).toContain('&新增企业');
    for (const m of r.metrics) expect(r.text!.slice(m.span[0], m.span[1])).toBe(m.text);
    expect(r.metrics.map((m) => m.value)).toEqual([320000000, 12]);
  });
});

describe('encodings', () => {
  const utf8 = fixture('annual-report.txt').toString('utf8');
  const big5Source = fixture('taiwan-park.txt').toString('utf8');

  it.each([
    ['GBK', 'encodings/annual-report.gbk.txt', 'gb18030', utf8],
    ['Big5', 'encodings/taiwan-park.big5.txt', 'big5', big5Source],
    ['UTF-16 with BOM', 'encodings/hongkong-fund.utf16le.txt', 'utf-16le', fixture('hongkong-fund.txt').toString('utf8')],
  ])('detects %s without being told', (_name, file, encoding, expected) => {
    const d = decode(fixture(file));
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(expected);
    expect(d.invalid).toBe(0);
  });

  it('takes <meta charset> first', () => {
    const r = extractBytes(fixture('encodings/gov-page.gb2312.html')) as ArticleResult;
    expect(r.encoding).toBe('gb18030');
    expect(r.metrics.length).toBe((extract(fixture('gov-page.html').toString('utf8'))).metrics.length);
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const r = extractBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('新增企业3家。')])) as ArticleResult;
    expect(r.encoding).toBe('utf-8');
    expect(r.metrics[0]!.span).toEqual([4, 6]);
  });

  it('honours --encoding over detection, and reports undecodable bytes', () => {
    const gbk = iconv.encode('新增企业3家。', 'gbk');
    const forced = extractBytes(gbk, { encoding: 'utf-8' }) as ArticleResult;
    expect(forced.encoding).toBe('utf-8');
    expect(forced.warnings?.[0]).toMatch(/undecodable byte sequence/);
    expect((extractBytes(gbk, { encoding: 'gbk' }) as ArticleResult).metrics[0]!.value).toBe(3);
  });

  it('tells GBK from Big5 on short texts', () => {
    const s = '高新區今年新增企業35家，完成投資12億元。';
    expect(decode(iconv.encode(s, 'big5')).text).toBe(s);
    const simp = '高新区今年新增企业35家，完成投资12亿元。';
    expect(decode(iconv.encode(simp, 'gbk')).text).toBe(simp);
  });
});

describe('script', () => {
  it.each([
    ['annual-report.txt', 'simplified'],
    ['taiwan-park.txt', 'traditional'],
    ['hongkong-fund.txt', 'traditional'],
  ])('%s is %s', (file, script) => {
    expect(extract(fixture(file).toString('utf8')).script).toBe(script);
  });

  it('calls a text with both scripts mixed', () => {
    expect(extract('高新區新增企業35家，这里是简体的说明文字，还有很多简体字。').script).toBe('mixed');
  });

  it('points every span of a traditional article into the original script', () => {
    const text = fixture('taiwan-park.txt').toString('utf8');
    const r = extract(text);
    expect(r.metrics.length).toBeGreaterThan(5);
    for (const m of r.metrics) {
      expect(text.slice(m.span[0], m.span[1])).toBe(m.text);
      expect(text.slice(m.sentenceSpan[0], m.sentenceSpan[1])).toBe(m.sentence);
    }
    expect(r.metrics.some((m) => /[億萬]/.test(m.text))).toBe(true);
  });
});
