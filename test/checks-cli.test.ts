/**
 * `zonefacts check` fails (exit 3) only on findings at or above --fail-on; consistent and
 * unverifiable relations never fail a run. The table lists findings first, with their sentence.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const WRONG = '今年开发区共落地项目24个。其中，先进制造项目15个，现代服务业项目11个。';
const SLIP = '一般公共预算收入从10亿元增至30亿元，增长了3倍。';
const RIGHT = '园区产值从40亿元增至50亿元，增长25%。规上工业增加值增长10.2%，高于全市3.8个百分点。';

describe('check exit codes', () => {
  it('an error fails by default', () => {
    expect(runCli(['check', '-q', '-f', 'jsonl', '-'], WRONG).exit).toBe(3);
  });
  it('a warning fails only with --fail-on warning', () => {
    expect(runCli(['check', '-q', '-f', 'jsonl', '-'], SLIP).exit).toBe(0);
    expect(runCli(['check', '-q', '-f', 'jsonl', '--fail-on', 'warning', '-'], SLIP).exit).toBe(3);
  });
  it('consistent and unverifiable relations never fail, even with --fail-on info', () => {
    const r = runCli(['check', '-q', '-f', 'jsonl', '--fail-on', 'info', '-'], RIGHT);
    expect(r.exit).toBe(0);
    const statuses = (JSON.parse(r.stdout) as { checks: Array<{ status: string }> }).checks.map((c) => c.status).sort();
    expect(statuses).toEqual(['consistent', 'unverifiable']);
  });
});

describe('check table', () => {
  it('lists a finding before what holds, with the sentences of its figures', () => {
    const r = runCli(['check', '-q', '-f', 'table', '--no-color', '-'], `${RIGHT}${WRONG}`);
    const lines = r.stdout.split('\n').filter((l) => /^\s+[✗!?✓] /.test(l));
    expect(lines[0]).toMatch(/^\s+✗ 15个 \+ 11个/);
    expect(lines.at(-1)).toMatch(/^\s+✓ /);
    expect(r.stdout).toContain('其中，先进制造项目15个，现代服务业项目11个。');
  });
});
