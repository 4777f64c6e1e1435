/**
 * Who, what, when (ATTRIBUTION.md): table-driven cases in test/attribution-cases/*.json. Each
 * expectation names a quantity and the fields it must have; fields left out are not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { Metric } from '../src/types.js';
import { ROOT } from './helpers.js';

interface AttributionCase {
  about: string;
  input: string;
  published?: string | null;
  expect: Array<{ quantity: string } & Partial<Pick<Metric, 'zone' | 'indicator' | 'period' | 'when' | 'base' | 'label'>>>;
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
        const m = r.metrics.find((x) => x.text === e.quantity);
        expect(m, `${e.quantity} is extracted`).toBeDefined();
        for (const [field, value] of Object.entries(e)) {
          if (field === 'quantity') continue;
          expect((m as unknown as Record<string, unknown>)[field], `${e.quantity}: ${field}`).toEqual(value);
        }
      }
    });
  }
});
