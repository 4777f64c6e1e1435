/**
 * `zonefacts summarize` as a user runs it: extract once then summarize the JSONL, a distributed
 * run (a partial summary per partition, then --merge), and what happens to bad partials.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zonefacts-summarize-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ATTRIBUTED = 'fixtures/summarize/jiangcheng.attributed.jsonl';
const json = (args: string[]) => {
  const r = runCli(args);
  expect(r.stderr).toBe('');
  expect(r.exit).toBe(0);
  return JSON.parse(r.stdout) as { rows: unknown[]; duplicates: string[][]; articles: number };
};

describe('summarize from the command line', () => {
  it("reads extract's own JSONL output and gives the same summary as the articles", () => {
    const facts = path.join(tmp, 'facts.jsonl');
    expect(runCli(['extract', 'fixtures/summarize', '-o', facts, '-q', '-j', '1']).exit).toBe(0);
    const fromFacts = json(['summarize', facts, '--format', 'json', '--by', 'metric,period']);
    const fromDir = json(['summarize', 'fixtures/summarize', '--format', 'json', '--by', 'metric,period', '-j', '1']);
    expect(fromFacts).toEqual(fromDir);
    expect(fromDir.articles).toBe(2);
  });

  it('reads extract records piped to it, and an article piped to it', () => {
    const facts = runCli(['extract', 'fixtures/summarize', '-q', '-j', '1']).stdout;
    const piped = runCli(['summarize', '--format', 'json', '--by', 'metric'], facts);
    expect(piped.exit).toBe(0);
    expect(JSON.parse(piped.stdout)).toEqual(json(['summarize', 'fixtures/summarize', '--format', 'json', '--by', 'metric', '-j', '1']));
    const card = runCli(['summarize', '-', '--format', 'json'], readFileSync(path.join(ROOT, 'fixtures/summarize/jiangcheng-portal.txt'), 'utf8'));
    expect(JSON.parse(card.stdout)).toMatchObject({ file: '-', metrics: 7 });
  });

  it('merges partial summaries of partitions into the summary of the whole', () => {
    const lines = readFileSync(ATTRIBUTED, 'utf8').trim().split('\n');
    const parts = [[lines[0]!, lines[2]!], [lines[1]!]].map((part, i) => {
      const input = path.join(tmp, `partition-${i}.jsonl`);
      writeFileSync(input, `${part.join('\n')}\n`);
      const out = path.join(tmp, `part-${i}.json`);
      expect(runCli(['summarize', input, '--partial', '-o', out]).exit).toBe(0);
      return out;
    });
    const whole = json(['summarize', ATTRIBUTED, '--format', 'json']);
    const merged = json(['summarize', '--merge', ...parts, '--format', 'json']);
    expect(merged).toEqual(whole);
    const reversed = json(['summarize', '--merge', ...[...parts].reverse(), '--format', 'json']);
    expect(reversed).toEqual(whole);
    // a glob, expanded by zonefacts, and --conflicts on the merged result
    const conflicts = runCli(['summarize', '--merge', path.join(tmp, 'part-*.json'), '--conflicts', '--format', 'csv']);
    expect(conflicts.stdout.trim().split('\n')).toHaveLength(2);
    expect(conflicts.stdout).toContain('fixed_asset_investment');
  });

  it('gives the same summary whatever --jobs is', () => {
    const one = runCli(['summarize', 'fixtures', '--format', 'json', '-j', '1']);
    const two = runCli(['summarize', 'fixtures', '--format', 'json', '-j', '2']);
    expect(one.exit).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('writes a partial summary for a single article too', () => {
    const state = json(['summarize', 'fixtures/summarize/jiangcheng-daily.txt', '--partial']) as unknown as { format: string; articles: number };
    expect(state).toMatchObject({ format: 'zonefacts-summary', articles: 1 });
  });

  it('names a bad partial summary, merges the rest, and exits 1', () => {
    const good = path.join(tmp, 'good.json');
    runCli(['summarize', ATTRIBUTED, '--partial', '-o', good]);
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, '{"rows": []}');
    const other = path.join(tmp, 'other-by.json');
    runCli(['summarize', ATTRIBUTED, '--partial', '--by', 'metric', '-o', other]);
    const r = runCli(['summarize', '--merge', good, bad, other, '--format', 'json']);
    expect(r.exit).toBe(1);
    expect(r.stderr).toContain(`${bad}: not a zonefacts summary`);
    expect(r.stderr).toContain(`${other}: cannot merge a summary grouped by metric`);
    expect(JSON.parse(r.stdout).articles).toBe(2);
  });

  it('reports an unreadable input and summarizes the others', () => {
    const r = runCli(['summarize', 'fixtures/summarize', 'fixtures/summarize/missing.txt', '--format', 'json', '-j', '1']);
    expect(r.exit).toBe(1);
    expect(r.stderr).toContain('fixtures/summarize/missing.txt: no such file [ENOENT]');
    expect(JSON.parse(r.stdout).articles).toBe(2);
  });

  it('names a JSONL line that is no record, summarizes the rest, and reads records without zones', () => {
    const file = path.join(tmp, 'mixed.jsonl');
    const [daily] = readFileSync(path.join(ROOT, ATTRIBUTED), 'utf8').split('\n');
    const old = JSON.parse(daily!) as { metrics: Array<Record<string, unknown>> };
    for (const m of old.metrics) for (const k of ['zone', 'indicator', 'indicatorName', 'when', 'base']) delete m[k];
    writeFileSync(file, `${JSON.stringify({ file: 'x.txt', metrics: [{ value: 'many' }], checks: [] })}\nnot json\n${JSON.stringify(old)}\n`);
    const r = runCli(['summarize', file, '--format', 'csv', '--by', 'zone,indicator']);
    expect(r.exit).toBe(1);
    expect(r.stderr).toContain(`${file}:1: metric 0 lacks a number value`);
    expect(r.stderr).toContain(`${file}:2: not valid JSON`);
    expect(r.stdout).toContain(',other,level,CNY,');
  });

  it('rejects a format it does not have', () => {
    const r = runCli(['summarize', 'fixtures/summarize', '--format', 'jsonl']);
    expect(r.exit).toBe(2);
    expect(r.stderr).toContain('--format must be one of table, json, md, csv');
  });
});
