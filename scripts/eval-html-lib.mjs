/**
 * The HTML development-set measure, shared by `npm run eval:html` and the test suite: body
 * character-bigram F1 (whitespace removed) against the true article text, date and author rates.
 *
 * The truth is the peer output shipped with the pages (gne-output.txt) except where
 * scripts/eval-html-truth.json records a judgement made by reading the page.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** gne-output.txt: blocks headed >>>tests/<site>/<n>.html>>> holding a JSON object. */
function peerOutput(dir) {
  const raw = readFileSync(path.join(dir, 'gne-output.txt'), 'utf8');
  const out = new Map();
  const parts = raw.split(/^>{5,}tests\/(.+?)\.html>{5,}\s*$/m);
  for (let i = 1; i < parts.length; i += 2) out.set(parts[i], JSON.parse(parts[i + 1].replace(/^<{5,}\s*$/m, '')));
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

/** Character-bigram F1 of two texts, whitespace removed. */
export function bigramF1(got, want) {
  const a = bigrams(strip(got));
  const b = bigrams(strip(want));
  let na = 0;
  let nb = 0;
  let both = 0;
  for (const v of a.values()) na += v;
  for (const [g, v] of b) {
    nb += v;
    both += Math.min(v, a.get(g) ?? 0);
  }
  if (na === 0 && nb === 0) return 1;
  if (na === 0 || nb === 0) return 0;
  const p = both / na;
  const r = both / nb;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** All visible text of a page, blocks on their own lines: where start/end markers are looked up. */
function visibleText(html) {
  const $ = require('cheerio/slim').load(html);
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

/** The development set's folder, or null when it is not there. */
export function devSetDir(shared) {
  const dir = path.join(shared, 'html', 'gne');
  return existsSync(path.join(dir, 'gne-output.txt')) ? dir : null;
}

/**
 * Runs `engine(bytes) → { text, meta }` over every page. `decode` and `normalizeDate` are the
 * project's own (the truth's dates are normalised the same way as the answers').
 */
export function measure(dir, engine, { decode, normalizeDate }) {
  const peer = peerOutput(dir);
  const judgements = JSON.parse(readFileSync(path.join(ROOT, 'scripts', 'eval-html-truth.json'), 'utf8'));
  const ids = [...peer.keys()].filter((id) => existsSync(path.join(dir, 'pages', `${id}.html`))).sort();
  const rows = [];
  for (const id of ids) {
    const bytes = readFileSync(path.join(dir, 'pages', `${id}.html`));
    const p = peer.get(id);
    const j = judgements[id] ?? {};
    const want = truthBody(id, decode(bytes).text, p, j);
    const wantDate = 'date' in j ? j.date : (normalizeDate(p.publish_time ?? '')?.slice(0, 10) ?? null);
    const wantAuthor = j.author ?? null;
    const t0 = performance.now();
    let got;
    try {
      got = engine(bytes);
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
    });
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const dated = rows.filter((r) => r.date !== 'none' && !r.date.startsWith('extra'));
  const authored = rows.filter((r) => r.author !== 'none' && !r.author.startsWith('extra'));
  return {
    rows,
    summary: {
      pages: rows.length,
      meanF1: mean(rows.map((r) => r.f1)),
      minF1: Math.min(...rows.map((r) => r.f1)),
      below90: rows.filter((r) => r.f1 < 0.9).length,
      dateRate: dated.filter((r) => r.date === 'ok').length / Math.max(1, dated.length),
      datePages: dated.length,
      authorRate: authored.filter((r) => r.author === 'ok').length / Math.max(1, authored.length),
      authorPages: authored.length,
      extraAuthors: rows.filter((r) => r.author.startsWith('extra')).length,
      msPerPage: mean(rows.map((r) => r.ms)),
    },
  };
}
