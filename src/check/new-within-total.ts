/**
 * What is new is part of the total it joins: 新增企业120家，企业总数达1500家 → 120 ≤ 1500; the same for
 * 新签约 within 累计签约. The two figures are of one quantity in one sentence.
 */
import type { Check, Metric } from '../types.js';
import { additive, clauseBefore, fullSentenceAt, sameQuantity } from './figures.js';
import { judge } from './verdict.js';

/** Words a figure of new things follows; words a running total follows. Users may extend both. */
export const NEW_WORDS = /新增|新引进|新落户|新签约|新签|新注册|新认定|新入驻|新开工|新培育|新设立/;
export const TOTAL_WORDS = /总数|总量|累计|累积|共计|总计|总共|共有|总规模|达到|达|增至|增加到|突破/;

const WHERE = /^(?:全区|全市|园区|区内|园内|在园|入园|目前|现有|开发区|高新区)+/;
const GENERIC = /^(?:企业|项目|市场主体|机构|平台|人才)?$/;

/** The total counts what the new figure counts: 高新技术企业总数 is no total of 科技型中小企业. */
function sameThing(n: Metric, t: Metric): boolean {
  const core = (t.label ?? '').replace(new RegExp(TOTAL_WORDS.source, 'g'), '').replace(/[已共的]/g, '').replace(WHERE, '');
  return GENERIC.test(core) || (n.label ?? '').includes(core);
}

export function newWithinTotal(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  metrics.forEach((n, i) => {
    if (!additive(n) || !NEW_WORDS.test(clauseBefore(text, n.span[0]))) return;
    const [start, end] = fullSentenceAt(text, n.span[0]);
    // the closest total in the same clause group (no ；between), one after before one before
    const distance = (j: number) => {
      const [a, b] = j < i ? [metrics[j]!.span[1], n.span[0]] : [n.span[1], metrics[j]!.span[0]];
      return /[；;]/.test(text.slice(a, b)) ? Infinity : Math.abs(j - i) + (j < i ? 0.5 : 0);
    };
    let best: number | null = null;
    // the figures of this sentence only (metrics are in text order): not every figure of the text
    let first = i;
    while (first > 0 && metrics[first - 1]!.span[0] >= start) first--;
    for (let j = first; j < metrics.length && metrics[j]!.span[0] < end; j++) {
      const t = metrics[j]!;
      if (j === i || !additive(t) || !sameQuantity(n, t)) continue;
      const before = clauseBefore(text, t.span[0]);
      if (NEW_WORDS.test(before) || !TOTAL_WORDS.test(before) || !sameThing(n, t)) continue;
      if (distance(j) < (best === null ? Infinity : distance(best))) best = j;
    }
    if (best === null) return;
    const t = metrics[best]!;
    out.push(
      judge({
        id: 'new-within-total',
        metrics,
        involved: [best, i],
        claim: `new ${n.label ?? ''}${n.text} ≤ the total ${t.label ?? ''}${t.text}`,
        stated: t.value,
        inputs: [i],
        f: ([x]) => x!,
        mode: 'atMost',
      }),
    );
  });
  return out;
}
