/**
 * The real CLI on bad input and in batch runs: every good input still gets its record, errors
 * are records with codes, exit codes mean what the README says, output is deterministic.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const FIXTURES = path.join(ROOT, 'fixtures');
/** How many articles `extract fixtures` reads (.txt, .html, .htm, recursively). */
const ARTICLES = readdirSync(FIXTURES, { recursive: true }).filter((f) => /\.(txt|html?)$/.test(String(f))).length;
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'zonefacts-'));
});

function lines(stdout: string): Array<Record<string, any>> {
  return stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

describe('bad input, end to end', () => {
  it('gives an error record for each bad file and a record for every good one', () => {
    const dir = path.join(tmp, 'mixed');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a-empty.txt'), '');
    writeFileSync(path.join(dir, 'b-image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(path.join(dir, 'c-archive.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]));
    const good = Buffer.from('全区新签约项目12个，总投资45亿元。', 'utf8');
    writeFileSync(path.join(dir, 'd-bad-utf8.txt'), Buffer.concat([good, Buffer.from([0xff, 0xfe, 0xfd]), good]));
    writeFileSync(path.join(dir, 'e-nobody.html'), '<html><head><title>空页面</title></head></html>');
    symlinkSync(path.join(dir, 'missing-target.txt'), path.join(dir, 'f-dangling.txt'));
    writeFileSync(path.join(dir, 'g-huge.txt'), '');
    truncateSync(path.join(dir, 'g-huge.txt'), 200 * 1024 * 1024);
    copyFileSync(path.join(FIXTURES, 'annual-report.txt'), path.join(dir, 'h-good.txt'));

    const r = runCli(['extract', dir, '--format', 'jsonl', '-j', '2']);
    expect(r.exit).toBe(1);
    const recs = lines(r.stdout);
    expect(recs.map((x) => path.basename(x.file))).toEqual([
      'a-empty.txt', 'b-image.txt', 'c-archive.txt', 'd-bad-utf8.txt', 'e-nobody.html', 'f-dangling.txt', 'g-huge.txt', 'h-good.txt',
    ]);
    const byName = Object.fromEntries(recs.map((x) => [path.basename(x.file), x]));
    expect(byName['a-empty.txt'].metrics).toEqual([]);
    expect(byName['b-image.txt'].error.code).toBe('BINARY');
    expect(byName['c-archive.txt'].error.code).toBe('BINARY');
    expect(byName['d-bad-utf8.txt'].encoding).toBe('utf-8');
    expect(byName['d-bad-utf8.txt'].warnings[0]).toMatch(/undecodable/);
    expect(byName['d-bad-utf8.txt'].metrics.map((m: any) => m.value)).toEqual([12, 4500000000, 12, 4500000000]);
    expect(byName['e-nobody.html'].metrics).toEqual([]);
    expect(byName['e-nobody.html'].warnings).toContain('the HTML page has no article text');
    expect(byName['f-dangling.txt'].error.code).toBe('ENOENT');
    expect(byName['g-huge.txt'].error.code).toBe('TOO_LARGE');
    expect(byName['h-good.txt'].metrics.length).toBeGreaterThan(30);
    expect(r.stderr).toMatch(/8 input\(s\), 4 ok, 4 failed/);
  });

  // root reads anything: as root, the CLI runs as the unprivileged user 'nobody' for this test,
  // which needs to be able to read the project itself (not so under a private home directory)
  const asRoot = process.getuid?.() === 0;
  const nobodyCanRun =
    !asRoot ||
    spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(path.join(ROOT, 'dist', 'bundle', 'cli.cjs'))})`], { uid: 65534, gid: 65534 }).status === 0;
  if (!nobodyCanRun) console.warn('unreadable-file test skipped: running as root, and user nobody cannot read the project');
  it.skipIf(!nobodyCanRun)('reports unreadable files and directories and goes on', () => {
    const dir = path.join(tmp, 'unreadable');
    mkdirSync(path.join(dir, 'sub', 'locked'), { recursive: true });
    writeFileSync(path.join(dir, 'a.txt'), '新增企业3家。');
    writeFileSync(path.join(dir, 'b.txt'), '新增企业4家。');
    writeFileSync(path.join(dir, 'sub', 'locked', 'c.txt'), '新增企业5家。');
    chmodSync(tmp, 0o755);
    for (const d of [dir, path.join(dir, 'sub')]) chmodSync(d, 0o755);
    chmodSync(path.join(dir, 'b.txt'), 0o644);
    chmodSync(path.join(dir, 'a.txt'), 0o000);
    chmodSync(path.join(dir, 'sub', 'locked'), 0o000);
    const r = runCli(['extract', dir, '--format', 'jsonl'], '', asRoot ? { uid: 65534, gid: 65534 } : {});
    expect(r.exit).toBe(1);
    expect(lines(r.stdout).map((x) => x.error?.code ?? x.metrics[0].value)).toEqual(['EACCES', 4, 'EACCES']);
    expect(r.stderr).toMatch(/a\.txt: permission denied/);
    expect(r.stderr).toMatch(/locked: cannot list directory/);
  });

  it('reads stdin closed at once as an empty input', () => {
    const r = runCli(['extract', '-', '--format', 'jsonl'], '');
    expect(r.exit).toBe(0);
    expect(lines(r.stdout)[0]).toMatchObject({ file: '-', metrics: [] });
  });

  it('exits quietly when the output pipe closes early', () => {
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const r = spawnSync('bash', ['-c', `node bin/zonefacts.cjs extract fixtures --format jsonl -q | head -1`], { cwd: ROOT, encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it('refuses --out into a directory that does not exist, before reading anything', () => {
    const r = runCli(['extract', 'fixtures', '--out', path.join(tmp, 'nope', 'out.jsonl')]);
    expect(r.exit).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
  });

  it('names an unknown --encoding as a usage error', () => {
    const r = runCli(['extract', 'fixtures', '--encoding', 'klingon']);
    expect(r.exit).toBe(2);
    expect(r.stderr).toMatch(/unknown encoding "klingon"/);
  });

  it('names an unknown option as a usage error', () => {
    const r = runCli(['extract', '--no-such-flag', 'fixtures']);
    expect(r.exit).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
});

const haveScript = spawnSync('script', ['--version']).status === 0;

describe('progress', () => {
  it.skipIf(!haveScript)('shows inputs done, MB/s, errors and ETA on a terminal, and nothing on stdout', () => {
    const out = path.join(tmp, 'progress.jsonl');
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    // script(1) gives the CLI a terminal; its transcript is what the terminal showed
    const r = spawnSync('script', ['-qc', `node bin/zonefacts.cjs extract fixtures fixtures/no-such.txt -o ${out}`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env });
    expect(r.stdout).toMatch(new RegExp(`\\[[#.]+\\] \\d+/${ARTICLES + 1} inputs · [\\d.]+ MB/s · [01] errors · ETA \\d+s`));
    expect(r.stdout).toContain(`${ARTICLES + 1} input(s), ${ARTICLES} ok, 1 failed`);
    expect(lines(readFileSync(out, 'utf8'))).toHaveLength(ARTICLES + 1);
  });

  it('is silent when stderr is not a terminal', () => {
    const r = runCli(['extract', 'fixtures', '--format', 'jsonl']);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^zonefacts: ${ARTICLES} input\\(s\\)`))]);
  });
});

describe('batch output', () => {
  it('is byte-for-byte the same whatever --jobs is', () => {
    const one = runCli(['extract', 'fixtures', '--format', 'jsonl', '-j', '1', '-q']);
    const two = runCli(['extract', 'fixtures', '--format', 'jsonl', '-j', '2', '-q']);
    const four = runCli(['extract', 'fixtures', '--format', 'jsonl', '-j', '4', '-q']);
    expect(one.exit).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(four.stdout).toBe(one.stdout);
    expect(lines(one.stdout).length).toBe(ARTICLES);
  });

  it('writes json as one object for one file and as an array otherwise', () => {
    const one = JSON.parse(runCli(['extract', 'fixtures/taiwan-park.txt', '-f', 'json', '-q']).stdout);
    expect(one.file).toBe('fixtures/taiwan-park.txt');
    const many = JSON.parse(runCli(['extract', 'fixtures', '-f', 'json', '-q']).stdout);
    expect(many).toHaveLength(ARTICLES);
    expect(JSON.parse(runCli(['extract', 'fixtures/*.none', '-f', 'json', '-q']).stdout)).toEqual([{ file: 'fixtures/*.none', error: { code: 'ENOENT', message: 'no file matches this pattern' } }]);
  });

  it('writes a corpus summary with --summary', () => {
    const file = path.join(tmp, 'summary.json');
    runCli(['extract', 'fixtures', 'fixtures/missing.txt', '-q', '--summary', file]);
    const s = JSON.parse(readFileSync(file, 'utf8'));
    expect(s).toMatchObject({ inputs: ARTICLES + 1, ok: ARTICLES, failed: 1, errors: { ENOENT: 1 } });
    expect(s.byScript.simplified + s.byScript.traditional).toBe(ARTICLES);
    expect(s.metrics).toBe(Object.values(s.byKind as Record<string, number>).reduce((a, b) => a + b, 0));
  });

  it('takes globs and --ext', () => {
    const r = runCli(['extract', 'fixtures/**/*.html', '--format', 'jsonl', '-q']);
    expect(lines(r.stdout).map((x) => x.file)).toEqual(['fixtures/encodings/gov-page.gb2312.html', 'fixtures/gov-page.html', 'fixtures/news-portal.html']);
    const ext = runCli(['extract', 'fixtures', '--ext', 'html', '--format', 'jsonl', '-q']);
    expect(lines(ext.stdout)).toHaveLength(3);
  });

  it('writes --out atomically: complete lines, and no temp file left', () => {
    const out = path.join(tmp, 'out.jsonl');
    const r = runCli(['extract', 'fixtures', '--out', out, '-q']);
    expect(r.exit).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(lines(text).length).toBeGreaterThan(5);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the previous --out file whole when killed midway', async () => {
    const corpus = path.join(tmp, 'corpus');
    mkdirSync(corpus);
    const article = readFileSync(path.join(FIXTURES, 'annual-report.txt'));
    for (let i = 0; i < 400; i++) writeFileSync(path.join(corpus, `${String(i).padStart(4, '0')}.txt`), Buffer.concat(Array(20).fill(article)));
    const out = path.join(tmp, 'killed.jsonl');
    writeFileSync(out, 'previous complete output\n');
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'zonefacts.cjs'), 'extract', corpus, '--out', out, '-q', '-j', '1'], { cwd: ROOT });
      const closed = new Promise((r) => child.on('close', r));
      // kill it once it has written part of its output
      const temp = path.join(tmp, `.killed.jsonl.${child.pid}.tmp`);
      for (let i = 0; i < 500 && !(existsSync(temp) && statSync(temp).size > 0); i++) await new Promise((r) => setTimeout(r, 5));
      child.kill(signal);
      await closed;
      const after = readFileSync(out, 'utf8');
      expect(after.length < 100 ? after : `${after.length} characters`).toBe('previous complete output\n');
    }
    expect(existsSync(out)).toBe(true);
  });
});
