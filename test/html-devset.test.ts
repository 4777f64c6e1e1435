/**
 * The HTML gate: body, date and author on the development set of real pages (../shared/html/gne,
 * or ZONEFACTS_SHARED), read at run time and never copied into the project.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module shared with scripts/eval-html.mjs
import { devSetDir, measure } from '../scripts/eval-html-lib.mjs';
import { normalizeDate } from '../src/ingest/dates.js';
import { decode } from '../src/ingest/decode.js';
import { ingestBytes } from '../src/ingest/index.js';
import { SHARED } from './helpers.js';

const dir = devSetDir(SHARED) as string | null;
if (!dir) console.warn(`html dev-set test skipped: no pages at ${SHARED}/html/gne (set ZONEFACTS_SHARED to the shared folder)`);

describe.skipIf(!dir)('development set of real pages', () => {
  it('finds the right body on every page, a date on ≥ 90% of dated pages, and real bylines', () => {
    const engine = (bytes: Uint8Array) => {
      const doc = ingestBytes(bytes, { inputFormat: 'html' });
      return { text: doc.text, meta: doc.meta ?? {} };
    };
    const { rows, summary } = measure(dir, engine, { decode, normalizeDate }) as {
      rows: Array<{ id: string; f1: number }>;
      summary: { meanF1: number; dateRate: number; authorRate: number; extraAuthors: number };
    };
    expect(rows.filter((r) => r.f1 < 0.9).map((r) => r.id)).toEqual([]);
    expect(summary.meanF1).toBeGreaterThanOrEqual(0.98);
    expect(summary.dateRate).toBeGreaterThanOrEqual(0.9);
    expect(summary.authorRate).toBeGreaterThanOrEqual(0.8);
    expect(summary.extraAuthors).toBeLessThanOrEqual(2);
  }, 120_000);
});
