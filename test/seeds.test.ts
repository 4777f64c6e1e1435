/**
 * The accuracy gate: extraction on the annotated seed articles (../shared, or ZONEFACTS_SHARED),
 * scored as the annotation guide says. Prints precision, recall and F1 per kind and per metric.
 */
import { describe, expect, it } from 'vitest';
import { formatScore, runEval } from '../src/eval/run-eval.js';
import { GOLD, HAVE_SEEDS, SEEDS } from './helpers.js';

const QUANTITY_F1 = 0.95;
const METRIC_ACCURACY = 0.9;
/** Zone, indicator and period accuracy on matched quantities (ATTRIBUTION.md). */
const ATTRIBUTION_ACCURACY = 0.9;

if (!HAVE_SEEDS) {
  console.warn(`seeds test skipped: no seed articles at ${SEEDS} or gold file at ${GOLD} (set ZONEFACTS_SHARED to the shared folder)`);
}

describe.skipIf(!HAVE_SEEDS)('accuracy on the seed articles', () => {
  const { score, missing } = HAVE_SEEDS ? runEval({ goldPath: GOLD, textsDir: SEEDS }) : { score: null, missing: [] };

  it('finds every article the gold file names', () => {
    expect(missing).toEqual([]);
  });

  it(`quantity F1 ≥ ${QUANTITY_F1} and metric accuracy ≥ ${METRIC_ACCURACY}`, () => {
    console.log(formatScore(score!, true));
    expect(score!.overall.f1).toBeGreaterThanOrEqual(QUANTITY_F1);
    expect(score!.metricAccuracy).toBeGreaterThanOrEqual(METRIC_ACCURACY);
  });

  it(`zone, indicator and period accuracy ≥ ${ATTRIBUTION_ACCURACY}`, () => {
    for (const field of ['zone', 'indicator', 'period'] as const) {
      expect(score![field].scored, `${field}: the gold annotates every item`).toBe(score!.overall.matched);
      expect(score![field].accuracy, `${field} accuracy`).toBeGreaterThanOrEqual(ATTRIBUTION_ACCURACY);
    }
  });

  it('every emitted span holds its text', () => {
    expect(score!.unlocated).toEqual([]);
  });
});
