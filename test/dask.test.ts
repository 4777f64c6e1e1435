/**
 * zonefacts as the mapper of a real cluster engine: Dask distributed (Debian's python3-distributed,
 * run with /usr/bin/python3) on loopback, a scheduler and two worker processes started here, the
 * driver scripts/dask/run_dask.py piping each partition of a JSONL corpus through
 * `zonefacts extract --input-format jsonl -`. Skipped, with the reason, where /usr/bin/python3 or
 * the dask modules are absent (.ci/run installs them).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const PYTHON = '/usr/bin/python3';
const DRIVER = path.join(ROOT, 'scripts', 'dask', 'run_dask.py');
const BIN = path.join(ROOT, 'bin', 'zonefacts.cjs');
const RECORDS = 3000;
// The reduce step's commands (the driver's defaults, spelled out here so the test says what it runs):
// a partial summary of each partition, their merge, and the one-process summary it must equal
const SUMMARIZE_ARGS = 'summarize {input} --partial';
const MERGE_ARGS = 'summarize --merge {parts} --format json';
const SINGLE_ARGS = 'summarize {input} --format json';

/** Debian's Python, not whichever python is first on PATH, with nothing of another Python's path. */
const PY_ENV: NodeJS.ProcessEnv = { ...process.env };
for (const k of ['PYTHONPATH', 'PYTHONHOME', 'PYTHONSTARTUP', 'NODE_EXTRA_CA_CERTS']) delete PY_ENV[k];

function whyNoDask(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} is absent`;
  const r = spawnSync(PYTHON, ['-c', 'import dask.bag, distributed'], { env: PY_ENV, encoding: 'utf8' });
  if (r.status !== 0) return `${PYTHON} has no dask modules (apt-get install --no-install-recommends python3-distributed python3-dask)`;
  return null;
}

function zonefacts(args: string[], input?: string): { exit: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 256 << 20, env: PY_ENV });
  return { exit: r.status, stdout: r.stdout, stderr: r.stderr };
}

const NO_DASK = whyNoDask();
/** `summarize --help` must succeed and be the summarize command's own help (an unknown command gets the main help, exit 0). */
const help = zonefacts(['summarize', '--help']);
const NO_MERGE = help.exit === 0 && help.stdout.includes('--merge') ? null : 'zonefacts summarize --merge not available';
if (NO_DASK) console.warn(`test/dask.test.ts skipped: ${NO_DASK}`);
else if (NO_MERGE) console.warn(`test/dask.test.ts: the summary-merge test is skipped: ${NO_MERGE}`);

interface Report {
  workers: number;
  records: number;
  partitions: Array<{ partition: number; first_id: string | null; records: number; exit: number; pid: number }>;
}

/** Output lines ordered by id (a line without an id, an error record, sorts by its own text). */
function byId(jsonl: string): string[] {
  const key = (line: string) => (JSON.parse(line) as { id?: string }).id ?? line;
  return jsonl.split('\n').filter(Boolean).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe.skipIf(NO_DASK !== null)(`Dask distributed on loopback${NO_DASK ? ` (skipped: ${NO_DASK})` : ''}`, () => {
  let tmp = '';
  let corpus = '';
  let single = '';
  const workers: ChildProcess[] = [];
  let scheduler: ChildProcess | undefined;

  function start(script: string, args: string[], log: string): ChildProcess {
    const fd = openSync(path.join(tmp, log), 'w');
    return spawn(PYTHON, ['-m', script, ...args], { cwd: tmp, env: PY_ENV, stdio: ['ignore', fd, fd] });
  }

  /** Run the driver against the test's scheduler; resolves when it exits. */
  function driver(args: string[], whileRunning?: () => void): Promise<{ exit: number | null; stderr: string; report: Report }> {
    const report = path.join(tmp, `report-${Math.random().toString(36).slice(2)}.json`);
    const child = spawn(
      PYTHON,
      [DRIVER, ...args, '--scheduler-file', path.join(tmp, 'scheduler.json'), '--workers', '2', '--node', process.execPath, '--zonefacts', BIN, '--report', report],
      { cwd: ROOT, env: PY_ENV, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    whileRunning?.();
    return new Promise((resolve) =>
      child.on('close', (exit) =>
        resolve({ exit, stderr, report: existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as Report) : (null as unknown as Report) }),
      ),
    );
  }

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'zonefacts-dask-'));
    corpus = path.join(tmp, 'corpus.jsonl');
    const made = spawnSync(PYTHON, [path.join(ROOT, 'scripts', 'dask', 'make_corpus.py'), '--records', String(RECORDS), '-o', corpus], { env: PY_ENV, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    // the reference: one process over the whole corpus
    const one = zonefacts(['extract', '--input-format', 'jsonl', '--format', 'jsonl', '--quiet', '--jobs', '1', '-'], readFileSync(corpus, 'utf8'));
    expect(one.exit, one.stderr).toBe(0);
    single = one.stdout;
    writeFileSync(path.join(tmp, 'single.jsonl'), single);

    const schedulerFile = path.join(tmp, 'scheduler.json');
    scheduler = start('distributed.cli.dask_scheduler', ['--host', '127.0.0.1', '--port', '0', '--no-dashboard', '--scheduler-file', schedulerFile], 'scheduler.log');
    const deadline = Date.now() + 30_000;
    while (!existsSync(schedulerFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(schedulerFile), readFileSync(path.join(tmp, 'scheduler.log'), 'utf8')).toBe(true);
    // separate worker processes, no nanny: a worker's pid is the process running its partitions
    for (const name of ['w1', 'w2']) {
      workers.push(
        start('distributed.cli.dask_worker', [
          '--scheduler-file', schedulerFile, '--nthreads', '1', '--no-nanny', '--no-dashboard',
          '--host', '127.0.0.1', '--name', name, '--local-directory', tmp,
        ], `${name}.log`),
      );
    }
  });

  afterAll(() => {
    for (const p of [...workers, scheduler]) if (p && p.exitCode === null && p.signalCode === null) p.kill();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('gives, merged and sorted by id, byte for byte the output of one process over the same corpus', async () => {
    const out = path.join(tmp, 'dask.jsonl');
    const r = await driver([corpus, '-o', out, '--partitions', '12']);
    expect(r.exit, r.stderr).toBe(0);
    const merged = readFileSync(out, 'utf8');
    expect(byId(merged).join('\n')).toBe(byId(single).join('\n'));
    // and it is in corpus order already: partitions come back in order
    expect(merged).toBe(single);
    expect(r.report.partitions.length).toBeGreaterThanOrEqual(10);
    expect(r.report.partitions.reduce((n, p) => n + p.records, 0)).toBe(RECORDS);
    // both workers took partitions
    expect(new Set(r.report.partitions.map((p) => p.pid))).toEqual(new Set(workers.map((w) => w.pid)));
  });

  it('gives a partition holding a malformed record its error record and the rest of its records', async () => {
    const lines = readFileSync(corpus, 'utf8').split('\n').slice(0, 400);
    const BAD = 149; // 0-based: a record cut off mid-way, as a truncated write leaves it
    lines[BAD] = lines[BAD]!.slice(0, 60);
    const broken = path.join(tmp, 'broken.jsonl');
    writeFileSync(broken, `${lines.join('\n')}\n`);
    const out = path.join(tmp, 'broken-out.jsonl');
    const r = await driver([broken, '-o', out, '--partitions', '4']);
    expect(r.exit, r.stderr).toBe(1);
    const got = readFileSync(out, 'utf8').split('\n').filter(Boolean);
    expect(got).toHaveLength(400);
    // every other record exactly as one process gives it, in order
    const want = single.split('\n').slice(0, 400);
    got.forEach((line, i) => {
      if (i !== BAD) expect(line).toBe(want[i]);
    });
    // the error record: no id, its line number within the partition that held it
    let startOf = 0;
    const holder = r.report.partitions.find((p) => {
      if (BAD < startOf + p.records) return true;
      startOf += p.records;
      return false;
    })!;
    expect(holder.exit).toBe(1);
    expect(r.report.partitions.filter((p) => p.exit !== 0)).toEqual([holder]);
    const error = JSON.parse(got[BAD]!) as Record<string, unknown>;
    expect(error).not.toHaveProperty('id');
    expect(error).toMatchObject({ line: BAD - startOf + 1, error: { code: 'BAD_JSON' } });
    expect(r.stderr).toContain(`line ${BAD - startOf + 1} is not valid JSON`);
  });

  it.skipIf(NO_MERGE !== null)(
    `merges partial summaries into, byte for byte, the summary of one process${NO_MERGE ? ` (skipped: ${NO_MERGE})` : ''}`,
    async () => {
      const summary = path.join(tmp, 'merged-summary.json');
      const r = await driver([corpus, '-o', path.join(tmp, 'dask-summary.jsonl'), '--partitions', '6', '--summary', summary,
        '--summarize-args', SUMMARIZE_ARGS, '--merge-args', MERGE_ARGS]);
      expect(r.exit, r.stderr).toBe(0);
      const whole = zonefacts(SINGLE_ARGS.replace('{input}', path.join(tmp, 'single.jsonl')).split(' '));
      expect(whole.exit, whole.stderr).toBe(0);
      expect(whole.stdout.length).toBeGreaterThan(100);
      expect(readFileSync(summary, 'utf8')).toBe(whole.stdout);
    },
  );

  it('finishes with no record lost or duplicated when a worker is killed mid-run (Dask re-runs its partition)', async () => {
    // the workers write their partitions' output (--out-dir): a retried partition must leave one whole file
    const trace = mkdtempSync(path.join(tmp, 'trace-'));
    const victim = workers[0]!;
    let started: { pid: number; first_id: string } | undefined;
    const outDir = path.join(tmp, 'killed');
    const r = await driver([corpus, '--out-dir', outDir, '--partitions', '16', '--trace-dir', trace], () => {
      // kill the worker as soon as it has started a partition: its subprocess is then mid-way
      const poll = setInterval(() => {
        const mine = readdirSync(trace).find((f) => f.startsWith(`start-${victim.pid}-`));
        if (!mine) return;
        clearInterval(poll);
        started = JSON.parse(readFileSync(path.join(trace, mine), 'utf8')) as typeof started;
        victim.kill('SIGKILL');
      }, 5);
      setTimeout(() => clearInterval(poll), 50_000);
    });
    expect(started, 'the victim never started a partition').toBeDefined();
    expect(victim.signalCode).toBe('SIGKILL');
    expect(r.exit, r.stderr).toBe(0);
    const files = readdirSync(outDir).sort();
    expect(files).toEqual(r.report.partitions.map((_, i) => `part-${String(i).padStart(5, '0')}.jsonl`));
    const merged = files.map((f) => readFileSync(path.join(outDir, f), 'utf8')).join('');
    const ids = merged.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toHaveLength(RECORDS);
    expect(new Set(ids).size).toBe(RECORDS);
    expect(byId(merged).join('\n')).toBe(byId(single).join('\n'));
    // the partition the victim had started was finished by the other worker
    const redone = r.report.partitions.find((p) => p.first_id === started!.first_id)!;
    expect(redone.pid).toBe(workers[1]!.pid);
    expect(r.report.partitions.every((p) => p.pid === workers[1]!.pid)).toBe(true);
  });
});
