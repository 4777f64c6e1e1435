/**
 * --fields (lean rows, validated), output to a device, and a very large file streamed a window
 * at a time giving the record a whole read gives.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_FIELDS } from '../src/emit/fields.js';
import { ROOT, runCli } from './helpers.js';

const ARTICLE = path.join('fixtures', 'annual-report.txt');

function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extraEnv };
  delete env.NODE_EXTRA_CA_CERTS;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'zonefacts.cjs'), ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { exit: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('--fields', () => {
  it('rejects an unknown field with exit 2, naming it and listing the valid ones', () => {
    const r = runCli(['extract', ARTICLE, '--fields', 'kind,valeu']);
    expect(r.exit).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--fields: unknown field "valeu"; valid fields: kind, metric, value/);
    for (const f of METRIC_FIELDS) expect(r.stderr).toContain(f);
  });

  it('gives each metric only the fields asked for, in jsonl and json; the record is unchanged', () => {
    const full = JSON.parse(runCli(['extract', ARTICLE, '--format', 'json']).stdout);
    for (const format of ['jsonl', 'json']) {
      const r = runCli(['extract', ARTICLE, '--format', format, '--fields', 'kind,value,unit,span']);
      expect(r.exit).toBe(0);
      const rec = JSON.parse(r.stdout);
      expect(rec.metrics.length).toBe(full.metrics.length);
      expect(rec.metrics[0]).toEqual({ kind: full.metrics[0].kind, value: full.metrics[0].value, unit: full.metrics[0].unit, span: full.metrics[0].span });
      expect(rec.checks).toEqual(full.checks);
      expect(rec.file).toBe(full.file);
    }
  });

  it('makes csv columns of file, id and the fields, a span as two', () => {
    const r = runCli(['extract', ARTICLE, '--format', 'csv', '--fields', 'value,span,indicator', '-j', '2', 'fixtures/county-zone.txt']);
    expect(r.exit).toBe(0);
    const [header, first] = r.stdout.split('\n');
    expect(header).toBe('file,id,value,start,end,indicator');
    expect(first).toMatch(/^fixtures\/annual-report\.txt,,[\d.]+,\d+,\d+,\w+$/);
  });

  it('leaves the default output as it was', () => {
    expect(runCli(['extract', ARTICLE, '--format', 'csv']).stdout.split('\n')[0]).toBe(
      'file,id,kind,metric,value,unit,raw,text,start,end,label,period,qualifier,range,rule,sentence,zone,indicator,when,base,published',
    );
  });
});

describe('output and very large files', () => {
  it('writes --out to a device in place, never renaming over it', () => {
    // renaming a temp file over /dev/null would leave a plain file in its place
    const r = runCli(['extract', ARTICLE, '--format', 'jsonl', '--out', '/dev/null']);
    expect(r.exit).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('streams a file over the threshold, window by window, to the same record a whole read gives', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonefacts-big-'));
    const file = path.join(dir, 'dump.txt');
    const articles = ['annual-report.txt', 'year-review.txt', 'county-zone.txt', 'biomed-park.txt'];
    const text = articles.map((f) => readFileSync(path.join(ROOT, 'fixtures', f), 'utf8')).join('\n').repeat(3);
    writeFileSync(file, text);
    const windows = { ZONEFACTS_WINDOW_CHARS: '2000' };
    const whole = cli(['extract', file, '--format', 'jsonl'], windows);
    const streamed = cli(['extract', file, '--format', 'jsonl'], { ...windows, ZONEFACTS_STREAM_BYTES: '4096' });
    expect(streamed.exit).toBe(0);
    const a = JSON.parse(whole.stdout);
    const b = JSON.parse(streamed.stdout);
    expect(b.metrics.length).toBeGreaterThan(200);
    expect(b).toEqual(a); // the same fields and values (their order in the line differs)
    expect(Object.keys(b).slice(0, 3)).toEqual(['file', 'encoding', 'metrics']);
    for (const m of b.metrics) expect(text.slice(m.span[0], m.span[1])).toBe(m.text);

    const csvWhole = cli(['extract', file, '--format', 'csv', '--fields', 'value,span'], windows);
    const csvStreamed = cli(['extract', file, '--format', 'csv', '--fields', 'value,span'], { ...windows, ZONEFACTS_STREAM_BYTES: '4096' });
    expect(csvStreamed.stdout).toBe(csvWhole.stdout);
  });
});
