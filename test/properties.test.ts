/**
 * What must hold for every input (fast-check): extract returns, spans are true, values are
 * finite, nothing overlaps, the script does not change the numbers, and unrelated text before an
 * article only shifts the spans.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { Metric } from '../src/types.js';
import { loadCases, ROOT } from './helpers.js';

/** Pieces that make number rules fire, and pieces that make them trip. */
const PIECES = [
  '0', '1', '2', '3', '5', '9', '.', ',', ' ', '１', '２', '．', '％', '‧', '·', '—', '-', '~', '、', '，', '。', '；', '\n',
  '一', '二', '两', '三', '十', '百', '千', '万', '亿', '兆', '零', '〇', '○', '壹', '点', '余', '多', '来', '成', '分之',
  '元', '美元', '港元', '亿元', '%', '个百分点', '倍', '个', '家', '项', '人', '名', '套', '亩', '平方米', '公顷', '平方公里',
  '億', '萬', '個', '項', '畝', '增长', '下降', '同比', '占比', '总投资', '其中', '从', '增至', '第', '“', '”', '（', '）', '(', '美元，下同', ')',
  '项目', '企业', '高新区', '年', '月', '日', '百分之', '😀', '𠀀', '\uD800', '\uDFFF', 'a', 'G', '<p>', '&amp;', '\uFEFF',
];

const messy = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(messy, fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

function checkInvariants(input: string, metrics: Metric[]): void {
  let lastEnd = -1;
  for (const m of metrics) {
    expect(m.span[0]).toBeGreaterThanOrEqual(0);
    expect(m.span[1]).toBeLessThanOrEqual(input.length);
    expect(m.span[0]).toBeLessThan(m.span[1]);
    expect(input.slice(m.span[0], m.span[1])).toBe(m.text);
    expect(input.slice(m.sentenceSpan[0], m.sentenceSpan[1])).toBe(m.sentence);
    expect(Number.isFinite(m.value)).toBe(true);
    // in text order, and no two metrics share a character
    expect(m.span[0]).toBeGreaterThanOrEqual(lastEnd);
    lastEnd = m.span[1];
  }
}

describe('for arbitrary strings', () => {
  it('extract returns, and every span, value and order holds', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const r = extract(input, { inputFormat: 'text' });
        checkInvariants(input, r.metrics);
      }),
      { numRuns: 3000 },
    );
  });

  it('HTML input returns too, with spans into its body text', () => {
    fc.assert(
      fc.property(messy, (body) => {
        const r = extract(`<html><body><p>${body}</p></body></html>`);
        checkInvariants(r.text ?? '', r.metrics);
      }),
      { numRuns: 500 },
    );
  });
});

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const sentences = [
  ...loadCases().map(([, c]) => c.input),
  ...readFileSync(path.join(ROOT, 'fixtures', 'annual-report.txt'), 'utf8').split('\n'),
].filter((s) => /[\u4e00-\u9fff]/.test(s));

const traditionalLines = [
  ...readFileSync(path.join(ROOT, 'fixtures', 'taiwan-park.txt'), 'utf8').split('\n'),
  ...readFileSync(path.join(ROOT, 'fixtures', 'hongkong-fund.txt'), 'utf8').split('\n'),
  ...sentences.map(toTraditional),
].filter((s) => /[\u4e00-\u9fff]/.test(s));

describe('for traditional-script articles', () => {
  it('every span points into the original text, in the original script', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...traditionalLines), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '', '。'), (lines, joiner) => {
        const text = lines.join(joiner);
        const r = extract(text);
        checkInvariants(text, r.metrics);
        // what is reported is the original script, not the folded one
        for (const m of r.metrics) expect(m.text).toBe(text.slice(m.span[0], m.span[1]));
      }),
      { numRuns: 500 },
    );
  });
});

describe('for real sentences', () => {
  it('simplified and traditional renderings give the same values and kinds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sentences), (simplified) => {
        const traditional = toTraditional(simplified);
        const a = extract(simplified).metrics.map((m) => [m.kind, m.value]);
        const b = extract(traditional).metrics.map((m) => [m.kind, m.value]);
        expect(b).toEqual(a);
      }),
      { numRuns: Math.min(300, sentences.length * 2) },
    );
  });

  it('unrelated text before an article shifts the spans and changes nothing else', () => {
    const prefix = fc
      .array(fc.constantFrom(...'的是在我有他这中大来们到说时要就出会可也你对生能而那得于着下自之过发后作里用道行所然事方经么去法学如都同现当没动面起看定还进好小其些主样理心她本前开但因从想实'), { minLength: 1, maxLength: 200 })
      .map((chars) => `${chars.join('')}\n`);
    fc.assert(
      fc.property(prefix, fc.constantFrom(...sentences), (pre, article) => {
        const base = extract(article).metrics;
        const shifted = extract(pre + article).metrics;
        expect(shifted.map((m) => ({ ...m, span: [m.span[0] - pre.length, m.span[1] - pre.length], sentenceSpan: [m.sentenceSpan[0] - pre.length, m.sentenceSpan[1] - pre.length] }))).toEqual(base);
      }),
      { numRuns: 300 },
    );
  });
});
