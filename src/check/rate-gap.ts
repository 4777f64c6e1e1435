/**
 * Gaps between rates: 增长9.4%，高于全市7.3%的水平2.1个百分点 → 2.1 = 9.4 − 7.3. Without the rate
 * compared against, the gap is unverifiable. A gap between two percentages written as a percent
 * (高于全市2.1%, where 2.1 is the difference) is the classic confusion: a warning of its own.
 */
import type { Check, Metric } from '../types.js';
import { fullSentenceAt } from './figures.js';
import { judge, unverifiable } from './verdict.js';

const COMPARE = /(?:高于|低于|快于|慢于|超出|超过|高出|领先|比|较)[^,，;；。]*$/;

export function rateGap(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  metrics.forEach((g, k) => {
    if (g.kind !== 'percentage_point' && g.kind !== 'percent') return;
    // this clause group: a comparison does not reach back past ；
    let sentenceStart = g.span[0];
    for (const floor = fullSentenceAt(text, g.span[0])[0]; sentenceStart > floor && text[sentenceStart - 1] !== ';' && text[sentenceStart - 1] !== '；'; ) sentenceStart--;
    const before = text.slice(sentenceStart, g.span[0]);
    const cmp = COMPARE.exec(before);
    if (!cmp) return;
    if (/分别/.test(before)) return;
    const cmpAt = sentenceStart + cmp.index;
    // R2: a percent between the comparison word and the gap; R1: the closest percent before the word
    let r2: number | null = null;
    let r1: number | null = null;
    for (let j = k - 1; j >= 0 && metrics[j]!.span[0] >= sentenceStart; j--) {
      const m = metrics[j]!;
      if (m.kind !== 'percent') continue;
      if (m.span[0] >= cmpAt) r2 ??= j;
      else {
        r1 = j;
        break;
      }
    }
    if (g.kind === 'percent' && !/高于|低于|快于|慢于|高出/.test(cmp[0])) return;
    if (r1 === null) return;
    if (r2 === null) {
      if (g.kind === 'percentage_point') out.push(unverifiable('rate-gap', metrics, [r1, k], `${metrics[r1]!.text} vs. another rate: a gap of ${g.text}`, 'the rate compared against is not stated in the sentence'));
      return;
    }
    const R1 = metrics[r1]!;
    const R2 = metrics[r2]!;
    if (g.kind === 'percentage_point') {
      out.push(judge({ id: 'rate-gap', metrics, involved: [r1, r2, k], claim: `${R1.text} − ${R2.text} = ${g.text}`, stated: Math.abs(g.value), inputs: [r1, r2], f: ([a, b]) => Math.abs(a! - b!) }));
      return;
    }
    // a gap written as a percent: relative (consistent), or the difference in points (a slip)
    out.push(
      judge({
        id: 'rate-gap',
        metrics,
        involved: [r1, r2, k],
        claim: `${R1.text} against ${R2.text}: a gap of ${g.text}`,
        stated: Math.abs(g.value),
        inputs: [r1, r2],
        f: ([a, b]) => Math.abs(a! / b! - 1) * 100,
        slip: { value: Math.abs(R1.value - R2.value), message: `${g.text} is the difference in percentage points written as a percent (say ${Math.abs(R1.value - R2.value).toFixed(1)}个百分点)` },
      }),
    );
  });
  return out;
}
