/**
 * One article at a glance: who published it and when, the zones it is about, its headline figures
 * grouped by indicator (each with the growth reported with it), its check verdicts and keywords.
 */
import { keywords as topKeywords } from './keywords.js';
import type { ArticleResult, Check, Metric, Qualifier, When } from '../types.js';

export interface CardGrowth {
  metric: Metric['metric'];
  value: number;
  unit: string;
  text: string;
  base: string | null;
}

export interface CardFigure {
  value: number;
  unit: string;
  /** As written, the first time: 186.4亿元. */
  text: string;
  qualifier: Qualifier | null;
  period: string | null;
  when: When | null;
  /** How many times the article states this value under this indicator. */
  mentions: number;
  /** Changes stated in the same sentence and about the same indicator (同比增长7.8%). */
  growth: CardGrowth[];
}

export interface CardGroup {
  /** The indicator id, or, before one is known (`other`), the label or metric the figures share. */
  indicator: string;
  name: string;
  mentions: number;
  figures: CardFigure[];
}

export interface CardChecks {
  total: number;
  consistent: number;
  inconsistent: number;
  unverifiable: number;
  /** The message of every inconsistent check. */
  findings: string[];
}

export interface ArticleCard {
  file: string;
  id?: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** The zones it is about, by their fullest names, with how many of its figures each holds. */
  zones: Array<{ name: string; metrics: number }>;
  metrics: number;
  groups: CardGroup[];
  checks: CardChecks;
  keywords: string[];
}

export interface CardOptions {
  /** How many keywords (0: none, and nodejieba is not loaded). Default 8. */
  keywords?: number;
}

const CHANGE = new Set<Metric['metric']>(['growth_rate', 'growth_multiple', 'percentage_point']);

function groupOf(m: Metric): { id: string; name: string } {
  if (m.indicator && m.indicator !== 'other') return { id: m.indicator, name: m.indicatorName ?? m.indicator };
  const name = m.label ?? m.metric;
  return { id: name, name };
}

/** A byline's 2023-11-03 09:53, or 2023年11月3日, as 2023-11-03. */
function dateOf(s: string | undefined): string | null {
  const m = s && /(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}

/** A check's verdict; records written before checks carried one have only a severity. */
const statusOf = (c: Check): Check['status'] => c.status ?? (c.severity === 'info' ? 'consistent' : 'inconsistent');

export function summarizeChecks(checks: readonly Check[]): CardChecks {
  const count = (s: Check['status']) => checks.filter((c) => statusOf(c) === s).length;
  return {
    total: checks.length,
    consistent: count('consistent'),
    inconsistent: count('inconsistent'),
    unverifiable: count('unverifiable'),
    findings: checks.filter((c) => statusOf(c) === 'inconsistent').map((c) => c.message),
  };
}

function buildGroups(metrics: readonly Metric[]): CardGroup[] {
  const groups = new Map<string, CardGroup>();
  const figureAt = new Map<Metric, CardFigure>();
  const group = (m: Metric) => {
    const { id, name } = groupOf(m);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { indicator: id, name, mentions: 0, figures: [] }));
    g.mentions++;
    return g;
  };
  metrics.forEach((m, i) => {
    const g = group(m);
    if (CHANGE.has(m.metric)) {
      // the level figure of the same indicator earlier in the same sentence: 投资186.4亿元，下降3.5%
      for (let j = i - 1; j >= 0 && metrics[j]!.sentenceSpan[0] === m.sentenceSpan[0]; j--) {
        const level = figureAt.get(metrics[j]!);
        if (level && groupOf(metrics[j]!).id === g.indicator) {
          level.growth.push({ metric: m.metric, value: m.value, unit: m.unit, text: m.text, base: m.base ?? null });
          return;
        }
      }
    }
    const same = g.figures.find((f) => f.value === m.value && f.unit === m.unit && f.period === m.period);
    if (same) {
      same.mentions++;
      figureAt.set(m, same);
      return;
    }
    const figure: CardFigure = { value: m.value, unit: m.unit, text: m.text, qualifier: m.qualifier, period: m.period, when: m.when ?? null, mentions: 1, growth: [] };
    g.figures.push(figure);
    figureAt.set(m, figure);
  });
  const biggest = (g: CardGroup) => Math.max(...g.figures.map((f) => Math.abs(f.value)));
  for (const g of groups.values()) g.figures.sort((a, b) => b.mentions - a.mentions || Math.abs(b.value) - Math.abs(a.value));
  // the most-stated first, then the biggest; levels (amounts, counts) before bare changes
  const levels = (g: CardGroup) => (g.figures.some((f) => !f.unit.match(/^(%|pp|x)$/)) ? 1 : 0);
  return [...groups.values()].sort((a, b) => b.mentions - a.mentions || levels(b) - levels(a) || biggest(b) - biggest(a));
}

/** A plain-text article's first line, when it reads as a headline: short, not a sentence. */
function titleLine(text: string | undefined): string | null {
  const first = text?.trimStart().split(/\r?\n/, 1)[0]?.trim();
  return first && first.length <= 40 && !/[。；;]$/.test(first) ? first : null;
}

/** The outlet of a plain-text byline near the top: 来源：江澄日报　2024-10-22 → 江澄日报. */
function outletLine(text: string | undefined): string | null {
  const m = text && /(?:来源|來源|稿源)\s*[:：]\s*([^\s|｜　,，]{2,30})/.exec(text.slice(0, 400));
  return m ? m[1]! : null;
}

/** The card of one article (an extract result). Keywords load nodejieba (~1.3 s) on first use. */
export function summarizeArticle(result: ArticleResult, options: CardOptions = {}): ArticleCard {
  const want = options.keywords ?? 8;
  // without the text (extract without --include-text) the sentences of its figures stand in
  const text = result.text ?? [...new Set(result.metrics.map((m) => m.sentence))].join('\n');
  const card: ArticleCard = {
    file: result.file,
    title: result.meta?.title ?? titleLine(result.text),
    outlet: result.meta?.source ?? outletLine(result.text),
    published: result.published ?? dateOf(result.meta?.published),
    zones: (result.zones ?? []).map((z) => ({ name: z.name, metrics: z.metrics })),
    metrics: result.metrics.length,
    groups: buildGroups(result.metrics),
    checks: summarizeChecks(result.checks),
    keywords: want > 0 && text ? topKeywords(text, want) : [],
  };
  if (result.id !== undefined) return { id: result.id, ...card };
  return card;
}
