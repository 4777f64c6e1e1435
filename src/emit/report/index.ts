/**
 * `zonefacts report`: records → one self-contained HTML page (or one page per article and an index).
 * No network: styles and script are inline, charts are inline SVG, and a Content-Security-Policy
 * forbids the page to load anything.
 */
import { isErrorRecord, type ArticleResult, type Kind, type OutputRecord, type SummaryRow, type SummarySource } from '../../types.js';
import { articleTitle, figureId, renderArticle } from './article.js';
import { renderCorpus } from './corpus.js';
import { esc, slug } from './escape.js';
import { KIND_STYLE } from './kinds.js';
import { rowsForReport } from './rows.js';
import { SCRIPT } from './script.js';
import { STYLES } from './styles.js';

export { rowsForReport } from './rows.js';

export interface ReportOptions {
  title?: string;
  /** Corpus rows; by default grouped from the records with `rowsForReport`. */
  rows?: SummaryRow[];
}

export interface ReportPage {
  /** File name within the output directory. */
  name: string;
  html: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

function page(title: string, body: string): string {
  const legend = (Object.keys(KIND_STYLE) as Kind[])
    .map((k) => `<li><span class="fig k-${k}">${esc(KIND_STYLE[k].label)}</span></li>`)
    .join('');
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${esc(title)}</title><style>${STYLES}</style></head><body>` +
    `<header class="top"><h1>${esc(title)}</h1>` +
    '<p class="help"><kbd>j</kbd> / <kbd>k</kbd> next / previous finding · <kbd>Tab</kbd> every figure and link in turn · hover or focus a figure for its parse</p>' +
    `<ul class="legend" aria-label="figure kinds">${legend}<li><span class="fig flag">in an inconsistent check</span></li></ul></header>` +
    `<main>${body}</main><script>${SCRIPT}</script></body></html>\n`
  );
}

function failed(records: readonly OutputRecord[]): string {
  const errors = records.filter(isErrorRecord);
  return errors.length
    ? `<section class="failed"><h2>Inputs that could not be read</h2><ul>${errors.map((e) => `<li>${esc(e.file)}: ${esc(e.error.message)} [${esc(e.error.code)}]</li>`).join('')}</ul></section>`
    : '';
}

/** Where each source's figure is: article index and metric index, by file and span. */
function locator(articles: readonly ArticleResult[], pageOf: (i: number) => string): (s: SummarySource) => string | null {
  const byFile = new Map<string, number[]>();
  articles.forEach((a, i) => byFile.set(a.file, [...(byFile.get(a.file) ?? []), i]));
  return (s) => {
    for (const i of byFile.get(s.file) ?? []) {
      const m = articles[i]!.metrics.findIndex((x) => x.span[0] === s.span[0] && x.span[1] === s.span[1]);
      if (m >= 0 && (s.id === undefined || articles[i]!.id === s.id)) return `${pageOf(i)}#${figureId(anchorOf(i), m)}`;
    }
    return null;
  };
}

const anchorOf = (i: number) => `a${i}`;
const titleOf = articleTitle;

function corpus(articles: ArticleResult[], options: ReportOptions, pageOf: (i: number) => string): string {
  return renderCorpus(options.rows ?? rowsForReport(articles), {
    linkOf: locator(articles, pageOf),
    articles: articles.map((a, i) => ({
      title: titleOf(a),
      href: `${pageOf(i)}#${anchorOf(i)}`,
      figures: a.metrics.length,
      inconsistent: a.checks.filter((c) => c.status === 'inconsistent').length,
    })),
  });
}

/** One self-contained page: the corpus index (for more than one article), then every article. */
export function renderReport(records: readonly OutputRecord[], options: ReportOptions = {}): string {
  const articles = records.filter((r): r is ArticleResult => !isErrorRecord(r));
  const title = options.title ?? (articles.length === 1 ? `zonefacts report: ${titleOf(articles[0]!)}` : `zonefacts report: ${articles.length} articles`);
  const body =
    failed(records) +
    (articles.length > 1 ? corpus(articles, options, () => '') : '') +
    articles.map((a, i) => renderArticle(a, { anchor: anchorOf(i) })).join('');
  return page(title, body);
}

/** One page per article and an `index.html` with the corpus view linking into them. */
export function renderReportPages(records: readonly OutputRecord[], options: ReportOptions = {}): ReportPage[] {
  const articles = records.filter((r): r is ArticleResult => !isErrorRecord(r));
  const names = articles.map((a, i) => `${String(i + 1).padStart(3, '0')}-${slug(a.file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''))}.html`);
  const back = '<p><a href="index.html">← corpus index</a></p>';
  return [
    { name: 'index.html', html: page(options.title ?? `zonefacts report: ${articles.length} articles`, failed(records) + corpus(articles, options, (i) => names[i]!)) },
    ...articles.map((a, i) => ({ name: names[i]!, html: page(`zonefacts report: ${titleOf(a)}`, back + renderArticle(a, { anchor: anchorOf(i) })) })),
  ];
}
