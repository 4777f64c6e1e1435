import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { locate, valuesAgree } from '../src/eval/score.js';
import type { Kind, Metric } from '../src/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** ../shared beside the project, or ZONEFACTS_SHARED. */
export const SHARED = process.env.ZONEFACTS_SHARED ?? path.resolve(ROOT, '..', 'shared');
export const SEEDS = process.env.ZONEFACTS_SEEDS ?? path.join(SHARED, 'seeds');
export const GOLD = process.env.ZONEFACTS_GOLD ?? path.join(SHARED, 'gold', 'seeds.gold.json');
export const HAVE_SEEDS = existsSync(SEEDS) && existsSync(GOLD);

export interface Expected {
  quantity: string;
  occurrence?: number;
  kind: Kind;
  value: number;
  unit?: string;
  metric?: string;
  qualifier?: string | null;
}

export interface Case {
  input: string;
  expect: Expected[];
  todo?: string;
}

export function loadCases(): Array<[string, Case]> {
  const dir = path.join(ROOT, 'test', 'cases');
  const out: Array<[string, Case]> = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const cases = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Case[];
    cases.forEach((c, i) => out.push([`${f}#${i + 1}: ${c.input.slice(0, 24)}`, c]));
  }
  return out;
}

/** Problems with `metrics` against `expect`: missing, wrong fields, or extra metrics. */
export function compare(input: string, metrics: Metric[], expect: Expected[]): string[] {
  const problems: string[] = [];
  const used = new Set<number>();
  for (const e of expect) {
    const span = locate(input, e.quantity, e.occurrence ?? 1);
    if (!span) {
      problems.push(`expected quantity "${e.quantity}" is not in the input`);
      continue;
    }
    const i = metrics.findIndex(
      (m, j) => !used.has(j) && m.span[0] < span[1] && span[0] < m.span[1] && m.kind === e.kind && valuesAgree(e.kind, m.value, e.value),
    );
    if (i < 0) {
      const near = metrics.filter((m) => m.span[0] < span[1] && span[0] < m.span[1]).map((m) => `${m.kind} ${m.value}`);
      problems.push(`missing ${e.kind} ${e.value} at "${e.quantity}"${near.length ? ` (found ${near.join(', ')})` : ''}`);
      continue;
    }
    used.add(i);
    const m = metrics[i]!;
    if (e.unit !== undefined && m.unit !== e.unit) problems.push(`"${e.quantity}": unit ${m.unit}, expected ${e.unit}`);
    if (e.metric !== undefined && m.metric !== e.metric) problems.push(`"${e.quantity}": metric ${m.metric}, expected ${e.metric}`);
    if (e.qualifier !== undefined && m.qualifier !== e.qualifier) problems.push(`"${e.quantity}": qualifier ${m.qualifier}, expected ${e.qualifier}`);
  }
  metrics.forEach((m, j) => {
    if (!used.has(j)) problems.push(`unexpected ${m.kind} ${m.value} "${m.text}" (${m.rule})`);
  });
  return problems;
}

const BIN = path.join(ROOT, 'bin', 'zonefacts.cjs');

/** Run the real CLI, without the CA variable that slows every Node start. */
export function runCli(args: string[], stdin = '', as: { uid?: number; gid?: number } = {}): { exit: number; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_EXTRA_CA_CERTS;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input: stdin, env, encoding: 'utf8', maxBuffer: 64 << 20, ...as });
  return { exit: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

