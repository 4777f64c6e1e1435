/**
 * The corpus index: the summary table (zone × indicator × period), conflicts first, sortable by any
 * column, each value a link to the sentence it came from; then the charts.
 */
import { isPlaced, periodOf } from './rows.js';
import type { SummarySource, SummaryRow } from '../../types.js';
import { barChart, lineChart, overTime, sideBySide } from './charts.js';
import { esc } from './escape.js';
import { fmtNumber } from './format.js';

export interface CorpusOptions {
  /** Where a source's sentence is: `#a0-m3` or `page.html#a0-m3`; null when it cannot be found. */
  linkOf: (s: SummarySource) => string | null;
  /** The articles, each with a link to its section or page and its count of inconsistent checks. */
  articles: { title: string; href: string; figures: number; inconsistent: number }[];
}

const COLUMNS = ['status', 'zone', 'indicator', 'period', 'unit', 'values', 'mentions', 'articles'] as const;

function cell(value: string, sort: string | number, html = esc(value)): string {
  return `<td data-sort="${esc(sort)}">${html}</td>`;
}

function row(r: SummaryRow, o: CorpusOptions): string {
  const links = r.sources
    .map((s) => {
      const href = o.linkOf(s);
      const label = `${esc(s.text)}<span class="src"> · ${esc(s.file.replace(/^.*[\\/]/, ''))}</span>`;
      return href ? `<a href="${esc(href)}" title="${esc(s.sentence)}">${label}</a>` : `<span>${label}</span>`;
    })
    .join('<br>');
  const place = r.key.zone ?? '—';
  const period = periodOf(r);
  return (
    `<tr class="${r.conflict ? 'conflict' : ''}">` +
    cell('', r.conflict ? 0 : 1, r.conflict ? '<span class="badge st-inconsistent"><span aria-hidden="true">✗</span> conflict</span>' : '') +
    cell(place, place) +
    cell(r.key.indicator ?? '—', r.key.indicator ?? '') +
    cell(period ?? '—', period ?? '') +
    cell(r.unit, r.unit) +
    cell('', r.max, `${esc(r.values.map(fmtNumber).join(' / '))}<br>${links}`) +
    cell(String(r.mentions), r.mentions) +
    cell(String(r.articles), r.articles) +
    '</tr>'
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderCorpus(rows: SummaryRow[], o: CorpusOptions): string {
  // conflicts first, then the rows a panel can use (a zone and an indicator), then the rest
  const sorted = [...rows].sort(
    (a, b) => Number(b.conflict) - Number(a.conflict) || Number(isPlaced(b)) - Number(isPlaced(a)) || b.articles - a.articles || JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)),
  );
  const conflicts = rows.filter((r) => r.conflict).length;
  const head = COLUMNS.map((c, i) => `<th scope="col" aria-sort="none"><button type="button" data-col="${i}">${c}</button></th>`).join('');
  const charts = [...overTime(rows).map(lineChart), ...sideBySide(rows).map(barChart)];
  return (
    '<section class="corpus" id="corpus" aria-labelledby="corpus-h">' +
    `<h2 id="corpus-h">Corpus: ${plural(o.articles.length, 'article')}, ${plural(rows.length, 'row')}, ${plural(conflicts, 'conflict')}</h2>` +
    `<ul class="articles">${o.articles
      .map((a) => `<li><a href="${esc(a.href)}">${esc(a.title)}</a> · ${a.figures} figures${a.inconsistent ? ` · <span class="count st-inconsistent"><span aria-hidden="true">✗</span> ${a.inconsistent} inconsistent</span>` : ''}</li>`)
      .join('')}</ul>` +
    (charts.length ? `<div class="charts">${charts.join('')}</div>` : '') +
    `<table class="summary"><caption>Figures by zone × indicator × period (conflicts first, then figures with a zone and an indicator; — where the article places a figure in no zone). Sort by a column with its button.</caption><thead><tr>${head}</tr></thead><tbody>${sorted.map((r) => row(r, o)).join('')}</tbody></table>` +
    '</section>'
  );
}
