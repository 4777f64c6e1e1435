/**
 * The check stage: relations the article states between its own figures, checked. Each check is
 * one file; each returns its verdicts (consistent, inconsistent or unverifiable) for one article.
 */
import type { Check, CheckId, Info, Metric } from '../types.js';
import { changeAmount } from './change-amount.js';
import { growthMultiple } from './growth-multiple.js';
import { growthRate } from './growth-rate.js';
import { partsTotal } from './parts-total.js';
import { percentagePoint } from './percentage-point.js';
import { shareRange } from './share-range.js';

type Run = (metrics: readonly Metric[], text: string) => Check[];

export const CHECK_INFO: Partial<Record<CheckId, Info & { run: Run }>> = {
  'parts-total': { description: 'totals and parts (其中, 包括, 含, 分别为, brackets, the next sentence): exhaustive parts sum to the total, others do not exceed it', run: partsTotal },
  'growth-multiple': { description: '从A增至B，增长N倍: N = B/A − 1', run: growthMultiple },
  'growth-rate': { description: '从A增至B，增长N%: N = (B/A − 1) × 100, or the compound annual rate for 年均增长', run: growthRate },
  'change-amount': { description: '从A增至B，增加X: X = B − A', run: changeAmount },
  'percentage-point': { description: '由A%增至B%，提高N个百分点: N = B − A', run: percentagePoint },
  'share-range': { description: 'shares ≤ 100%, falls ≥ −100%', run: shareRange },
};

export function runChecks(metrics: readonly Metric[], text: string): Check[] {
  return Object.values(CHECK_INFO).flatMap((c) => c!.run(metrics, text));
}
