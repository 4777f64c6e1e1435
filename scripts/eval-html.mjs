#!/usr/bin/env node
/**
 * Measures the HTML path on the development set of real pages (../shared/html/gne, or
 * $ZONEFACTS_SHARED/html/gne): per page and mean body character-bigram F1 (whitespace removed)
 * against the page's true article text, the share of pages showing a date where the right date is
 * found, the share of pages with a real byline where the right author is found, and time per page.
 * See scripts/eval-html-lib.mjs for the truth.
 *
 * Usage: npm run eval:html [-- --engine zonefacts|readability|all] [--pages] [--json]
 * The readability engine (@mozilla/readability on linkedom) is measured when both are installed:
 * npm install --no-save @mozilla/readability linkedom
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { devSetDir, measure } from './eval-html-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const shared = process.env.ZONEFACTS_SHARED ?? path.resolve(ROOT, '..', 'shared');
const args = process.argv.slice(2);
const engineArg = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : 'all';
const showPages = args.includes('--pages');
const asJson = args.includes('--json');

const dir = devSetDir(shared);
if (!dir) {
  console.error(`eval:html: no development set at ${path.join(shared, 'html', 'gne')} (set ZONEFACTS_SHARED to the folder holding html/gne); nothing measured`);
  process.exit(0);
}

const { ingestBytes } = await import(path.join(ROOT, 'dist/ingest/index.js'));
const { decode } = await import(path.join(ROOT, 'dist/ingest/decode.js'));
const { normalizeDate } = await import(path.join(ROOT, 'dist/ingest/dates.js'));

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

const engines = engineArg === 'all' ? Object.keys(ENGINES) : [engineArg].filter((e) => ENGINES[e]);
const summary = {};
for (const name of engines) {
  const { rows, summary: s } = measure(dir, ENGINES[name], { decode, normalizeDate });
  summary[name] = s;
  if (!asJson && (showPages || engines.length === 1)) {
    console.log(`\n${name}: page\tF1\tdate\tauthor\tms`);
    for (const r of rows) console.log(`${r.id}\t${r.f1.toFixed(3)}\t${r.date}\t${r.author}\t${r.ms.toFixed(1)}`);
  }
}
if (asJson) console.log(JSON.stringify(summary, null, 2));
else {
  console.log('\nengine\tpages\tmean F1\tmin F1\tF1<0.9\tdate\tauthor\textra authors\tms/page');
  for (const [name, s] of Object.entries(summary)) {
    console.log(
      `${name}\t${s.pages}\t${s.meanF1.toFixed(3)}\t${s.minF1.toFixed(3)}\t${s.below90}\t${(s.dateRate * 100).toFixed(0)}% of ${s.datePages}\t` +
        `${(s.authorRate * 100).toFixed(0)}% of ${s.authorPages}\t${s.extraAuthors}\t${s.msPerPage.toFixed(1)}`,
    );
  }
}
