// npm run bench [-- --write-readme] [-- --mb 50] [-- --runs 3]
//
// Builds a corpus of at least 50 MB from fixtures/ and, where present, ../shared/seeds (repeated
// and shuffled), then measures, as medians of several runs:
//   - library throughput (one core), simplified input and traditional input (conversion active);
//   - CLI throughput over the corpus directory, --jobs 1 and --jobs = cores;
//   - cold start of `zonefacts extract one-article.txt --format json` against `node -e 0`;
//   - peak RSS of the CLI on the whole corpus;
//   - Microsoft Recognizers-Text (Chinese: numbers, percentages, currency) on a sample of the same
//     corpus, beside zonefacts on the same sample, for the ratio;
//   - time on 10 MB single-line adversarial inputs against 10 MB of ordinary text.
// Start-up is timed without NODE_EXTRA_CA_CERTS, which adds ~60 ms to every Node start here.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { extract, score } from '../dist/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const TARGET_MB = Number(opt('mb', 50));
const RUNS = Number(opt('runs', 3));
const CORES = availableParallelism();
const SHARED = process.env.ZONEFACTS_SHARED ?? path.resolve(ROOT, '..', 'shared');
const CORPUS = path.join(ROOT, 'bench', '.corpus');
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const log = (s) => process.stderr.write(`${s}\n`);

// A small deterministic PRNG, so that the corpus is the same on every run.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

/** The project's fixtures (short, written to exercise rules, dense with figures) and the seeds (real articles). */
function sourceSets() {
  const fixtures = [];
  const dir = path.join(ROOT, 'fixtures');
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) fixtures.push(readFileSync(path.join(dir, f), 'utf8'));
  const seeds = [];
  const seedDir = path.join(SHARED, 'seeds');
  if (existsSync(seedDir)) for (const f of readdirSync(seedDir).sort()) seeds.push(readFileSync(path.join(seedDir, f), 'utf8'));
  else log(`note: no seeds at ${seedDir}; the corpus is built from fixtures only`);
  return { fixtures, seeds };
}

function sources() {
  const { fixtures, seeds } = sourceSets();
  return [...fixtures, ...seeds];
}

/** Figures per thousand characters: why a corpus of short, dense fixtures reads slower per byte. */
function density(texts) {
  const chars = texts.reduce((s, t) => s + t.length, 0);
  const figures = texts.reduce((s, t) => s + extract(t).metrics.length, 0);
  return (1000 * figures) / chars;
}

function buildCorpus(texts) {
  // rebuilt whenever the sources change
  const hash = createHash('sha1').update(texts.join('\u0000')).digest('hex').slice(0, 12);
  const marker = path.join(CORPUS, `.built-${TARGET_MB}-${hash}`);
  if (existsSync(marker)) return;
  rmSync(CORPUS, { recursive: true, force: true });
  mkdirSync(CORPUS, { recursive: true });
  let bytes = 0;
  let i = 0;
  while (bytes < TARGET_MB * 1e6) {
    const t = texts[Math.floor(rand() * texts.length)];
    const dir = path.join(CORPUS, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(dir);
    writeFileSync(path.join(dir, `${String(i).padStart(6, '0')}.txt`), t);
    bytes += Buffer.byteLength(t);
    i++;
  }
  writeFileSync(marker, `${i} files, ${bytes} bytes\n`);
}

function corpusSize() {
  let bytes = 0;
  let files = 0;
  for (const d of readdirSync(CORPUS)) {
    if (d.startsWith('.')) continue;
    for (const f of readdirSync(path.join(CORPUS, d))) {
      bytes += statSync(path.join(CORPUS, d, f)).size;
      files++;
    }
  }
  return { bytes, files };
}

/** Library throughput over texts totalling about `mb` MB, JSON out, one core. */
function libraryMBs(texts, mb) {
  for (const t of texts) JSON.stringify(extract(t)); // warm up
  const runs = [];
  const unit = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const reps = Math.max(1, Math.round((mb * 1e6) / unit));
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    let out = 0;
    for (let k = 0; k < reps; k++) for (const t of texts) out += JSON.stringify(extract(t)).length;
    runs.push((reps * unit) / 1e6 / ((performance.now() - t0) / 1000));
    if (out === 0) throw new Error('no output');
  }
  return median(runs);
}

function wall(cmd, argv) {
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t0;
}

function peakRssMB(argv) {
  // GNU time reports the peak RSS of the process and its threads (workers included)
  if (!existsSync('/usr/bin/time')) return Number.NaN;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', BIN, ...argv], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const kb = Number(String(r.stderr).trim().split('\n').pop());
  return kb / 1024;
}

async function peerMBs(texts) {
  const { createRequire } = await import('node:module');
  const R = createRequire(import.meta.url)('@microsoft/recognizers-text-suite');
  const culture = R.Culture.Chinese;
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const time = (fn) => {
    const t0 = performance.now();
    let n = 0;
    for (const t of texts) n += fn(t, culture).length;
    return { secs: (performance.now() - t0) / 1000, found: n };
  };
  const numbers = time(R.recognizeNumber);
  const percent = time(R.recognizePercentage);
  const currency = time(R.recognizeCurrency);
  const ours = [];
  const reps = 20; // the sample is small: time zonefacts over it twenty times a run
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    for (let k = 0; k < reps; k++) for (const t of texts) JSON.stringify(extract(t));
    ours.push((performance.now() - t0) / 1000 / reps);
  }
  const mb = bytes / 1e6;
  const peerSecs = numbers.secs + percent.secs + currency.secs;
  return {
    sampleMB: mb,
    numbers: mb / numbers.secs,
    percent: mb / percent.secs,
    currency: mb / currency.secs,
    peerAll: mb / peerSecs,
    ours: mb / median(ours),
  };
}

/**
 * Quantity F1 on the annotated seeds, money and percent only (the kinds the peer knows), for
 * zonefacts and for the peer: matched by span overlap, kind and value as the annotation guide says.
 */
async function accuracyAgainstPeer() {
  const goldPath = path.join(SHARED, 'gold', 'seeds.gold.json');
  if (!existsSync(goldPath)) return null;
  const { createRequire } = await import('node:module');
  const R = createRequire(import.meta.url)('@microsoft/recognizers-text-suite');
  const kinds = new Set(['money', 'percent']);
  const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
  const ours = [];
  const theirs = [];
  for (const a of gold.articles) {
    const text = readFileSync(path.join(SHARED, a.file), 'utf8');
    const g = a.gold.filter((x) => kinds.has(x.kind));
    ours.push({ id: a.id, text, gold: g, metrics: extract(text).metrics.filter((m) => kinds.has(m.kind)) });
    const peerMetrics = [];
    for (const r of R.recognizeCurrency(text, R.Culture.Chinese)) {
      peerMetrics.push({ kind: 'money', metric: 'amount', value: Number(r.resolution?.value), span: [r.start, r.end + 1], text: r.text });
    }
    for (const r of R.recognizePercentage(text, R.Culture.Chinese)) {
      peerMetrics.push({ kind: 'percent', metric: 'share', value: parseFloat(String(r.resolution?.value)), span: [r.start, r.end + 1], text: r.text });
    }
    theirs.push({ id: a.id, text, gold: g, metrics: peerMetrics });
  }
  return { ours: score(ours).overall, peer: score(theirs).overall };
}

function adversarial() {
  const size = 10_000_000;
  const repeat = (unit) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  // the same 10 MB in UTF-8 bytes: ordinary Chinese text is ~3 bytes a character
  const ordinaryText = sources().join('\n');
  const ordinary = ordinaryText.repeat(Math.ceil(size / Buffer.byteLength(ordinaryText)) + 1).slice(0, Math.round(size / (Buffer.byteLength(ordinaryText) / ordinaryText.length)));
  const cases = {
    'ordinary article text': ordinary,
    'digits (0123456789…)': repeat('0123456789'),
    '亿亿亿…': repeat('亿'),
    '百分之百分之…': repeat('百分之'),
    '一二三四…': repeat('一二三四五六七八九十'),
    '1,1,1,…': repeat('1,'),
    '“““…': repeat('“'),
  };
  const out = {};
  extract(ordinary.slice(0, 200000)); // warm up
  for (const [name, text] of Object.entries(cases)) {
    const times = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      extract(text);
      times.push((performance.now() - t0) / 1000);
    }
    out[name] = median(times);
  }
  return out;
}

const texts = sources();
log(`building a ${TARGET_MB} MB corpus in ${path.relative(ROOT, CORPUS)} …`);
buildCorpus(texts);
const { bytes, files } = corpusSize();
const corpusMB = bytes / 1e6;
log(`corpus: ${files} files, ${corpusMB.toFixed(1)} MB`);

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
log('library, simplified input …');
const libSimplified = libraryMBs(texts.map(toSimplified), 20);
log('library, traditional input …');
const libTraditional = libraryMBs(texts.map(toTraditional), 20);
const sets = sourceSets();
log('library, the seed articles alone …');
const libSeeds = sets.seeds.length ? libraryMBs(sets.seeds, 20) : Number.NaN;

// run the bin as a user does, through its #! line (which sets the young-generation size)
const BIN = path.join(ROOT, 'bin', 'zonefacts.cjs');
const cli = ['extract', 'bench/.corpus', '--format', 'jsonl', '--quiet', '--out', '/dev/null'];
log('CLI, --jobs 1 …');
const cli1 = median(Array.from({ length: RUNS }, () => wall(BIN, [...cli, '--jobs', '1'])));
log(`CLI, --jobs ${CORES} …`);
const cliN = median(Array.from({ length: RUNS }, () => wall(BIN, [...cli, '--jobs', String(CORES)])));
log('peak RSS …');
const rss = peakRssMB([...cli, '--jobs', String(CORES)]);

log('cold start …');
const one = path.join(ROOT, 'fixtures', 'annual-report.txt');
const coldRuns = 15;
const nodeStart = [];
const ourStart = [];
for (let r = 0; r < coldRuns; r++) {
  nodeStart.push(wall(process.execPath, ['-e', '0']));
  ourStart.push(wall(BIN, ['extract', one, '--format', 'json', '--quiet']));
}

log('Microsoft Recognizers-Text on a sample …');
const sample = [];
let sampleBytes = 0;
for (const t of texts.map(toSimplified)) {
  // the peer's currency model is super-linear in sentence length: a 200 KB sample keeps it to minutes
  if (sampleBytes > 200_000) break;
  sample.push(t);
  sampleBytes += Buffer.byteLength(t);
}
const p = await peerMBs(sample);

log('accuracy on the seeds, money and percent, against the peer …');
const acc = await accuracyAgainstPeer();

log('10 MB adversarial inputs …');
const adv = adversarial();
const base = adv['ordinary article text'];

const rows = [
  ['library, one core, fixtures + seeds, simplified input (JSON out)', `${libSimplified.toFixed(1)} MB/s`, '≥ 25 MB/s'],
  ['library, one core, fixtures + seeds, traditional input', `${libTraditional.toFixed(1)} MB/s`, '≥ 25 MB/s'],
  ['library, one core, the seed articles as they are', Number.isNaN(libSeeds) ? 'n/a (no seeds)' : `${libSeeds.toFixed(1)} MB/s`, '≥ 25 MB/s'],
  ['figures per 1,000 characters: fixtures / seeds', `${density(sets.fixtures).toFixed(1)} / ${sets.seeds.length ? density(sets.seeds).toFixed(1) : 'n/a'}`, ''],
  [`CLI over ${corpusMB.toFixed(0)} MB, --jobs 1`, `${(corpusMB / (cli1 / 1000)).toFixed(1)} MB/s`, ''],
  [`CLI over ${corpusMB.toFixed(0)} MB, --jobs ${CORES}`, `${(corpusMB / (cliN / 1000)).toFixed(1)} MB/s`, ''],
  ['cold start, one article --format json', `${median(ourStart).toFixed(0)} ms (node -e 0: ${median(nodeStart).toFixed(0)} ms, +${(median(ourStart) - median(nodeStart)).toFixed(0)} ms)`, '≤ +60 ms'],
  [`peak RSS, CLI on the whole corpus, --jobs ${CORES}`, Number.isNaN(rss) ? 'n/a (needs GNU time: apt-get install time)' : `${rss.toFixed(0)} MB`, '< 150 MB'],
  [`Recognizers-Text numbers (${p.sampleMB.toFixed(2)} MB sample)`, `${p.numbers.toFixed(3)} MB/s`, ''],
  ['Recognizers-Text percentages', `${p.percent.toFixed(3)} MB/s`, ''],
  ['Recognizers-Text currency', `${p.currency.toFixed(3)} MB/s`, ''],
  ['Recognizers-Text, the three together', `${p.peerAll.toFixed(3)} MB/s`, ''],
  ['zonefacts on the same sample, all kinds', `${p.ours.toFixed(1)} MB/s (${Math.round(p.ours / p.peerAll)}× the peer)`, '≥ 300×'],
  ...(acc
    ? [
        ['seeds, money + percent, quantity F1: zonefacts', `${(100 * acc.ours.f1).toFixed(1)}% (P ${(100 * acc.ours.precision).toFixed(1)}%, R ${(100 * acc.ours.recall).toFixed(1)}%)`, ''],
        ['seeds, money + percent, quantity F1: Recognizers-Text', `${(100 * acc.peer.f1).toFixed(1)}% (P ${(100 * acc.peer.precision).toFixed(1)}%, R ${(100 * acc.peer.recall).toFixed(1)}%)`, ''],
      ]
    : []),
  ...Object.entries(adv).map(([name, secs]) => [`10 MB single line: ${name}`, `${secs.toFixed(2)} s (${(secs / base).toFixed(2)}× ordinary)`, name.startsWith('ordinary') ? '' : '≤ 3×']),
];

const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${CORES} cores, Node ${process.versions.node}; medians of ${RUNS} runs (cold start: ${coldRuns}).`,
  '',
  '| measure | result | target |',
  '| --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
process.stdout.write(`${table}\n`);
writeFileSync(path.join(ROOT, 'bench', 'results.md'), `${table}\n`);

if (args.includes('--write-readme')) {
  const readme = path.join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < 0) throw new Error('README.md has no bench markers');
  writeFileSync(readme, `${text.slice(0, i + start.length)}\n${table}\n${text.slice(j)}`);
  log('README.md updated');
}
