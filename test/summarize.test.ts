/**
 * summarize: the article card, the corpus accumulator (conflicts, reposts, merge), precision, and
 * keywords. Zone/indicator-dependent behaviour is tested on records whose zone, indicator and
 * period are set here or in the hand-attributed JSONL, so it does not depend on attribution.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusSummary, extract, summarizeArticle, type ArticleResult, type Check, type Metric } from '../src/index.js';
import { disagree, halfWidth } from '../src/summarize/precision.js';
import { keywords } from '../src/summarize/keywords.js';
import { corpusCsv, corpusTable } from '../src/emit/corpus.js';
import { cardText, checksLine, figureLine } from '../src/emit/card.js';
import { ROOT } from './helpers.js';

const ATTRIBUTED = path.join(ROOT, 'fixtures', 'summarize', 'jiangcheng.attributed.jsonl');
const attributed = (): ArticleResult[] => readFileSync(ATTRIBUTED, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ArticleResult);

/** A metric as attribution will give it: what a test does not set is plain. */
function metric(p: Partial<Metric> & Pick<Metric, 'value' | 'raw'>): Metric {
  const sentence = p.sentence ?? `${p.label ?? ''}${p.raw}。`;
  return {
    kind: 'money', metric: 'amount', unit: 'CNY', text: p.raw, span: [0, p.raw.length], sentence, sentenceSpan: [0, sentence.length],
    label: null, period: null, qualifier: null, range: null, rule: 'test', zone: null, indicator: 'other', indicatorName: null,
    when: null, base: null, ...p,
  };
}

function article(file: string, metrics: Metric[], checks: Check[] = []): ArticleResult {
  return { file, script: 'simplified', chars: 100, published: null, zones: [], metrics, checks };
}

const Q3 = { from: '2024-01', to: '2024-09' };
const placed = (raw: string, value: number, more: Partial<Metric> = {}) =>
  metric({ raw, value, zone: '江澄经济技术开发区', indicator: 'gdp', indicatorName: '地区生产总值', when: Q3, period: '前三季度', sentence: `地区生产总值${raw}，${more.qualifier ?? ''}。`, ...more });

describe('written precision', () => {
  it.each([
    ['412.6亿元', 41_260_000_000, 5_000_000],
    ['412.63亿元', 41_263_000_000, 500_000],
    ['1,860億元', 186_000_000_000, 50_000_000],
    ['7.8%', 7.8, 0.05],
    ['12个', 12, 0.5],
    ['九成七', 97, 0],
  ])('%s allows ±%s', (raw, value, half) => {
    expect(Math.abs(halfWidth({ raw, value }) - half)).toBeLessThanOrEqual(half * 1e-9);
  });

  it.each([
    [['412.6亿元', 41_260_000_000], ['412.63亿元', 41_263_000_000], false],
    [['412.6亿元', 41_260_000_000], ['415亿元', 41_500_000_000], true],
    [['7.8%', 7.8], ['7.84%', 7.84], false],
    [['7.8%', 7.8], ['7.9%', 7.9], true],
    [['186亿元', 18_600_000_000], ['186.4亿元', 18_640_000_000], false],
  ] as const)('%j and %j disagree: %s', (a, b, expected) => {
    const x = { value: a[1], half: halfWidth({ raw: a[0], value: a[1] }) };
    const y = { value: b[1], half: halfWidth({ raw: b[0], value: b[1] }) };
    expect(disagree(x, y)).toBe(expected);
  });
});

describe('corpus: conflicts between articles', () => {
  it('reports the fixture pair that disagree on one figure, with both sources', () => {
    const s = new CorpusSummary();
    for (const r of attributed()) s.add(r);
    const conflicts = s.rows().filter((r) => r.conflict);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.key).toEqual({ zone: '江澄经济技术开发区', indicator: 'fixed_asset_investment', when: '2024-01..2024-09' });
    expect(conflicts[0]!.values).toEqual([7_430_000_000, 7_810_000_000]);
    expect(conflicts[0]!.sources.map((x) => [x.file, x.text])).toEqual([
      ['fixtures/summarize/jiangcheng-daily.txt', '74.3亿元'],
      ['fixtures/summarize/jiangcheng-portal.txt', '78.1亿元'],
    ]);
    // the figures both articles state alike are one value, from two articles
    const output = s.rows().find((r) => r.key.indicator === 'industrial_output' && r.measure === 'level')!;
    expect(output).toMatchObject({ values: [28_650_000_000], mentions: 2, articles: 2, conflict: false });
  });

  it.each([
    ['values within the rounding both allow', placed('412.6亿元', 41_260_000_000), placed('412.63亿元', 41_263_000_000), false],
    ['values beyond it', placed('412.6亿元', 41_260_000_000), placed('415亿元', 41_500_000_000), true],
    ['a qualified value (约, 超)', placed('412.6亿元', 41_260_000_000), placed('400亿元', 40_000_000_000, { qualifier: 'over' }), false],
    ['figures in no zone', placed('412.6亿元', 41_260_000_000, { zone: null }), placed('415亿元', 41_500_000_000, { zone: null }), false],
    ['figures of no known indicator', placed('412.6亿元', 41_260_000_000, { indicator: 'other' }), placed('415亿元', 41_500_000_000, { indicator: 'other' }), false],
    ['figures with no period', placed('412.6亿元', 41_260_000_000, { when: null, period: null }), placed('415亿元', 41_500_000_000, { when: null, period: null }), false],
  ])('two articles, %s: conflict %s', (_what, a, b, conflict) => {
    const s = new CorpusSummary().add(article('a.txt', [a])).add(article('b.txt', [b]));
    expect(s.rows().some((r) => r.conflict)).toBe(conflict);
  });

  it('does not call two values of one article a conflict between articles', () => {
    const s = new CorpusSummary().add(article('a.txt', [placed('412.6亿元', 41_260_000_000), placed('415亿元', 41_500_000_000, { sentence: '另一句415亿元。' })]));
    expect(s.rows()[0]).toMatchObject({ values: [41_260_000_000, 41_500_000_000], mentions: 2, articles: 1, conflict: false });
  });

  it('does not set an article that states a total and its part against one that states the total', () => {
    const s = new CorpusSummary()
      .add(article('a.txt', [placed('18个', 18), placed('4个', 4, { sentence: '其中10亿元以上项目4个。' })]))
      .add(article('b.txt', [placed('18个', 18)]));
    expect(s.rows()[0]).toMatchObject({ values: [4, 18], articles: 2, conflict: false });
    s.add(article('c.txt', [placed('17个', 17)]));
    expect(s.rows()[0]).toMatchObject({ values: [4, 17, 18], conflict: true });
  });

  it('keeps a growth rate apart from the level it changes', () => {
    const s = new CorpusSummary().add(article('a.txt', [placed('412.6亿元', 41_260_000_000), placed('7.8%', 7.8, { kind: 'percent', metric: 'growth_rate', unit: '%' })]));
    expect(s.rows().map((r) => [r.measure, r.unit, r.values]).sort()).toEqual([['change', '%', [7.8]], ['level', 'CNY', [41_260_000_000]]]);
  });
});

describe('corpus: reposts', () => {
  it('counts a reposted article once and lists it', () => {
    const s = new CorpusSummary();
    for (const r of attributed()) s.add(r);
    expect(s.articles).toBe(2);
    expect(s.duplicates()).toEqual([['fixtures/summarize/jiangcheng-daily.txt', 'fixtures/summarize/jiangcheng-repost.txt']]);
    const fai = s.rows().find((r) => r.key.indicator === 'fixed_asset_investment' && r.measure === 'level')!;
    expect(fai.mentions).toBe(2);
  });

  it('counts a repost that places its figures otherwise (no byline date) once, its figures where it places them', () => {
    const [daily, , repost] = attributed();
    const undated = { ...repost!, published: null, metrics: repost!.metrics.map((m) => ({ ...m, when: null })) };
    const s = new CorpusSummary().add(undated).add(daily!);
    expect(s.articles).toBe(1);
    const dated = s.rows().filter((r) => r.key.when !== null);
    expect(dated.map(({ sources: _, ...r }) => r)).toEqual(new CorpusSummary().add(daily!).rows().filter((r) => r.key.when !== null).map(({ sources: _, ...r }) => r));
    expect(s.rows().find((r) => r.key.when === null && r.values.includes(7_430_000_000))).toMatchObject({ articles: 1, conflict: false });
  });

  it('finds a repost in the other script, with other spacing, extracted from its text', () => {
    const s = new CorpusSummary()
      .add(extract('江澄经开区前三季度新签约项目18个。\n总投资126亿元。', { file: 'a.txt' }))
      .add(extract('江澄經開區 前三季度新簽約項目18個。  總投資126億元。', { file: 'b.txt' }))
      .add(extract('江澄经开区前三季度新签约项目19个。\n总投资126亿元。', { file: 'c.txt' }));
    expect(s.articles).toBe(2);
    expect(s.duplicates()).toEqual([['a.txt', 'b.txt']]);
  });
});

describe('corpus: state', () => {
  it('round-trips through JSON', () => {
    const s = new CorpusSummary({ by: ['zone', 'indicator', 'period'] });
    for (const r of attributed()) s.add(r);
    const back = CorpusSummary.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
    expect(back.toJSON()).toEqual(s.toJSON());
    expect(back.rows()).toEqual(s.rows());
  });

  it.each([
    [null, /not a zonefacts summary/],
    [{ format: 'zonefacts-summary', version: 9 }, /version 9/],
    [{ format: 'zonefacts-summary', version: 1 }, /missing/],
    [{ format: 'zonefacts-summary', version: 1, by: ['zone'], seen: [], cells: [{ key: {} }] }, /cell 0 is malformed/],
    [{ format: 'zonefacts-summary', version: 1, by: ['zone'], seen: [['abc']], cells: [] }, /"seen" entry 0/],
  ])('rejects %j', (state, message) => {
    expect(() => CorpusSummary.fromJSON(state)).toThrow(message);
  });

  it('merges only summaries grouped alike, and rows only in its own grouping', () => {
    expect(() => new CorpusSummary().merge(new CorpusSummary({ by: ['metric'] }))).toThrow(/grouped by metric/);
    expect(() => new CorpusSummary().rows(['metric'])).toThrow(/grouped by zone,indicator,when/);
    expect(() => new CorpusSummary({ by: ['nope' as 'zone'] })).toThrow(/unknown summary field "nope"/);
  });

  it('guards formula-like cells for Excel, not plain numbers', () => {
    const s = new CorpusSummary({ by: ['zone'] }).add(article('a.txt', [metric({ raw: '5亿元', value: 500_000_000, zone: '=HYPERLINK("x")' }), metric({ raw: '3.5%', value: -3.5, unit: '%', kind: 'percent', metric: 'growth_rate', zone: '-区' })]));
    const csv = corpusCsv(s, s.rows(), { excel: true });
    expect(csv.startsWith('\ufeffzone,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("'-区,change,%,-3.5,-3.5,-3.5");
    expect(corpusCsv(s, s.rows())).not.toContain("'");
  });
});

describe('corpus: merging partial summaries', () => {
  // Articles with distinct texts, whose figures fall on a few keys so that values meet and clash
  const zones = ['江澄经济技术开发区', '青林高新区', null];
  const indicators = ['gdp', 'fixed_asset_investment', 'other'];
  const whens = [Q3, { from: '2024-01', to: '2024-12' }, null];
  const arbMetric = fc.record({
    zone: fc.constantFrom(...zones), indicator: fc.constantFrom(...indicators), when: fc.constantFrom(...whens),
    tenths: fc.integer({ min: 4120, max: 4130 }), qualifier: fc.constantFrom(null, null, 'approx' as const), growth: fc.boolean(),
  });
  const articles = fc.array(fc.array(arbMetric, { minLength: 0, maxLength: 5 }), { minLength: 1, maxLength: 12 }).map((docs) =>
    docs.map((ms, d) => ({ ...article(`doc-${d}.txt`, ms.map((m, i) => {
      const raw = m.growth ? `${m.tenths / 1000}%` : `${m.tenths / 10}亿元`;
      const value = m.growth ? m.tenths / 1000 : m.tenths * 1e7;
      return metric({
        raw, value, zone: m.zone, indicator: m.indicator, when: m.when, qualifier: m.qualifier, span: [i * 10, i * 10 + raw.length],
        ...(m.growth ? { kind: 'percent' as const, metric: 'growth_rate' as const, unit: '%' } : {}),
        sentence: `第${d}篇第${i}句${raw}。`,
      });
    })), text: `第${d}篇` })),
  );
  // and reposts: copies of some of them under other names, anywhere in the corpus; some copies
  // place their figures in no period (a repost without the byline's date)
  const corpus = fc.tuple(articles, fc.array(fc.nat(), { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 2 })).map(([docs, copies, undated]) => [
    ...docs,
    ...copies.map((c, k) => ({ ...docs[c % docs.length]!, file: `repost-${k}.txt` })),
    ...undated.map((c, k) => {
      const doc = docs[c % docs.length]!;
      return { ...doc, file: `undated-${k}.txt`, metrics: doc.metrics.map((m) => ({ ...m, when: null })) };
    }),
  ]);
  const summaryOf = (records: ArticleResult[]) => records.reduce((s, r) => s.add(r), new CorpusSummary());

  it('of two halves of any split equals the summary of the whole, in either order', () => {
    fc.assert(
      fc.property(corpus, fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }), (records, side) => {
        const left = records.filter((_, i) => side[i]);
        const right = records.filter((_, i) => !side[i]);
        const whole = summaryOf(records).toJSON();
        expect(summaryOf(left).merge(summaryOf(right)).toJSON()).toEqual(whole);
        expect(summaryOf(right).merge(summaryOf(left)).toJSON()).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('counts a repost once: reposts change no count, only the names listed', () => {
    const counts = (x: CorpusSummary) => x.rows().map(({ sources: _, ...row }) => row);
    fc.assert(
      fc.property(corpus, (records) => {
        const originals = records.filter((r) => r.file.startsWith('doc-'));
        const withReposts = records.filter((r) => !r.file.startsWith('undated-'));
        expect(counts(summaryOf(withReposts))).toEqual(counts(summaryOf(originals)));
        expect(summaryOf(records).articles).toBe(summaryOf(originals).articles);
      }),
      { numRuns: 200 },
    );
  });

  it('is associative over three partitions and survives the JSON round trip', () => {
    fc.assert(
      fc.property(corpus, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 18, maxLength: 18 }), (records, part) => {
        const parts = [0, 1, 2].map((p) => summaryOf(records.filter((_, i) => part[i] === p)));
        const viaJson = (s: CorpusSummary) => CorpusSummary.fromJSON(JSON.parse(JSON.stringify(s)));
        const a = viaJson(parts[0]!).merge(viaJson(parts[1]!)).merge(viaJson(parts[2]!));
        const b = viaJson(parts[0]!).merge(viaJson(parts[1]!).merge(viaJson(parts[2]!)));
        expect(a.toJSON()).toEqual(b.toJSON());
        expect(a.rows()).toEqual(summaryOf(records).rows());
      }),
      { numRuns: 100 },
    );
  });

  it('counts an article found in two partitions once, and lists it as a repost', () => {
    const [daily, portal, repost] = attributed();
    const merged = summaryOf([repost!, portal!]).merge(summaryOf([daily!]));
    expect(merged.articles).toBe(2);
    expect(merged.duplicates()).toEqual([['fixtures/summarize/jiangcheng-daily.txt', 'fixtures/summarize/jiangcheng-repost.txt']]);
    expect(merged.toJSON()).toEqual(summaryOf([daily!, portal!, repost!]).toJSON());
  });
});

describe('article card', () => {
  const gdp = { indicator: 'gdp', indicatorName: '地区生产总值' };
  const fai = { indicator: 'fixed_asset_investment', indicatorName: '固定资产投资' };
  const s1 = '全区实现地区生产总值412.6亿元，同比增长7.8%，增速提高2.1个百分点。';
  const s2 = '完成固定资产投资186.4亿元，同比下降3.5%。';
  const s3 = '地区生产总值412.6亿元，居全市第一。';
  const at = (sentence: string, start: number) => ({ sentence, sentenceSpan: [start, start + sentence.length] as [number, number] });
  const card = summarizeArticle(
    {
      ...article('a.txt', [
        metric({ raw: '412.6亿元', value: 41_260_000_000, period: '2024年', ...gdp, ...at(s1, 0) }),
        metric({ raw: '7.8%', value: 7.8, kind: 'percent', metric: 'growth_rate', unit: '%', ...gdp, ...at(s1, 0) }),
        metric({ raw: '2.1个百分点', value: 2.1, kind: 'percentage_point', metric: 'percentage_point', unit: 'pp', ...gdp, ...at(s1, 0) }),
        metric({ raw: '186.4亿元', value: 18_640_000_000, period: '2024年', ...fai, ...at(s2, 40) }),
        metric({ raw: '3.5%', value: -3.5, kind: 'percent', metric: 'growth_rate', unit: '%', ...fai, ...at(s2, 40) }),
        metric({ raw: '412.6亿元', value: 41_260_000_000, period: '2024年', ...gdp, ...at(s3, 80) }),
        metric({ raw: '12个', value: 12, kind: 'count', metric: 'project_count', unit: '项目', label: '新签约项目' }),
      ], [
        { id: 'growth-rate', status: 'consistent', severity: 'info', metrics: [], message: 'ok', expected: 1, actual: 1 },
        { id: 'share-range', status: 'inconsistent', severity: 'error', metrics: [], message: '占比 120% is over 100%', expected: null, actual: null },
      ]),
      meta: { title: '青林高新区2024年经济运行', source: '青林日报', published: '2025-01-15 09:30' },
      zones: [{ name: '青林高新区', names: ['青林高新区', '高新区'], metrics: 6 }],
    },
    { keywords: 0 },
  );

  it('has who published it and when', () => {
    expect(card).toMatchObject({ title: '青林高新区2024年经济运行', outlet: '青林日报', published: '2025-01-15', zones: [{ name: '青林高新区', metrics: 6 }], keywords: [] });
  });

  it.each([
    ['江澄经开区三季度成绩单\n\n来源：江澄日报　2024-10-22 08:15\n\n全区新签约项目18个。', '江澄经开区三季度成绩单', '江澄日报'],
    ['全区新签约项目18个，总投资126亿元，其中10亿元以上项目4个，工业投资增长明显，成效显著，再创新高。', null, null],
  ])('reads the headline and outlet of a plain-text article: %s', (text, title, outlet) => {
    expect(summarizeArticle(extract(text, { includeText: true }), { keywords: 0 })).toMatchObject({ title, outlet });
  });

  it('groups figures by indicator, the most-stated first, each with the growth stated with it', () => {
    expect(card.groups.map((g) => [g.name, g.mentions])).toEqual([['地区生产总值', 4], ['固定资产投资', 2], ['新签约项目', 1]]);
    expect(card.groups[0]!.figures).toMatchObject([{ text: '412.6亿元', mentions: 2, growth: [{ value: 7.8 }, { value: 2.1, metric: 'percentage_point' }] }]);
    expect(card.groups[1]!.figures[0]!.growth).toMatchObject([{ value: -3.5 }]);
  });

  it('counts the check verdicts and spells out the inconsistent ones', () => {
    expect(card.checks).toEqual({ total: 2, consistent: 1, inconsistent: 1, unverifiable: 0, findings: ['占比 120% is over 100%'] });
    expect(checksLine(card.checks)).toBe('2 checks: 1 agree, 1 inconsistent');
  });

  it('writes a figure with its period, its changes and how often it is stated', () => {
    expect(figureLine(card.groups[0]!.figures[0]!)).toBe('412.6亿元 (2024年, +7.8%, +2.1pp) [×2]');
    expect(figureLine(card.groups[1]!.figures[0]!)).toBe('186.4亿元 (2024年, −3.5%)');
  });
});

describe('terminal output fits the width', () => {
  it.each([40, 60, 100])('%i columns', async (cols) => {
    const { default: stringWidth } = await import('string-width');
    const { Chalk } = await import('chalk');
    const chalk = new Chalk({ level: 0 });
    const records = attributed();
    const card = cardText(summarizeArticle(records[1]!, { keywords: 0 }), chalk, stringWidth, { width: cols });
    const s = records.reduce((acc, r) => acc.add(r), new CorpusSummary());
    const table = corpusTable(s, s.rows(), chalk, stringWidth, { width: cols });
    const tooWide = (text: string) => text.split('\n').filter((l) => !l.includes('repost') && stringWidth(l) > Math.max(cols, 60));
    expect(tooWide(card)).toEqual([]);
    expect(tooWide(table)).toEqual([]);
  });
});

describe('keywords', () => {
  it('load nodejieba for a card only, never for a corpus summary', () => {
    const script = `
      import { createRequire } from 'node:module';
      const { extract, CorpusSummary, summarizeArticle } = await import('./dist/index.js');
      const r = extract('全区新签约项目12个，总投资45亿元。', { includeText: true });
      new CorpusSummary().add(r).rows();
      summarizeArticle(r, { keywords: 0 });
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('nodejieba'));
      const before = loaded();
      summarizeArticle(r);
      console.log(before, loaded());`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('false true');
  });

  it('keeps the domain terms of the dictionary whole', () => {
    const words = keywords('园区持续优化营商环境，新认定专精特新企业23家，规上工业增加值增长9%，双招双引成效明显，专精特新企业数量再创新高，营商环境持续改善。', 10);
    expect(words).toEqual(expect.arrayContaining(['专精特新', '营商环境', '双招双引']));
    expect(words.some((w) => /\d/.test(w))).toBe(false);
  });

  it('answers in the article’s own script', () => {
    expect(keywords('園區持續優化營商環境，營商環境再獲好評。', 3)).toContain('營商環境');
  });
});
