/**
 * The planted-error benchmark (`npm run eval:checks`): per relation type, articles in which the
 * relations hold, copies with one figure changed to break one (planted), and controls with a
 * figure outside any relation changed. It measures coverage (relations verified on the unedited
 * articles, against the number counted by hand), recall on planted errors (a finding that names
 * the changed figure) and false alarms (any finding on an unedited article or a control).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../analyze.js';
import type { Check, CheckId } from '../types.js';

export interface Edit {
  find: string;
  replace: string;
}

export interface BenchArticle {
  id: string;
  text: string;
  /** Relations of the file's type the article states, counted by hand. */
  relations: number;
  planted: Edit[];
  controls: Edit[];
}

export interface BenchFile {
  type: string;
  articles: BenchArticle[];
}

/** The check ids a benchmark type is about: `change` covers every from-to claim. */
export const BENCH_TYPES: Record<string, CheckId[]> = {
  change: ['growth-rate', 'growth-multiple', 'change-amount', 'current-prior', 'percentage-point'],
};

export interface TypeScore {
  type: string;
  articles: number;
  relations: number;
  verified: number;
  planted: number;
  caught: number;
  controls: number;
  /** Findings on the unedited articles and on the controls. */
  falseAlarms: number;
  /** What went wrong, for the verbose listing. */
  notes: string[];
}

const findings = (checks: Check[]) => checks.filter((c) => c.status === 'inconsistent');

/** The text with one edit applied, and where the edited figure is. */
export function applyEdit(text: string, edit: Edit, where: string): { text: string; at: [number, number] } {
  const i = text.indexOf(edit.find);
  if (i < 0 || text.indexOf(edit.find, i + 1) >= 0) throw new Error(`${where}: "${edit.find}" must occur exactly once`);
  return { text: text.slice(0, i) + edit.replace + text.slice(i + edit.find.length), at: [i, i + edit.replace.length] };
}

export function scoreFile(file: BenchFile, where: string): TypeScore {
  const ids = BENCH_TYPES[file.type] ?? [file.type as CheckId];
  const s: TypeScore = { type: file.type, articles: 0, relations: 0, verified: 0, planted: 0, caught: 0, controls: 0, falseAlarms: 0, notes: [] };
  for (const a of file.articles) {
    s.articles++;
    s.relations += a.relations;
    const base = analyze(a.text).checks;
    s.verified += Math.min(a.relations, base.filter((c) => ids.includes(c.id) && c.status === 'consistent').length);
    for (const f of findings(base)) {
      s.falseAlarms++;
      s.notes.push(`false alarm on ${a.id}: ${f.message}`);
    }
    for (const e of a.planted) {
      s.planted++;
      const { text, at } = applyEdit(a.text, e, `${where}: ${a.id}`);
      const hit = findings(analyze(text).checks).some((c) => c.spans.some(([x, y]) => x < at[1] && y > at[0]));
      if (hit) s.caught++;
      else s.notes.push(`missed on ${a.id}: ${e.find} → ${e.replace}`);
    }
    for (const e of a.controls) {
      s.controls++;
      const { text } = applyEdit(a.text, e, `${where}: ${a.id}`);
      for (const f of findings(analyze(text).checks)) {
        s.falseAlarms++;
        s.notes.push(`false alarm on ${a.id} control ${e.find} → ${e.replace}: ${f.message}`);
      }
    }
  }
  return s;
}

/** Every benchmark file in `dir`, scored, one row per type (files of one type are added up). */
export function runCheckBench(dir: string): TypeScore[] {
  const byType = new Map<string, TypeScore>();
  for (const f of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const where = path.join(dir, f);
    let file: BenchFile;
    try {
      file = JSON.parse(readFileSync(where, 'utf8')) as BenchFile;
    } catch (err) {
      throw new Error(`${where}: not a benchmark file (${(err as Error).message})`);
    }
    if (typeof file.type !== 'string' || !Array.isArray(file.articles)) throw new Error(`${where}: needs "type" and "articles"`);
    const score = scoreFile(file, where);
    const seen = byType.get(file.type);
    byType.set(file.type, seen ? totals([seen, score], file.type) : score);
  }
  return [...byType.values()].sort((a, b) => a.type.localeCompare(b.type));
}

export function totals(scores: TypeScore[], type = 'all'): TypeScore {
  const t: TypeScore = { type, articles: 0, relations: 0, verified: 0, planted: 0, caught: 0, controls: 0, falseAlarms: 0, notes: [] };
  for (const s of scores) {
    for (const k of ['articles', 'relations', 'verified', 'planted', 'caught', 'controls', 'falseAlarms'] as const) t[k] += s[k];
    t.notes.push(...s.notes);
  }
  return t;
}

const ratio = (a: number, b: number) => (b === 0 ? '  —  ' : (a / b).toFixed(2));

export function formatBench(scores: TypeScore[], verbose: boolean): string {
  const rows = [...scores, totals(scores)];
  const head = 'type              articles  coverage        recall          false alarms';
  const lines = rows.map(
    (s) =>
      `${s.type.padEnd(18)}${String(s.articles).padStart(8)}  ` +
      `${`${ratio(s.verified, s.relations)} (${s.verified}/${s.relations})`.padEnd(16)}` +
      `${`${ratio(s.caught, s.planted)} (${s.caught}/${s.planted})`.padEnd(16)}` +
      `${s.falseAlarms} on ${s.articles + s.controls} texts`,
  );
  const notes = verbose ? scores.flatMap((s) => s.notes.map((n) => `  ${s.type}: ${n}`)) : [];
  return `${[head, ...lines, ...notes].join('\n')}\n`;
}
