/**
 * One fact stated twice with different values: the same zone, indicator, period and base, in two
 * sentences (the headline says 签约项目8个, the body 9个). The labels must be the same words too,
 * so a part (工业项目, 省级重点项目) is never taken for its total (签约项目, 重点项目). A warning: the two
 * figures may still measure different things the attribution does not tell apart.
 */
import type { Check, Metric } from '../types.js';
import { fold } from '../normalize/fold.js';
import { halfUnit } from './verdict.js';

/** Words that do not change what a label measures: 共签约项目, 今年新签约项目 and 签约项目 are one thing. */
const FILLER = /共|全年|今年|本年|其中|全区|实现|完成|达到?|累计|新|[，,、\s]/g;

/** A zone's name before the measure (云溪经开区签约项目), but not 区 in 区级 or 园 in 园林. */
const ZONE_PREFIX = /^.*(?:高新区|开发区|经开区|园区|新区|合作区|示范区|综保区|产业园|工业园|科学园|科技园)/;

/** Labels that name no thing of their own (总投资98.1亿元 after 省级重点项目10个 is that group's). */
const GENERIC = /^(?:总数|数量|总量|总额|总计|合计|共计|总投资|投资|投资额|金额|规模|面积|总面积)$/;

/** The label folded to simplified script (labels keep the article's own), less zone and filler words. */
function core(m: Metric): string {
  return fold(m.label ?? '').text.replace(ZONE_PREFIX, '').replace(FILLER, '');
}

/**
 * What a figure measures, for telling facts apart: its label, and for a generic label the figure
 * before it in the sentence (列入省级重点项目10个，总投资98.1亿元 vs 列入市级重点项目21个，总投资190.3亿元).
 */
function identity(metrics: readonly Metric[], i: number): string {
  const m = metrics[i]!;
  const own = core(m);
  if (!GENERIC.test(own)) return own;
  const before = metrics[i - 1];
  return before && before.sentenceSpan[0] === m.sentenceSpan[0] ? `${core(before)}|${own}` : own;
}

/** Everything but the label that two statements of one fact share; null for a figure that cannot conflict. */
function factKey(m: Metric): string | null {
  if (m.indicator === 'other' || !m.when || m.qualifier || m.range) return null;
  return JSON.stringify([m.indicator, m.zone, m.when.from, m.when.to, m.base, m.kind, m.unit]);
}

export function conflict(metrics: readonly Metric[]): Check[] {
  // figures grouped by fact first, labels read once each: a dense text is not compared pair by pair
  const groups = new Map<string, number[]>();
  metrics.forEach((m, i) => {
    const key = factKey(m);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const out: Check[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    // the same words, not one inside the other: 省级重点项目 is a part of 重点项目, not a restatement
    const ids = members.map((i) => identity(metrics, i));
    members.forEach((i, x) => {
      const a = metrics[i]!;
      for (let y = x + 1; y < members.length; y++) {
        const b = metrics[members[y]!]!;
        if (ids[x]!.length === 0 || ids[x] !== ids[y] || a.sentenceSpan[0] === b.sentenceSpan[0]) continue;
        const tolerance = halfUnit(a) + halfUnit(b);
        if (Math.abs(a.value - b.value) <= tolerance) continue;
        out.push({
          id: 'conflict', status: 'inconsistent', severity: 'warning', metrics: [i, members[y]!],
          claim: `${a.zone ?? 'the article'}, ${a.indicatorName ?? a.indicator}, ${a.when!.from}..${a.when!.to}: stated as ${a.text} and as ${b.text}`,
          message: `${a.label ?? ''}${a.text} and ${b.label ?? ''}${b.text} state one fact (same zone, indicator and period) with different values`,
          expected: a.value, actual: b.value, tolerance,
          toleranceWhy: 'half a unit in the last written digit of each figure', spans: [a.span, b.span],
        });
        break;
      }
    });
  }
  return out.sort((p, q) => p.metrics[0]! - q.metrics[0]!);
}
