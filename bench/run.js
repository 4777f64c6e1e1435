// npm run bench [-- --write-readme] [-- --mb 50] [-- --runs 3]
//
// Builds a corpus of at least 50 MB from fixtures/ and, where present, ../shared/seeds (repeated
// and shuffled), then measures, as medians of several runs, each target of issue 15:
//   - library throughput (one core), simplified input and traditional input (conversion active);
//   - the CLI over the corpus with --jobs 1 against the library's full path (read, decode,
//     extract, JSON) over the same files, one core, interleaved run by run; --jobs 2 against --jobs 1;
//   - a single 20 MB and a single 200 MB text file of concatenated articles (in bench/.corpus-big):
//     throughput and peak RSS;
//   - cold start of `zonefacts extract one-article.txt --format json` against `node -e 0`;
//   - peak RSS of the CLI on the whole corpus;
//   - Microsoft Recognizers-Text (Chinese: numbers, percentages, currency) fed sentence by sentence,
//     as its users feed it, beside zonefacts on the same sentences and on the whole articles;
//   - a 4 MB dense line (3.2万亿元增长了5个百分点…, no sentence end): time and output size
//     against ordinary text; time on 10 MB single-line adversarial inputs.
// Start-up is timed without NODE_EXTRA_CA_CERTS, which adds ~60 ms to every Node start here.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { extract, extractBytes, score } from '../dist/index.js';

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
const BIG = path.join(ROOT, 'bench', '.corpus-big');
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

function corpusFiles() {
  const out = [];
  for (const d of readdirSync(CORPUS).sort()) {
    if (d.startsWith('.')) continue;
    for (const f of readdirSync(path.join(CORPUS, d)).sort()) out.push(path.join(CORPUS, d, f));
  }
  return out;
}

/** The library's full path over the corpus files, one core: read, decode, extract, JSON. Seconds. */
function libraryFullPath(files) {
  const t0 = performance.now();
  let out = 0;
  for (const f of files) out += JSON.stringify(extractBytes(readFileSync(f), { file: f })).length;
  if (out === 0) throw new Error('no output');
  return (performance.now() - t0) / 1000;
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
  return timedRss(argv).rss;
}

/** Wall time (ms) and peak RSS (MB; GNU time counts the process and its threads, workers included). */
function timedRss(argv) {
  if (!existsSync('/usr/bin/time')) return { ms: wall(BIN, argv), rss: Number.NaN };
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', BIN, ...argv], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  const kb = Number(String(r.stderr).trim().split('\n').pop());
  return { ms, rss: kb / 1024 };
}

/** One text file of about `mb` MB: the sources concatenated, article after article. */
function bigFile(texts, mb) {
  mkdirSync(BIG, { recursive: true });
  const file = path.join(BIG, `articles-${mb}mb.txt`);
  const unit = `${texts.join('\n')}\n`;
  const bytes = Buffer.byteLength(unit);
  const reps = Math.ceil((mb * 1e6) / bytes);
  if (!existsSync(file) || statSync(file).size !== reps * bytes) {
    const fd = openSync(file, 'w');
    const buf = Buffer.from(unit);
    for (let i = 0; i < reps; i++) writeSync(fd, buf);
    closeSync(fd);
  }
  return file;
}

/** Sentences as the peer's users feed it: split after 。！？ and at line breaks. */
function sentencesOf(text) {
  return text.split(/(?<=[。！？])|\r?\n/).filter((x) => x.trim() !== '');
}

/**
 * The peer (numbers, percentages, currency) fed sentence by sentence, and zonefacts' full path
 * (extract and JSON) on the same sentences and on the whole articles.
 */
async function peerMBs(texts) {
  const { createRequire } = await import('node:module');
  const R = createRequire(import.meta.url)('@microsoft/recognizers-text-suite');
  const culture = R.Culture.Chinese;
  const sentences = texts.flatMap(sentencesOf);
  const bytes = sentences.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const time = (fn) => {
    const t0 = performance.now();
    let n = 0;
    for (const t of sentences) n += fn(t, culture).length;
    return { secs: (performance.now() - t0) / 1000, found: n };
  };
  const numbers = time(R.recognizeNumber);
  const percent = time(R.recognizePercentage);
  const currency = time(R.recognizeCurrency);
  const oursOn = (items) => {
    const runs = [];
    const reps = 20; // the sample is small: time zonefacts over it twenty times a run
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      for (let k = 0; k < reps; k++) for (const t of items) JSON.stringify(extract(t));
      runs.push((performance.now() - t0) / 1000 / reps);
    }
    return median(runs);
  };
  const mb = bytes / 1e6;
  const peerSecs = numbers.secs + percent.secs + currency.secs;
  return {
    sampleMB: mb,
    sentences: sentences.length,
    numbers: mb / numbers.secs,
    percent: mb / percent.secs,
    currency: mb / currency.secs,
    peerAll: mb / peerSecs,
    oursSentences: mb / oursOn(sentences),
    oursArticles: mb / oursOn(texts),
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

/** 4 MB of one dense line with no sentence end, against 4 MB of ordinary text: time (library, JSON out) and output size. */
function denseLine() {
  const size = 4_000_000;
  const unit = '3.2万亿元增长了5个百分点';
  const dense = unit.repeat(Math.ceil(size / Buffer.byteLength(unit)));
  const ordinaryText = sources().join('\n');
  const ordinary = ordinaryText.repeat(Math.ceil(size / Buffer.byteLength(ordinaryText)) + 1).slice(0, dense.length);
  const run = (text) => {
    const t0 = performance.now();
    const out = Buffer.byteLength(JSON.stringify(extract(text)));
    return { secs: (performance.now() - t0) / 1000, ratio: out / Buffer.byteLength(text) };
  };
  run(ordinary.slice(0, 200000)); // warm up
  const d = [];
  const o = [];
  for (let r = 0; r < RUNS; r++) {
    o.push(run(ordinary));
    d.push(run(dense));
    if (d[0].secs > 20) break; // far off the target: one run tells, and keeps the benchmark short
  }
  return {
    dense: median(d.map((x) => x.secs)),
    ordinary: median(o.map((x) => x.secs)),
    denseOut: d[0].ratio,
    ordinaryOut: o[0].ratio,
  };
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

// run the bin as a user does; output to /dev/null (stdout ignored), progress off
const BIN = path.join(ROOT, 'bin', 'zonefacts.cjs');
const cli = ['extract', 'bench/.corpus', '--format', 'json', '--quiet'];
const corpusList = corpusFiles();
libraryFullPath(corpusList.slice(0, 500)); // warm up
const lib = [];
const cli1Runs = [];
const cliNRuns = [];
// interleaved, run by run, so that the load of the machine weighs on each alike
for (let r = 0; r < RUNS; r++) {
  log(`library full path, CLI --jobs 1, CLI --jobs ${CORES} (run ${r + 1} of ${RUNS}) …`);
  lib.push(libraryFullPath(corpusList));
  cli1Runs.push(wall(BIN, [...cli, '--jobs', '1']) / 1000);
  cliNRuns.push(wall(BIN, [...cli, '--jobs', String(CORES)]) / 1000);
}
const libCorpus = corpusMB / median(lib);
const cli1 = corpusMB / median(cli1Runs);
const cliN = corpusMB / median(cliNRuns);
log('peak RSS …');
const rss = peakRssMB([...cli, '--jobs', String(CORES)]);

log('single large files (20 MB, 200 MB) …');
const big20 = bigFile(texts, 20);
const big200 = bigFile(texts, 200);
const big = ['extract', '--format', 'jsonl', '--quiet', '--max-bytes', String(1e9)];
const b20 = Array.from({ length: RUNS }, () => timedRss([...big, big20]));
const b20MBs = statSync(big20).size / 1e6 / (median(b20.map((x) => x.ms)) / 1000);
const b20Rss = Math.max(...b20.map((x) => x.rss));
const b200 = timedRss([...big, big200]);
const b200MBs = statSync(big200).size / 1e6 / (b200.ms / 1000);

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

log('4 MB dense line …');
const dense = denseLine();

log('10 MB adversarial inputs …');
const adv = adversarial();
const base = adv['ordinary article text'];

const met = (ok) => (ok ? 'met' : 'missed');
const rows = [
  ['library, one core, fixtures + seeds, simplified input (JSON out)', `${libSimplified.toFixed(1)} MB/s`, '≥ 25 MB/s', met(libSimplified >= 25)],
  ['library, one core, fixtures + seeds, traditional input', `${libTraditional.toFixed(1)} MB/s`, '≥ 25 MB/s', met(libTraditional >= 25)],
  ['library, one core, the seed articles as they are', Number.isNaN(libSeeds) ? 'n/a (no seeds)' : `${libSeeds.toFixed(1)} MB/s`, '≥ 25 MB/s', Number.isNaN(libSeeds) ? '' : met(libSeeds >= 25)],
  ['figures per 1,000 characters: fixtures / seeds', `${density(sets.fixtures).toFixed(1)} / ${sets.seeds.length ? density(sets.seeds).toFixed(1) : 'n/a'}`, '', ''],
  [`library full path over the ${corpusMB.toFixed(0)} MB corpus files (read, decode, extract, JSON), one core`, `${libCorpus.toFixed(1)} MB/s`, '', ''],
  [`CLI over ${corpusMB.toFixed(0)} MB, --jobs 1 (JSON out)`, `${cli1.toFixed(1)} MB/s (${(cli1 / libCorpus).toFixed(2)}× the library)`, '≥ 0.85×', met(cli1 / libCorpus >= 0.85)],
  [`CLI over ${corpusMB.toFixed(0)} MB, --jobs ${CORES}`, `${cliN.toFixed(1)} MB/s (${(cliN / cli1).toFixed(2)}× --jobs 1)`, '≥ 1.6×', met(cliN / cli1 >= 1.6)],
  [`peak RSS, CLI on the whole corpus, --jobs ${CORES}`, Number.isNaN(rss) ? 'n/a (needs GNU time: apt-get install time)' : `${rss.toFixed(0)} MB`, '< 150 MB', met(rss < 150)],
  ['one 20 MB text file: throughput', `${b20MBs.toFixed(1)} MB/s (corpus, --jobs 1: ${cli1.toFixed(1)} MB/s)`, '≥ corpus', met(b20MBs >= cli1)],
  ['one 20 MB text file: peak RSS', `${b20Rss.toFixed(0)} MB`, '≤ 150 MB', met(b20Rss <= 150)],
  ['one 200 MB text file: peak RSS', `${b200.rss.toFixed(0)} MB (${b200MBs.toFixed(1)} MB/s)`, '≤ 150 MB', met(b200.rss <= 150)],
  ['cold start, one article --format json', `${median(ourStart).toFixed(0)} ms (node -e 0: ${median(nodeStart).toFixed(0)} ms, +${(median(ourStart) - median(nodeStart)).toFixed(0)} ms)`, '≤ +60 ms', met(median(ourStart) - median(nodeStart) <= 60)],
  [`Recognizers-Text numbers, sentence by sentence (${p.sampleMB.toFixed(2)} MB, ${p.sentences} sentences)`, `${p.numbers.toFixed(3)} MB/s`, '', ''],
  ['Recognizers-Text percentages, sentence by sentence', `${p.percent.toFixed(3)} MB/s`, '', ''],
  ['Recognizers-Text currency, sentence by sentence', `${p.currency.toFixed(3)} MB/s`, '', ''],
  ['Recognizers-Text, the three together', `${p.peerAll.toFixed(3)} MB/s`, '', ''],
  ['zonefacts full path (extract, JSON) on the same sentences', `${p.oursSentences.toFixed(1)} MB/s (${Math.round(p.oursSentences / p.peerAll)}× the peer)`, '≥ 300×', met(p.oursSentences / p.peerAll >= 300)],
  ['zonefacts full path on the whole articles', `${p.oursArticles.toFixed(1)} MB/s (${Math.round(p.oursArticles / p.peerAll)}× the peer on sentences)`, '', ''],
  ...(acc
    ? [
        ['seeds, money + percent, quantity F1: zonefacts', `${(100 * acc.ours.f1).toFixed(1)}% (P ${(100 * acc.ours.precision).toFixed(1)}%, R ${(100 * acc.ours.recall).toFixed(1)}%)`, '', ''],
        ['seeds, money + percent, quantity F1: Recognizers-Text', `${(100 * acc.peer.f1).toFixed(1)}% (P ${(100 * acc.peer.precision).toFixed(1)}%, R ${(100 * acc.peer.recall).toFixed(1)}%)`, '', ''],
      ]
    : []),
  ['4 MB dense line (3.2万亿元增长了5个百分点…): time', `${dense.dense.toFixed(2)} s (${(dense.dense / dense.ordinary).toFixed(2)}× ordinary text)`, '≤ 3×', met(dense.dense / dense.ordinary <= 3)],
  ['4 MB dense line: JSON output / input size', `${dense.denseOut.toFixed(1)}× (ordinary text: ${dense.ordinaryOut.toFixed(1)}×)`, 'proportionate', ''],
  ...Object.entries(adv).map(([name, secs]) => [`10 MB single line: ${name}`, `${secs.toFixed(2)} s (${(secs / base).toFixed(2)}× ordinary)`, name.startsWith('ordinary') ? '' : '≤ 3×', name.startsWith('ordinary') ? '' : met(secs / base <= 3)]),
];

const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${CORES} cores, Node ${process.versions.node}; medians of ${RUNS} runs (cold start: ${coldRuns}).`,
  '',
  '| measure | result | target | |',
  '| --- | --- | --- | --- |',
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
