#!/usr/bin/env node
/**
 * Measures the HTML path on the development set of real pages (../shared/html/gne, or
 * $ZONEFACTS_SHARED/html/gne): per page and mean body character-bigram F1 (whitespace removed)
 * against the page's true article text, the share of pages showing a date where the right date is
 * found, the share of pages with a real byline where the right author is found, and time per page.
 *
 * The truth is the peer output shipped with the pages (gne-output.txt) except where
 * scripts/eval-html-truth.json records a judgement made by reading the page: a body given by
 * start/end markers in the page's visible text, a corrected date, the real author.
 *
 * Usage: npm run eval:html [-- --engine zonefacts|readability|all] [--pages] [--json]
 * Run `npm run build` first (npm run eval:html does).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const shared = process.env.ZONEFACTS_SHARED ?? path.resolve(ROOT, '..', 'shared');
const DIR = path.join(shared, 'html', 'gne');
const args = process.argv.slice(2);
const engineArg = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : 'all';
const showPages = args.includes('--pages');
const asJson = args.includes('--json');

if (!existsSync(path.join(DIR, 'gne-output.txt'))) {
  console.error(`eval:html: no development set at ${DIR} (set ZONEFACTS_SHARED to the folder holding html/gne); nothing measured`);
  process.exit(0);
}

const { ingestBytes } = await import(path.join(ROOT, 'dist/ingest/index.js'));
const { decode } = await import(path.join(ROOT, 'dist/ingest/decode.js'));
const { normalizeDate } = await import(path.join(ROOT, 'dist/ingest/dates.js'));

/** gne-output.txt: blocks headed >>>tests/<site>/<n>.html>>> followed by a JSON object. */
function peerOutput() {
  const raw = readFileSync(path.join(DIR, 'gne-output.txt'), 'utf8');
  const out = new Map();
  const parts = raw.split(/^>{5,}tests\/(.+?)\.html>{5,}\s*$/m);
  for (let i = 1; i < parts.length; i += 2) out.set(parts[i], JSON.parse(parts[i + 1].replace(/^<{5,}\s*$/m, "")));
  return out;
}

const strip = (s) => s.replace(/\s+/g, '');
function bigrams(s) {
  const m = new Map();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}
export function bigramF1(got, want) {
  const a = bigrams(strip(got));
  const b = bigrams(strip(want));
  let na = 0, nb = 0, both = 0;
  for (const v of a.values()) na += v;
  for (const [g, v] of b) {
    nb += v;
    both += Math.min(v, a.get(g) ?? 0);
  }
  if (na === 0 && nb === 0) return 1;
  if (na === 0 || nb === 0) return 0;
  const p = both / na, r = both / nb;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** All visible text of a page, blocks on their own lines: where start/end markers are looked up. */
function visibleText(html) {
  const cheerio = require('cheerio/slim');
  const $ = cheerio.load(html);
  $('script, style, noscript, template, head').remove();
  $('p, div, br, li, tr, h1, h2, h3, h4, h5, h6, section, article, table, pre, blockquote').before('\n').after('\n');
  return $.root().text().replace(/[ \t\u00a0]+/g, ' ').replace(/\n\s*/g, '\n');
}

function truthBody(id, html, peer, judged) {
  const j = judged?.body;
  if (!j) return peer.content ?? '';
  const text = visibleText(html);
  const from = text.indexOf(j.start);
  const toStart = text.indexOf(j.end, from < 0 ? 0 : from);
  if (from < 0 || toStart < 0) throw new Error(`${id}: body markers not found in the page (${j.start} … ${j.end})`);
  return text.slice(from, toStart + j.end.length);
}

const ENGINES = {
  zonefacts(bytes) {
    const doc = ingestBytes(bytes, { inputFormat: 'html' });
    return { text: doc.text, meta: doc.meta ?? {} };
  },
};
try {
  const { Readability } = require('@mozilla/readability');
  const { parseHTML } = require('linkedom');
  ENGINES.readability = (bytes) => {
    const { document } = parseHTML(decode(bytes).text);
    const art = new Readability(document).parse();
    return { text: art?.textContent ?? '', meta: { title: art?.title, author: art?.byline ?? undefined, published: art?.publishedTime ?? undefined } };
  };
} catch {
  if (engineArg === 'readability') console.error('eval:html: @mozilla/readability and linkedom are not installed; only the zonefacts engine is measured');
}

const peer = peerOutput();
const judgements = JSON.parse(readFileSync(path.join(ROOT, 'scripts', 'eval-html-truth.json'), 'utf8'));
const ids = [...peer.keys()].filter((id) => existsSync(path.join(DIR, 'pages', `${id}.html`))).sort();
const engines = engineArg === 'all' ? Object.keys(ENGINES) : [engineArg].filter((e) => ENGINES[e]);

const summary = {};
for (const name of engines) {
  const rows = [];
  for (const id of ids) {
    const bytes = readFileSync(path.join(DIR, 'pages', `${id}.html`));
    const p = peer.get(id);
    const j = judgements[id] ?? {};
    const want = truthBody(id, decode(bytes).text, p, j);
    const wantDate = 'date' in j ? j.date : normalizeDate(p.publish_time ?? '')?.slice(0, 10) ?? null;
    const wantAuthor = j.author ?? null;
    const t0 = performance.now();
    let got;
    try {
      got = ENGINES[name](bytes);
    } catch (e) {
      got = { text: '', meta: {}, error: String(e) };
    }
    const ms = performance.now() - t0;
    const gotDate = got.meta.published ? (normalizeDate(got.meta.published) ?? got.meta.published).slice(0, 10) : null;
    rows.push({
      id,
      f1: bigramF1(got.text, want),
      date: wantDate ? (gotDate === wantDate ? 'ok' : gotDate ? `wrong ${gotDate}≠${wantDate}` : 'missing') : gotDate ? `extra ${gotDate}` : 'none',
      author: wantAuthor ? (got.meta.author === wantAuthor ? 'ok' : `${got.meta.author ?? '-'}≠${wantAuthor}`) : got.meta.author ? `extra ${got.meta.author}` : 'none',
      ms,
      chars: got.text.length,
      wantChars: strip(want).length,
    });
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const dated = rows.filter((r) => r.date !== 'none' && !r.date.startsWith('extra'));
  const authored = rows.filter((r) => r.author !== 'none' && !r.author.startsWith('extra'));
  summary[name] = {
    pages: rows.length,
    meanF1: mean(rows.map((r) => r.f1)),
    below90: rows.filter((r) => r.f1 < 0.9).length,
    dateRate: dated.filter((r) => r.date === 'ok').length / Math.max(1, dated.length),
    datePages: dated.length,
    authorRate: authored.filter((r) => r.author === 'ok').length / Math.max(1, authored.length),
    authorPages: authored.length,
    extraAuthors: rows.filter((r) => r.author.startsWith('extra')).length,
    msPerPage: mean(rows.map((r) => r.ms)),
  };
  if (asJson) continue;
  if (showPages || engines.length === 1) {
    console.log(`\n${name}: page\tF1\tdate\tauthor\tms`);
    for (const r of rows) console.log(`${r.id}\t${r.f1.toFixed(3)}\t${r.date}\t${r.author}\t${r.ms.toFixed(1)}`);
  }
}
if (asJson) console.log(JSON.stringify(summary, null, 2));
else {
  console.log('\nengine\tpages\tmean F1\tF1<0.9\tdate\tauthor\textra authors\tms/page');
  for (const [name, s] of Object.entries(summary)) {
    console.log(
      `${name}\t${s.pages}\t${s.meanF1.toFixed(3)}\t${s.below90}\t${(s.dateRate * 100).toFixed(0)}% of ${s.datePages}\t` +
        `${(s.authorRate * 100).toFixed(0)}% of ${s.authorPages}\t${s.extraAuthors}\t${s.msPerPage.toFixed(1)}`,
    );
  }
}
