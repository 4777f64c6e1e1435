/**
 * A part of a whole cannot exceed 100% (占比120%), and nothing falls by more than 100% (下降120%).
 * Rates of completion (为年度任务的108.3%, 完成率112%) may pass 100% and are left alone.
 */
const PART_OF_WHOLE = /占|比重|比例|份额|构成|構成/;
import type { Check, Metric } from '../types.js';

export function shareRange(metrics: readonly Metric[]): Check[] {
  const out: Check[] = [];
  metrics.forEach((m, i) => {
    if (m.kind !== 'percent') return;
    if (m.metric === 'share' && m.value > 100 && PART_OF_WHOLE.test(m.label ?? '')) {
      out.push({ id: 'share-range', status: 'inconsistent', severity: 'warning', metrics: [i], message: `${m.text} as a share of a whole is over 100%`, expected: 100, actual: m.value });
    }
    if (m.metric === 'growth_rate' && m.value < -100) {
      out.push({ id: 'share-range', status: 'inconsistent', severity: 'error', metrics: [i], message: `a fall of ${m.text} is impossible: nothing falls by more than 100%`, expected: -100, actual: m.value });
    }
  });
  return out;
}
