/**
 * 从A增至B，增长N%: N should be (B/A − 1) × 100, or the compound annual rate for 年均增长N% when
 * the years of A and B are stated (从2013年的A增至2023年的B). A rate over a span of years
 * (2019年至2021年年均增长) is by statistical convention measured from the year before the span
 * (2018): unless A is stated for a single year, that base is not given, and the check says so.
 * When A and B are percentages and N equals B − A, points were reported as a percent (a warning).
 */
import type { Check, Metric } from '../types.js';
import { reportedChanges } from './from-to.js';
import { judge, unverifiable } from './verdict.js';

const ANNUAL = /年均|平均每年|年平均|每年平均/;
const YEAR = /(\d{4})\s*年?/g;
const YEAR_RANGE = /(\d{4})\s*年?\s*(?:至|到|—|-|~|－)\s*(\d{4})\s*年/;

function years(period: string | null): number[] {
  return [...(period ?? '').matchAll(YEAR)].map((m) => Number(m[1]));
}

export function growthRate(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  for (const { a, b, n, involved } of reportedChanges(metrics, text)) {
    if (n.kind !== 'percent' || n.metric !== 'growth_rate' || a.value === 0) continue;
    const [ia, ib] = involved as [number, number, number];
    const annual = ANNUAL.test(text.slice(b.span[1], n.span[0]));
    let span = 1;
    if (annual) {
      const ya = years(a.period);
      const yb = years(b.period);
      // one year each, the later after the earlier: 从2013年的A增至2023年的B
      if (ya.length !== 1 || yb.length !== 1 || !(yb[0]! > ya[0]!) || b.value / a.value <= 0) {
        // 2019年至2021年: the span's first year, read from the sentence, else from the periods
        const range = YEAR_RANGE.exec(text.slice(a.sentenceSpan[0], a.span[0]));
        const all = [...ya, ...yb];
        const first = range ? Number(range[1]) : all.length ? Math.min(...all) : null;
        const missing = first
          ? `a rate over the years from ${first} is measured from the ${first - 1} base, and A is not stated as the ${first - 1} value`
          : 'the years of A and B are not stated';
        out.push(unverifiable('growth-rate', metrics, involved, `${a.text} → ${b.text}, 年均增长${n.text}`, missing));
        continue;
      }
      span = yb[0]! - ya[0]!;
    }
    const years_ = span;
    out.push(
      judge({
        id: 'growth-rate',
        metrics,
        involved,
        claim: annual
          ? `${a.text} → ${b.text} over ${years_} years, 年均增长${n.text} ((B/A)^(1/${years_}) − 1)`
          : `${a.text} → ${b.text}, 增长${n.text} (B/A − 1)`,
        stated: n.value,
        inputs: [ia, ib],
        f: ([x, y]) => ((y! / x!) ** (1 / years_) - 1) * 100,
        slip:
          a.kind === 'percent'
            ? { value: b.value - a.value, message: `${n.text} is B − A, percentage points reported as a percent; the relative change is ${((b.value / a.value - 1) * 100).toFixed(2)}%` }
            : undefined,
      }),
    );
  }
  return out;
}
