/**
 * The mapper contract of `zonefacts extract --input-format jsonl -` (README, "Running on a
 * cluster"), through the real CLI: what a cluster engine piping partitions through it relies on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const MAPPER = ['extract', '--input-format', 'jsonl', '-'];
const FIXTURES = path.join(ROOT, 'fixtures');

/** Records built from the project's fixture paragraphs, with ids. */
function corpus(count: number): string[] {
  const paras = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(path.join(FIXTURES, f), 'utf8').split('\n').filter((p) => p.trim() !== ''));
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({ id: `c-${String(i).padStart(3, '0')}`, text: `${paras[i % paras.length]}\n${paras[(i * 7 + 3) % paras.length]}` }),
  );
}

/** stdout as records; fails the test on anything that is not a complete JSON line. */
function records(stdout: string): Array<Record<string, unknown>> {
  expect(stdout === '' || stdout.endsWith('\n')).toBe(true);
  return stdout
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the JSONL mapper contract', () => {
  const text = readFileSync(path.join(FIXTURES, 'annual-report.txt'), 'utf8');
  const html = readFileSync(path.join(FIXTURES, 'gov-page.html'), 'utf8');
  // one partition holding every kind of line; the comment is the line number
  const partition = [
    JSON.stringify({ id: 'r1', text }), // 1
    JSON.stringify({ id: 2, text: '园区新签约项目12个，总投资45亿元。' }), // 2: a number id
    '{"id":"r3","text":"未闭合的记录', // 3: not JSON
    '', // 4: blank, skipped
    '["an","array"]', // 5: JSON, not a record
    JSON.stringify({ id: 'r6', title: 'no text or html' }), // 6
    JSON.stringify({ id: 'r7', html, source: 'portal' }), // 7
    JSON.stringify({ text: '全年完成固定资产投资8.6亿元。' }), // 8: no id
  ].join('\n');

  it('gives one record per non-blank line, in order, each carrying its id', () => {
    const r = runCli([...MAPPER, '-q'], partition);
    const out = records(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['r1', '2', undefined, undefined, 'r6', 'r7', '-:8']);
    expect((out[0]!.metrics as unknown[]).length).toBeGreaterThan(10);
    expect(out[5]!.extra).toEqual({ source: 'portal' });
  });

  it('gives a line that is not JSON an error record that says so, with its line number and no id', () => {
    const out = records(runCli([...MAPPER, '-q'], partition).stdout);
    expect(out[2]).toMatchObject({ file: '-:3', line: 3, error: { code: 'BAD_JSON' } });
    expect(out[2]).not.toHaveProperty('id');
    expect((out[2]!.error as { message: string }).message).toMatch(/^line 3 is not valid JSON, so it has no id/);
    expect(out[3]).toMatchObject({ line: 5, error: { code: 'BAD_RECORD', message: 'line 5 is not a JSON object' } });
    expect(out[4]).toMatchObject({ id: 'r6', line: 6, error: { code: 'BAD_RECORD' } });
  });

  it('goes on after a bad record and exits 1; the errors go to stderr, never stdout', () => {
    const r = runCli(MAPPER, partition);
    expect(r.exit).toBe(1);
    expect(records(r.stdout)).toHaveLength(7);
    expect(r.stderr).toContain('zonefacts: -:3: line 3 is not valid JSON');
    expect(r.stderr).toContain('[BAD_RECORD]');
    expect(r.stderr).toMatch(/7 input\(s\), 4 ok, 3 failed/);
  });

  it('exits 0 for a partition with no failed record, with nothing but data on stdout', () => {
    const r = runCli(MAPPER, corpus(5).join('\n'));
    expect(r.exit).toBe(0);
    expect(records(r.stdout).map((o) => o.id)).toEqual(['c-000', 'c-001', 'c-002', 'c-003', 'c-004']);
    expect(r.stderr).toMatch(/^zonefacts: 5 input\(s\), 5 ok, 0 failed/);
    const quiet = runCli([...MAPPER, '-q'], corpus(5).join('\n'));
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(r.stdout);
  });

  it('is stateless: partitions run apart, concatenated, equal one run over everything, whatever the --jobs', () => {
    const lines = corpus(60);
    const whole = runCli([...MAPPER, '-q', '-j', '2'], `${lines.join('\n')}\n`);
    expect(whole.exit).toBe(0);
    const cuts = [0, 7, 8, 31, 60];
    const parts = cuts.slice(1).map((end, i) => runCli([...MAPPER, '-q', '-j', '1'], lines.slice(cuts[i], end).join('\n')).stdout);
    expect(parts.join('')).toBe(whole.stdout);
    // a record's output depends on that record alone: reversed input, reversed output
    const reversed = runCli([...MAPPER, '-q', '-j', '2'], [...lines].reverse().join('\n'));
    expect(reversed.stdout.split('\n').slice(0, -1).reverse().join('\n')).toBe(whole.stdout.trimEnd());
  });
});
