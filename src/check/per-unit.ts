/**
 * Averages and per-unit figures, when the article states what they are computed from, in the same
 * sentence or the one before: 平均投资规模 (or 平均每个项目) = total investment ÷ number of projects,
 * 亩均税收 / 亩均产值 = tax or output ÷ area in 亩, 投资强度 = investment ÷ area in 亩.
 */
import type { Check, Metric } from '../types.js';
import { additive, clauseBefore } from './figures.js';
import { quotient, unverifiable } from './verdict.js';

const MU = 10000 / 15; // m² in one 亩

interface PerUnit {
  /** The words the per-unit figure follows. */
  words: RegExp;
  /** The numerator: a money figure whose clause matches. */
  numerator: RegExp;
  /** The denominator: a count of projects or enterprises, or an area. */
  denominator: 'count' | 'area';
  name: string;
}

/** The per-unit figures known; users may add their own. */
export const PER_UNIT: PerUnit[] = [
  { words: /平均(?:每个|单个|每家)?(?:项目|企业)?(?:投资)?(?:规模|投资额|投资)|单个项目平均|平均单体投资/, numerator: /总投资|投资|签约金额|金额/, denominator: 'count', name: 'average investment (total ÷ count)' },
  { words: /亩均税收|每亩税收/, numerator: /税收|税/, denominator: 'area', name: 'tax per 亩 (tax ÷ area)' },
  { words: /亩均(?:产值|营收|营业收入)|每亩产值/, numerator: /产值|营收|营业收入/, denominator: 'area', name: 'output per 亩 (output ÷ area)' },
  { words: /投资强度|亩均投资|每亩投资/, numerator: /投资/, denominator: 'area', name: 'investment per 亩 (investment ÷ area)' },
];

function window(metrics: readonly Metric[], k: number): number[] {
  // this sentence up to the figure, and the sentence before
  const start = metrics[k]!.sentenceSpan[0];
  const prevStart = metrics.findLast((m) => m.sentenceSpan[1] <= start)?.sentenceSpan[0] ?? start;
  const out: number[] = [];
  for (let j = k - 1; j >= 0 && metrics[j]!.sentenceSpan[0] >= prevStart; j--) out.push(j);
  return out;
}

export function perUnit(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  metrics.forEach((p, k) => {
    if (p.kind !== 'money') return;
    const words = clauseBefore(text, p.span[0]);
    const rule = PER_UNIT.find((r) => r.words.test(words));
    if (!rule) return;
    const near = window(metrics, k);
    const num = near.find((j) => {
      const m = metrics[j]!;
      return additive(m) && m.kind === 'money' && m.unit === p.unit && !rule.words.test(clauseBefore(text, m.span[0])) && rule.numerator.test(clauseBefore(text, m.span[0]));
    });
    const den = near.find((j) => {
      const m = metrics[j]!;
      return additive(m) && (rule.denominator === 'area' ? m.kind === 'area' : m.kind === 'count' && (m.metric === 'project_count' || m.metric === 'enterprise_count'));
    });
    if (num === undefined || den === undefined) {
      const missing = num === undefined ? 'the total it divides is not stated nearby' : `the ${rule.denominator} it divides by is not stated nearby`;
      out.push(unverifiable('per-unit', metrics, [k, ...[num, den].filter((j): j is number => j !== undefined)], `${p.text}: ${rule.name}`, missing));
      return;
    }
    const perDen = rule.denominator === 'area' ? MU : 1;
    const N = metrics[num]!;
    const D = metrics[den]!;
    const claim = `${N.text} ÷ ${D.text}${rule.denominator === 'area' ? ' (in 亩)' : ''} = ${p.label ?? ''}${p.text}: ${rule.name}`;
    const verdict = quotient('per-unit', metrics, [num, den], k, claim, perDen);
    // within a factor of two the article may divide a different area or amount (用地 or 规划面积,
    // 税收 or 地方税收): a warning; further off is an error (亩均税收 an order of magnitude off)
    const ratio = verdict.actual! / verdict.expected!;
    if (verdict.status === 'inconsistent' && rule.denominator === 'area' && ratio > 0.5 && ratio < 2) {
      verdict.severity = 'warning';
      verdict.message += '; the article may divide a different area or amount';
    }
    out.push(verdict);
  });
  return out;
}
