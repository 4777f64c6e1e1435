// npm run fuzz [-- --runs 10000] [-- --seed N]
//
// Feeds extract and extractBytes random text, random bytes and random HTML, and checks what must
// hold for every input: no throw, every span holds its text, values are finite, metrics are in
// text order without overlaps, error records only for bytes that are not text. Exits 1 on the
// first counterexample, printing it (shrunk) and the seed that reproduces it.
import fc from 'fast-check';
import { extract, extractBytes } from '../dist/index.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = opt('runs', 10000);
const SEED = opt('seed', Date.now() % 2 ** 31);

const PIECES = [
  '0', '1', '2', '5', '9', '.', ',', ' ', '１', '２', '．', '％', '‧', '·', '—', '-', '~', '、', '，', '。', '；', '\n', '\r',
  '一', '二', '两', '三', '十', '百', '千', '万', '亿', '兆', '零', '〇', '○', '壹', '点', '余', '多', '成', '分之', '百分之',
  '元', '美元', '港元', '亿元', '%', '个百分点', '倍', '个', '家', '项', '人', '名', '套', '亩', '平方米', '公顷', '平方公里',
  '億', '萬', '個', '項', '畝', '增长', '下降', '同比', '占比', '总投资', '其中', '从', '由', '增至', '第', '“', '”', '「', '」',
  '（', '）', '(', '美元，下同', ')', '项目', '企业', '高新区', '年', '月', '日', '😀', '𠀀', '\uD800', '\uDFFF', 'a', 'G',
  '<p>', '</p>', '<br>', '&amp;', '&#x4E00;', '<script>', '<!--', '-->', '\u0000', '\uFEFF', '\u3000',
];

const messy = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((p) => p.join(''));
const text = fc.oneof(messy, fc.string({ maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

function holds(input, result) {
  if (!result || !Array.isArray(result.metrics)) throw new Error('no metrics array');
  const base = result.text ?? input;
  let last = -1;
  for (const m of result.metrics) {
    if (!Number.isFinite(m.value)) throw new Error(`value ${m.value} is not finite`);
    if (base.slice(m.span[0], m.span[1]) !== m.text) throw new Error(`span ${m.span} does not hold "${m.text}"`);
    if (base.slice(m.sentenceSpan[0], m.sentenceSpan[1]) !== m.sentence) throw new Error('sentenceSpan does not hold the sentence');
    if (m.span[0] < last) throw new Error('metrics overlap or are out of order');
    last = m.span[1];
  }
  JSON.parse(JSON.stringify(result));
}

const properties = [
  ['extract(text)', fc.property(text, (t) => holds(t, extract(t, { inputFormat: 'text' })))],
  ['extract(html)', fc.property(messy, (t) => holds(t, extract(`<html><body><div><p>${t}</p></div></body></html>`)))],
  ['extract(auto)', fc.property(text, (t) => holds(t, extract(t)))],
  [
    'extractBytes(bytes)',
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const r = extractBytes(bytes, { includeText: true });
      if (r.error) {
        if (r.error.code !== 'BINARY') throw new Error(`unexpected error ${r.error.code}: ${r.error.message}`);
        return;
      }
      holds(r.text ?? '', { ...r, text: r.text ?? '' });
    }),
  ],
];

let total = 0;
const started = performance.now();
for (const [name, property] of properties) {
  const runs = Math.ceil(RUNS / properties.length);
  const out = fc.check(property, { numRuns: runs, seed: SEED });
  total += out.numRuns;
  if (out.failed) {
    console.error(`${name}: counterexample after ${out.numRuns} runs (seed ${SEED}):`);
    console.error(JSON.stringify(out.counterexample));
    console.error(String(out.errorInstance));
    process.exit(1);
  }
  console.log(`${name}: ${out.numRuns} cases, nothing found`);
}
console.log(`fuzz: ${total} cases in ${((performance.now() - started) / 1000).toFixed(1)} s, seed ${SEED}, nothing found`);
