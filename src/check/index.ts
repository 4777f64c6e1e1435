/**
 * The check stage: arithmetic stated in the article, checked. Each check is one file.
 */
import type { Check, CheckId, Info, Metric } from '../types.js';
import { growthMultiple } from './growth-multiple.js';
import { growthRate } from './growth-rate.js';
import { partsTotal } from './parts-total.js';
import { percentagePoint } from './percentage-point.js';
import { shareRange } from './share-range.js';

export const CHECK_INFO: Record<CheckId, Info & { run: (metrics: readonly Metric[], text: string) => Check[] }> = {
  'growth-multiple': { description: '从A增至B，增长N倍: N = B/A − 1', run: growthMultiple },
  'growth-rate': { description: '从A增至B，增长N%: N = (B/A − 1) × 100, or the compound annual rate for 年均增长', run: growthRate },
  'percentage-point': { description: '由A%增至B%，提高N个百分点: N = B − A', run: percentagePoint },
  'parts-total': { description: '其中: the parts do not exceed the total', run: partsTotal },
  'share-range': { description: 'shares ≤ 100%, falls ≥ −100%', run: shareRange },
};

export function runChecks(metrics: readonly Metric[], text: string): Check[] {
  return Object.values(CHECK_INFO).flatMap((c) => c.run(metrics, text));
}
