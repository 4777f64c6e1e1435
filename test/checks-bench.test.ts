/**
 * Gates on the planted-error benchmark (fixtures/checks) and on real articles: no false alarm on
 * the unedited articles or the controls, at least 0.8 of the planted errors caught, every type
 * verifying some of its relations; and no error-level finding on the seed articles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit, runCheckBench, totals } from '../src/check/benchmark.js';
import { extract } from '../src/index.js';
import { HAVE_SEEDS, ROOT, SEEDS } from './helpers.js';

const DIR = path.join(ROOT, 'fixtures', 'checks');

describe('planted-error benchmark', () => {
  const scores = runCheckBench(DIR);

  it('raises no false alarm on unedited articles and controls', () => {
    expect(scores.flatMap((s) => s.notes.filter((n) => n.startsWith('false alarm')))).toEqual([]);
  });

  it('catches at least 0.8 of the planted errors, overall and per type', () => {
    const all = totals(scores);
    expect(all.caught / all.planted).toBeGreaterThanOrEqual(0.8);
    for (const s of scores) expect(s.caught / s.planted, s.type).toBeGreaterThanOrEqual(0.5);
  });

  it('verifies the relations of every type it is given', () => {
    for (const s of scores) expect(s.verified / s.relations, s.type).toBeGreaterThanOrEqual(0.5);
  });

  it('an edit that does not match exactly once is an error naming the file', () => {
    expect(() => applyEdit('甲乙甲', { find: '甲', replace: '丙' }, 'x.json: a')).toThrow(/x\.json: a/);
  });
});

describe.skipIf(!HAVE_SEEDS)('checks on the seed articles (real, presumably correct)', () => {
  const files = HAVE_SEEDS ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')) : [];
  it.each(files)('%s: no error-level finding', (f) => {
    const r = extract(readFileSync(path.join(SEEDS, f), 'utf8'));
    expect(r.checks.filter((c) => c.status === 'inconsistent' && c.severity === 'error').map((c) => c.message)).toEqual([]);
  });
});
if (!HAVE_SEEDS) console.warn(`checks-bench: seed articles not found under ${SEEDS}; set ZONEFACTS_SHARED to run them`);
