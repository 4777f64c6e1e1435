/**
 * Score zonefacts on annotated articles: a gold file in the annotation guide's format and the
 * directory holding the articles it names.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractBytes } from '../index.js';
import { isErrorRecord } from '../types.js';
import { score, type GoldFile, type Score } from './score.js';

export interface EvalInput {
  goldPath: string;
  textsDir: string;
}

export interface EvalResult {
  score: Score;
  /** Articles named by the gold file that could not be found or read. */
  missing: string[];
}

export function runEval({ goldPath, textsDir }: EvalInput): EvalResult {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
  if (!gold || !Array.isArray(gold.articles)) throw new Error(`${goldPath}: not a gold file (no "articles" array)`);
  const missing: string[] = [];
  const articles = [];
  for (const a of gold.articles) {
    const candidates = [path.join(textsDir, a.file), path.join(textsDir, path.basename(a.file))];
    const file = candidates.find((f) => existsSync(f));
    if (!file) {
      missing.push(a.file);
      continue;
    }
    const record = extractBytes(readFileSync(file), { file });
    if (isErrorRecord(record)) {
      missing.push(a.file);
      continue;
    }
    articles.push({
      id: a.id, text: record.text ?? readFileSync(file, 'utf8'), gold: a.gold, metrics: record.metrics,
      zones: a.zones, published: record.published, ...('published' in a ? { goldPublished: a.published ?? null } : {}),
    });
  }
  return { score: score(articles), missing };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(6);

/** A plain-text report: overall, per kind, per metric, then what was missed and what was extra. */
export function formatScore(s: Score, verbose: boolean): string {
  const rows: string[] = [];
  const line = (name: string, t: { gold: number; emitted: number; matched: number; precision: number; recall: number; f1: number }) =>
    `${name.padEnd(20)}${String(t.gold).padStart(6)}${String(t.emitted).padStart(8)}${String(t.matched).padStart(8)}${pct(t.precision)}${pct(t.recall)}${pct(t.f1)}`;
  const header = `${''.padEnd(20)}${'gold'.padStart(6)}${'emitted'.padStart(8)}${'matched'.padStart(8)}${'P%'.padStart(6)}${'R%'.padStart(6)}${'F1%'.padStart(6)}`;
  rows.push(header, line('all quantities', s.overall), '', 'by kind');
  for (const [k, t] of Object.entries(s.byKind)) rows.push(line(`  ${k}`, t));
  rows.push('', 'by metric (matched = quantity and metric agree)');
  for (const [k, t] of Object.entries(s.byMetric)) rows.push(line(`  ${k}`, t));
  rows.push('', `metric accuracy on matched quantities: ${pct(s.metricAccuracy).trim()}% (${s.metricAgreed}/${s.overall.matched})`);
  for (const field of ['zone', 'indicator', 'period', 'published'] as const) {
    const a = s[field];
    if (a.scored > 0) rows.push(`${`${field} accuracy`.padEnd(35)}${pct(a.accuracy).trim()}% (${a.agreed}/${a.scored})`);
  }
  if (verbose) {
    rows.push('', `missed (${s.missed.length})`);
    for (const m of s.missed) rows.push(`  ${m.article}  ${m.kind}  ${m.quantity}  …${m.context}…`);
    rows.push('', `attribution misses (${s.attributionMisses.length})`);
    for (const m of s.attributionMisses) rows.push(`  ${m.article}  ${m.field}  ${m.quantity}  expected ${m.expected}, got ${m.got}  …${m.context}…`);
    rows.push('', `spurious (${s.spurious.length})`);
    for (const m of s.spurious) rows.push(`  ${m.article}  ${m.kind}  ${m.quantity}  …${m.context}…`);
  }
  return `${rows.join('\n')}\n`;
}
