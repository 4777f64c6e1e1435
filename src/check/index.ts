/**
 * The check stage: relations the article states between its own figures, checked. Each check is
 * one file; each returns its verdicts (consistent, inconsistent or unverifiable) for one article.
 */
import type { Check, CheckId, Info, Metric } from '../types.js';
import { changeAmount } from './change-amount.js';
import { conflict } from './conflict.js';
import { contribution } from './contribution.js';
import { countedList } from './counted-list.js';
import { currentPrior, priorPeriod } from './current-prior.js';
import { growthMultiple } from './growth-multiple.js';
import { growthRate } from './growth-rate.js';
import { partsTotal } from './parts-total.js';
import { newWithinTotal } from './new-within-total.js';
import { percentagePoint } from './percentage-point.js';
import { perUnit } from './per-unit.js';
import { rateGap } from './rate-gap.js';
import { share } from './share.js';
import { shareRange } from './share-range.js';

type Run = (metrics: readonly Metric[], text: string) => Check[];

export const CHECK_INFO: Record<CheckId, Info & { run: Run }> = {
  'parts-total': { description: 'totals and parts (其中, 包括, 含, 分别为, brackets, the next sentence): exhaustive parts sum to the total, others do not exceed it', run: partsTotal },
  'new-within-total': { description: '新增X，总数达Y (新签约 within 累计): X ≤ Y', run: newWithinTotal },
  share: { description: 'X占Y的N%, or a part 占比N% of its total: N = X / Y × 100', run: share },
  'per-unit': { description: '平均投资规模 = total ÷ count; 亩均税收, 亩均产值, 投资强度 = amount ÷ area in 亩', run: perUnit },
  'rate-gap': { description: '增长A%，高于全市B% N个百分点: N = A − B; a point gap written as % is flagged', run: rateGap },
  contribution: { description: '贡献率 = part increase ÷ whole increase; 拉动N个百分点 = part increase ÷ whole prior value; 拉动N% is flagged', run: contribution },
  conflict: { description: 'one zone, indicator, period and base stated twice with different values', run: conflict },
  'counted-list': { description: '甲、乙、丙3个项目: the count equals the items listed', run: countedList },
  'growth-multiple': { description: '从A增至B，增长N倍: N = B/A − 1', run: growthMultiple },
  'growth-rate': { description: '从A增至B，增长N%: N = (B/A − 1) × 100, or the compound annual rate for 年均增长', run: growthRate },
  'change-amount': { description: '从A增至B，增加X: X = B − A', run: changeAmount },
  'current-prior': {
    description: 'A，比上年增加X，增长N%: N = X ÷ (A − X) × 100; or B with its rate and A, the year before, stated anywhere: N = B/A − 1',
    run: (metrics, text) => [...currentPrior(metrics, text), ...priorPeriod(metrics, text)],
  },
  'percentage-point': { description: '由A%增至B%，提高N个百分点: N = B − A', run: percentagePoint },
  'share-range': { description: 'shares ≤ 100%, falls ≥ −100%', run: shareRange },
};

export function runChecks(metrics: readonly Metric[], text: string): Check[] {
  return Object.values(CHECK_INFO).flatMap((c) => c.run(metrics, text));
}
