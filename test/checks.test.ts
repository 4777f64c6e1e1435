/**
 * The consistency checks, table-driven from test/check-cases/checks.json: each input must give
 * exactly the expected findings (id and severity).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { ROOT } from './helpers.js';

interface CheckCase {
  input: string;
  expect: Array<{ id: string; severity: string }>;
}

const cases = JSON.parse(readFileSync(path.join(ROOT, 'test', 'check-cases', 'checks.json'), 'utf8')) as CheckCase[];

describe('checks', () => {
  it.each(cases.map((c) => [c.input, c] as const))('%s', (_input, c) => {
    const r = extract(c.input);
    expect(r.checks.map((k) => ({ id: k.id, severity: k.severity }))).toEqual(c.expect);
    for (const k of r.checks) for (const i of k.metrics) expect(r.metrics[i]).toBeDefined();
  });
});
