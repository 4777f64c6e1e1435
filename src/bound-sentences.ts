/**
 * A step after attribution: a figure in a very long sentence (a line dense with figures and no
 * sentence end, 3.2万亿元增长了5个百分点…) carries a window of its sentence around it, not the
 * whole of it, so that the output stays proportionate to the input. The metric says so:
 * `sentenceTruncated: true`, and `sentenceSpan` is the window.
 */
import type { Metric } from './types.js';

/** Sentences up to this many characters are carried whole. */
export const LONG_SENTENCE = 500;
/** The window around a figure in a longer sentence: this many characters either side. */
export const SENTENCE_CONTEXT = 40;

export function boundSentences(original: string, metrics: Metric[]): Metric[] {
  for (const m of metrics) {
    const [s, e] = m.sentenceSpan;
    if (e - s <= LONG_SENTENCE) continue;
    // the window always holds the figure (a sentence read 400 characters either side may cut it)
    const start = Math.min(m.span[0], Math.max(s, m.span[0] - SENTENCE_CONTEXT));
    const end = Math.max(m.span[1], Math.min(e, m.span[1] + SENTENCE_CONTEXT));
    m.sentenceSpan = [start, end];
    m.sentence = original.slice(start, end);
    m.sentenceTruncated = true;
  }
  return metrics;
}
