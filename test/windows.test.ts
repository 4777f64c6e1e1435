/**
 * Very large texts are analysed in windows cut at paragraph boundaries: the metrics (values,
 * spans, sentences, labels, periods) are those of the whole text analysed at once. And a figure
 * in a very long sentence carries a bounded window of it, flagged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { LONG_SENTENCE, SENTENCE_CONTEXT } from '../src/bound-sentences.js';
import { analyzeWindows } from '../src/window.js';
import { ROOT } from './helpers.js';
import type { Metric } from '../src/types.js';

// mainland articles only: the local currency is read once, and all of them count in CNY
const ARTICLES = ['annual-report.txt', 'year-review.txt', 'county-zone.txt', 'signing-ceremony.txt', 'biomed-park.txt'];
const text = ARTICLES.map((f) => readFileSync(path.join(ROOT, 'fixtures', f), 'utf8')).join('\n');
const longestParagraph = Math.max(...text.split('\n').map((p) => p.length));

/**
 * Zone, period and when read context from earlier paragraphs of the article (the zone it is
 * about, the period of the paragraph before), which the attribution stage does not yet take
 * across a window: left out of the comparison (README, "Very large texts").
 */
const local = (ms: Metric[]) => ms.map(({ zone, when, period, ...rest }) => rest);

describe('windowed analysis', () => {
  const whole = analyze(text, { windowChars: text.length + 1 });
  const windowChars = longestParagraph + 20;

  it('cuts a multi-paragraph text into several windows, each ending at a line break', () => {
    const parts = [...analyzeWindows([text], { windowChars })];
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts.slice(0, -1)) expect(text[p.offset + p.chars - 1]).toBe('\n');
    expect(parts.reduce((n, p) => n + p.chars, 0)).toBe(text.length);
  });

  it('gives the same metrics as whole-text processing, spans global', () => {
    const windowed = analyze(text, { windowChars });
    expect(windowed.metrics.length).toBeGreaterThan(50);
    expect(local(windowed.metrics)).toEqual(local(whole.metrics));
    for (const m of windowed.metrics) {
      expect(text.slice(m.span[0], m.span[1])).toBe(m.text);
      expect(text.slice(m.sentenceSpan[0], m.sentenceSpan[1])).toBe(m.sentence);
    }
    expect(windowed.script).toBe(whole.script);
  });

  it('gives the same metrics when the text arrives in small pieces (as a stream is decoded)', () => {
    const pieces: string[] = [];
    for (let i = 0; i < text.length; i += 97) pieces.push(text.slice(i, i + 97));
    const metrics = [...analyzeWindows(pieces, { windowChars })].flatMap((p) => p.metrics);
    expect(local(metrics)).toEqual(local(whole.metrics));
  });

  it('points check indices at the whole list of metrics', () => {
    const windowed = analyze(text, { windowChars });
    expect(windowed.checks.length).toBeGreaterThan(0);
    for (const c of windowed.checks) for (const i of c.metrics) expect(windowed.metrics[i]).toBeDefined();
    // a check compares figures of one window: here, the same checks as the whole text (in window order)
    const sorted = (cs: typeof whole.checks) => cs.map((c) => JSON.stringify(c)).sort();
    expect(sorted(windowed.checks)).toEqual(sorted(whole.checks));
  });

  it('cuts a paragraph longer than a window at a sentence end, keeping every figure', () => {
    const para = '园区新签约项目12个，总投资45亿元。'.repeat(40);
    const parts = [...analyzeWindows([para], { windowChars: 100 })];
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts.slice(0, -1)) expect(para[p.offset + p.chars - 1]).toBe('。');
    expect(parts.flatMap((p) => p.metrics).map((m) => m.value)).toEqual(analyze(para).metrics.map((m) => m.value));
  });
});

describe('sentence bound', () => {
  const dense = '3.2万亿元增长了5个百分点'.repeat(200); // no sentence end
  const { metrics } = analyze(dense);

  it('gives a figure in a very long sentence a window of it, flagged', () => {
    expect(metrics.length).toBe(400);
    for (const m of metrics) {
      expect(m.sentence.length).toBeLessThanOrEqual(LONG_SENTENCE);
      // sentences are read at most 400 characters either side: near the ends of the line they are shorter
      if (m.span[0] < 500 || m.span[1] > dense.length - 500) continue;
      expect(m.sentenceTruncated).toBe(true);
      expect(m.sentence.length).toBeLessThanOrEqual(m.text.length + 2 * SENTENCE_CONTEXT);
      expect(dense.slice(m.sentenceSpan[0], m.sentenceSpan[1])).toBe(m.sentence);
      expect(m.sentenceSpan[0]).toBeLessThanOrEqual(m.span[0]);
      expect(m.sentenceSpan[1]).toBeGreaterThanOrEqual(m.span[1]);
    }
  });

  it('keeps an ordinary sentence whole and unflagged', () => {
    const { metrics: short } = analyze('全区新签约项目12个，总投资45亿元。');
    expect(short[0]!.sentence).toBe('全区新签约项目12个，总投资45亿元。');
    expect('sentenceTruncated' in short[0]!).toBe(false);
  });

  it('keeps output proportionate to the input', () => {
    const out = JSON.stringify(metrics).length;
    expect(out / dense.length).toBeLessThan(100);
    expect(LONG_SENTENCE).toBeGreaterThan(2 * SENTENCE_CONTEXT);
  });
});
