/**
 * A figure, its change on the prior period and the rate, stated together: 税收收入23.4亿元，比上年
 * 增加3.1亿元，同比增长15.3% → the prior value is 23.4 − 3.1, and 15.3% = 3.1 ÷ (23.4 − 3.1).
 * A fall (减少) puts the prior value above the current one. And anywhere in the article: a figure
 * with its rate (营收92亿元，同比增长15%) and the same zone and indicator stated for the year
 * before (2023年营收80亿元) → 15% = 92 ÷ 80 − 1 (needs the attribution fields zone, indicator, when).
 */
import { FALL_WORDS, RISE_WORDS } from '../extract/lexicon.js';
import { alternation } from '../extract/rule.js';
import type { Check, Metric, When } from '../types.js';
import { additive, sameQuantity } from './figures.js';
import { judge } from './verdict.js';

const CHANGE_BEFORE = new RegExp(`^[，,]\\s*(?:比上年|较上年|比去年|较去年|同比|比上年同期|较上年同期)(?:${alternation([...RISE_WORDS, ...FALL_WORDS])})了?$`);
const RATE_BEFORE = new RegExp(`^[，,]\\s*(?:同比|比上年|较上年)?(?:${alternation([...RISE_WORDS, ...FALL_WORDS])})了?$`);
const FALL = new RegExp(alternation(FALL_WORDS));

export function currentPrior(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  for (let i = 0; i + 2 < metrics.length; i++) {
    const [c, d, r] = [metrics[i]!, metrics[i + 1]!, metrics[i + 2]!];
    if (!additive(c) || !additive(d) || !sameQuantity(c, d) || r.kind !== 'percent') continue;
    const changeWords = text.slice(c.span[1], d.span[0]);
    if (!CHANGE_BEFORE.test(changeWords) || !RATE_BEFORE.test(text.slice(d.span[1], r.span[0]))) continue;
    const fall = FALL.test(changeWords);
    out.push(
      judge({
        id: 'current-prior',
        metrics,
        involved: [i, i + 1, i + 2],
        claim: `${c.text}, ${fall ? 'down' : 'up'} ${d.text} on the prior period: a change of ${r.text} (X ÷ prior value)`,
        stated: Math.abs(r.value),
        inputs: [i, i + 1],
        f: ([now, change]) => (change! / (fall ? now! + change! : now! - change!)) * 100,
      }),
    );
  }
  return out;
}

/** The same months a year earlier: 2024-01..2024-12 → 2023-01..2023-12. */
function yearBefore(w: When): When {
  const back = (ym: string) => `${Number(ym.slice(0, 4)) - 1}${ym.slice(4)}`;
  return { from: back(w.from), to: back(w.to) };
}

/** A figure with its year-on-year rate, and the prior year's value stated elsewhere in the article. */
export function priorPeriod(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  for (let i = 0; i + 1 < metrics.length; i++) {
    const [c, r] = [metrics[i]!, metrics[i + 1]!];
    if (!additive(c) || c.indicator === 'other' || !c.when || r.kind !== 'percent' || r.metric !== 'growth_rate') continue;
    if (!RATE_BEFORE.test(text.slice(c.span[1], r.span[0]))) continue;
    const before = yearBefore(c.when);
    const j = metrics.findIndex(
      (p) => additive(p) && sameQuantity(p, c) && p.indicator === c.indicator && p.zone === c.zone && p.when?.from === before.from && p.when.to === before.to,
    );
    if (j < 0) continue;
    out.push(
      judge({
        id: 'current-prior',
        metrics,
        involved: [j, i, i + 1],
        claim: `${metrics[j]!.text} (${before.from}..${before.to}) → ${c.text} (${c.when.from}..${c.when.to}): a change of ${r.text} (B/A − 1)`,
        stated: r.value,
        inputs: [j, i],
        f: ([prior, now]) => (now! / prior! - 1) * 100,
      }),
    );
  }
  return out;
}
