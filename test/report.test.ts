import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, renderReport, renderReportPages, rowsForReport, type ArticleResult, type Metric } from '../src/index.js';
import { ROOT, runCli } from './helpers.js';

const FIXTURES = path.join(ROOT, 'fixtures', 'report');
const article = (name: string) => extract(readFileSync(path.join(FIXTURES, name), 'utf8'), { file: `fixtures/report/${name}`, includeText: true });
const records = readdirSync(FIXTURES).sort().map(article);

/** Every URL the page would load or link to. */
const urls = (html: string) => [...html.matchAll(/\b(?:src|href|action|data)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);

describe('report HTML', () => {
  const html = renderReport(records);

  it('is self-contained: nothing to fetch, no external style, script or font', () => {
    expect(urls(html).filter((u) => !u.startsWith('#'))).toEqual([]);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link\b|@import|url\(|@font-face/i);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).toContain("default-src 'none'");
  });

  it('marks every figure of every article, each with an id and a tab stop', () => {
    records.forEach((r, a) =>
      r.metrics.forEach((m, i) => {
        expect(html).toMatch(new RegExp(`<mark class="fig k-${m.kind}(?: flag)?" id="a${a}-m${i}" tabindex="0"`));
      }),
    );
  });

  it('lists an inconsistent check before the consistent ones of its article', () => {
    const first = records[0]!;
    expect(first.checks.map((c) => c.status)).toContain('inconsistent');
    const section = html.slice(html.indexOf('id="a0"'));
    expect(section.indexOf('st-inconsistent')).toBeLessThan(section.indexOf('finding st-consistent'));
  });

  it('shows the claim and tolerance a check gives, and puts unverifiable after inconsistent', () => {
    const r = records[0]!;
    const bad = r.checks.find((c) => c.status === 'inconsistent')!;
    const checks = [
      { ...bad, status: 'unverifiable' as const, message: 'base year not stated' },
      { ...bad, claim: '增长1.2倍 <claimed>', tolerance: 0.05 },
    ];
    const out = renderReport([{ ...r, checks }]);
    expect(out).toContain('<p class="claim">增长1.2倍 &lt;claimed&gt;</p>');
    expect(out).toContain('<dt>tolerance</dt><dd>±0.05</dd>');
    const row = out.slice(out.indexOf('<aside class="notes"'));
    expect(row.indexOf('data-status="inconsistent"')).toBeLessThan(row.indexOf('data-status="unverifiable"'));
  });

  it('shows the sentences with figures of a record extracted without its text', () => {
    const { text: _, ...bare } = records[0]!;
    const out = renderReport([bare]);
    expect(out).toContain('only the sentences with figures are shown');
    bare.metrics.forEach((m, i) => expect(out).toMatch(new RegExp(`id="a0-m${i}" tabindex="0" data-kind="${m.kind}" aria-describedby="a0-m${i}-tip">${m.text}<`)));
  });

  it('escapes article text, labels and file names', () => {
    const hostile = extract('<script>alert(1)</script>园区"投资"<b>5亿元</b>，增长10%。<img src=x onerror=alert(2)>', {
      file: '"><img src=y onerror=alert(3)>.txt',
      inputFormat: 'text',
      includeText: true,
    });
    expect(hostile.metrics.length).toBeGreaterThan(0);
    const out = renderReport([hostile, ...records]);
    expect(out.match(/<script\b/g)).toHaveLength(1);
    expect(out).not.toMatch(/<img|<b>|onerror=alert\(\d\)>/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&quot;&gt;&lt;img src=y');
  });

  it('lets no markup through from any text (property)', () => {
    const own = /<\/?(?:!DOCTYPE|html|head|meta|title|style|body|header|h1|h2|h4|p|kbd|ul|ol|li|span|main|section|div|aside|mark|a|article|dl|dt|dd|details|summary|script|br|table|caption|thead|tbody|tr|th|td|button|figure|svg|text|line|path|circle|rect)\b/g;
    const piece = fc.constantFrom('<', '>', '&', '"', "'", '/', 'script', 'img ', '从', '12亿元', '增至', '30亿元', '，增长', '1.2倍', '15%', '。', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(piece, { maxLength: 6 }), (parts, name) => {
        const r = extract(parts.join(''), { file: name.join(''), inputFormat: 'text', includeText: true });
        const out = renderReport([r, r]);
        expect(out.replace(own, '')).not.toContain('<');
        expect(out.match(/<script\b/g)).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('writes an index and one page per article, each linking back', () => {
    const pages = renderReportPages(records);
    expect(pages.map((p) => p.name)).toEqual(['index.html', '001-lakeside-hightech.html', '002-lakeside-review.html', '003-riverside-econ.html']);
    const index = pages[0]!.html;
    for (const p of pages.slice(1)) expect(index).toContain(`href="${p.name}#a`);
    for (const p of pages.slice(1)) expect(p.html).toContain('href="index.html"');
  });
});

describe('rowsForReport', () => {
  const metric = (over: Partial<Metric>): Metric => ({
    ...records[0]!.metrics[0]!,
    zone: '湖滨高新区', indicator: 'revenue', indicatorName: '营业收入', when: { from: '2023-01', to: '2023-12' }, ...over,
  });
  // each article its own sentences (articles with the same ones are reposts of one article, counted
  // once), and each figure written as its value (the rounding a conflict allows is read from it)
  const rec = (file: string, metrics: Metric[]): ArticleResult => ({
    file, script: 'simplified', chars: 0, published: null, zones: [], checks: [],
    metrics: metrics.map((m) => ({ ...m, raw: `${m.value / 1e8}亿元`, sentence: `${file}: ${m.sentence} ${m.value}` })),
  });

  it.each([
    ['two articles, different values: a conflict', [30e8], [32e8], true],
    ['two articles, the same value: none', [30e8], [30e8], false],
    ['within rounding of the written value: none', [30e8], [30.1e8], false],
    ['one article stating two values: none', [30e8, 32e8], [], false],
  ])('%s', (_name, a, b, conflict) => {
    const rows = rowsForReport([rec('a.txt', a.map((value) => metric({ value }))), rec('b.txt', b.map((value) => metric({ value })))]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.conflict).toBe(conflict);
    expect(rows[0]!.mentions).toBe(a.length + b.length);
  });

  it('puts conflicts first in the corpus table, each value linking to its figure', () => {
    const html = renderReport([rec('a.txt', [metric({ value: 1 }), metric({ value: 30e8, indicator: 'tax', span: [40, 44] })]), rec('b.txt', [metric({ value: 32e8, indicator: 'tax' })])]);
    const body = html.slice(html.indexOf('<tbody>'));
    expect(body).toMatch(/^<tbody><tr class="conflict">(?:(?!<\/tr>).)*href="#a0-m1"(?:(?!<\/tr>).)*href="#a1-m0"/);
  });

  it('never puts figures with no zone in conflict: two articles may be about two different places', () => {
    const rows = rowsForReport([rec('a.txt', [metric({ zone: null, value: 1 })]), rec('b.txt', [metric({ zone: null, value: 2 })])]);
    expect(rows.map((r) => [r.key.zone, r.values, r.conflict])).toEqual([[null, [1, 2], false]]);
  });
});

describe('zonefacts report', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'zonefacts-report-'));

  it('writes one page for a corpus, and reports a missing input without losing the others', () => {
    const out = path.join(tmp, 'r.html');
    const r = runCli(['report', 'fixtures/report', 'fixtures/report/no-such.txt', '-o', out, '-j', '1']);
    expect(r.exit).toBe(1);
    expect(r.stderr).toContain('fixtures/report/no-such.txt: no such file');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Inputs that could not be read');
    expect(html.match(/<section class="article"/g)).toHaveLength(3);
  });

  it('writes a directory of pages for -o DIR/', () => {
    const r = runCli(['report', 'fixtures/report', '-o', `${tmp}/pages/`, '-j', '1']);
    expect(r.exit).toBe(0);
    expect(readdirSync(path.join(tmp, 'pages'))).toHaveLength(4);
  });

  it('is a usage error without inputs', () => {
    expect(runCli(['report']).exit).toBe(2);
  });
});
