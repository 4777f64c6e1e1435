/**
 * Who, what, when (ATTRIBUTION.md): table-driven cases in test/attribution-cases/*.json. Each
 * expectation names a quantity and the fields it must have; fields left out are not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../src/eval/run-eval.js';
import { extract } from '../src/index.js';
import type { Metric } from '../src/types.js';
import { ROOT } from './helpers.js';

interface AttributionCase {
  about: string;
  input: string;
  published?: string | null;
  expect: Array<{ quantity: string } & Partial<Pick<Metric, 'zone' | 'indicator' | 'period' | 'when' | 'base' | 'label' | 'metric'>>>;
}

const dir = path.join(ROOT, 'test', 'attribution-cases');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as AttributionCase[]).map((c) => [f, c] as const));

describe('attribution cases', () => {
  for (const [file, c] of cases) {
    it(`${file}: ${c.about}`, () => {
      const r = extract(c.input, { date: c.published ?? undefined });
      if (c.published !== undefined) expect(r.published).toBe(c.published);
      for (const e of c.expect) {
        const m = r.metrics.find((x) => x.text === e.quantity) ?? r.metrics.find((x) => x.text.includes(e.quantity));
        expect(m, `${e.quantity} is extracted`).toBeDefined();
        for (const [field, value] of Object.entries(e)) {
          if (field === 'quantity') continue;
          expect((m as unknown as Record<string, unknown>)[field], `${e.quantity}: ${field}`).toEqual(value);
        }
      }
    });
  }
});

describe('attribution fixtures (annotated before the first run)', () => {
  const { score, missing } = runEval({ goldPath: path.join(ROOT, 'fixtures', 'attribution.gold.json'), textsDir: path.join(ROOT, 'fixtures') });

  it('zone, indicator and period accuracy ≥ 0.9, every publication date right', () => {
    expect(missing).toEqual([]);
    for (const field of ['zone', 'indicator', 'period'] as const) {
      expect(score[field].scored).toBe(score.overall.matched);
      expect(score[field].accuracy, field).toBeGreaterThanOrEqual(0.9);
    }
    expect(score.published.agreed).toBe(score.published.scored);
  });
});
