/**
 * One article: its text with every figure marked by kind, and beside each paragraph the checks
 * that concern it, inconsistent first. Everything from the article goes through `esc`.
 */
import type { ArticleResult, Check, Metric, Span } from '../../types.js';
import { esc } from './escape.js';
import { fmtNumber } from './format.js';
import { KIND_STYLE, STATUS_STYLE } from './kinds.js';

/** Fields the checks gain in a later version (claim, tolerance, spans), rendered when present. */
type CheckView = Check & { claim?: string; tolerance?: number | null; spans?: Span[] };

export interface ArticleIds {
  /** The id of the article's section: every figure and finding id starts with it. */
  anchor: string;
}

export const figureId = (anchor: string, metric: number) => `${anchor}-m${metric}`;
const findingId = (anchor: string, check: number) => `${anchor}-c${check}`;

/** The article's paragraphs as half-open spans of its text (blank lines dropped). */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim()) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Figures in text order; one that overlaps the figure before it is left unmarked (and listed). */
function marked(metrics: readonly Metric[]): number[] {
  const order = metrics.map((_, i) => i).sort((a, b) => metrics[a]!.span[0] - metrics[b]!.span[0]);
  const out: number[] = [];
  let end = -1;
  for (const i of order) {
    if (metrics[i]!.span[0] < end) continue;
    out.push(i);
    end = metrics[i]!.span[1];
  }
  return out;
}

function tipRow(name: string, value: string | null | undefined): string {
  return value ? `<span class="tip-row"><span class="tip-k">${esc(name)}</span> ${esc(value)}</span>` : '';
}

function tooltip(m: Metric, id: string, flagged: boolean): string {
  const style = KIND_STYLE[m.kind];
  const when = m.when ? `${m.when.from} – ${m.when.to}` : null;
  return (
    `<span class="tip" role="tooltip" id="${id}-tip">` +
    `<span class="tip-row tip-head">${esc(style.letter)} ${esc(style.label)} · ${esc(m.metric)}</span>` +
    (flagged ? '<span class="tip-row tip-flag">⚠ part of an inconsistent check</span>' : '') +
    tipRow('value', `${fmtNumber(m.value)} (${m.value})`) +
    tipRow('unit', m.unit) +
    tipRow('indicator', m.indicatorName ?? m.indicator) +
    tipRow('zone', m.zone ?? '—') +
    tipRow('period', [m.period, when].filter(Boolean).join(' · ') || '—') +
    tipRow('base', m.base) +
    tipRow('qualifier', m.qualifier ?? '—') +
    tipRow('range', m.range) +
    tipRow('label', m.label ?? '—') +
    tipRow('rule', m.rule) +
    '</span>'
  );
}

function figure(m: Metric, id: string, flagged: boolean): string {
  return (
    `<mark class="fig k-${m.kind}${flagged ? ' flag' : ''}" id="${id}" tabindex="0" data-kind="${m.kind}"` +
    ` aria-describedby="${id}-tip">${esc(m.text)}${tooltip(m, id, flagged)}</mark>`
  );
}

function card(c: CheckView, index: number, r: ArticleResult, anchor: string): string {
  const st = STATUS_STYLE[c.status];
  const figs = c.metrics
    .filter((i) => r.metrics[i])
    .map((i) => `<a href="#${figureId(anchor, i)}">${esc(r.metrics[i]!.text)}</a>`)
    .join(' ');
  const tolerance = typeof c.tolerance === 'number' ? `<dt>tolerance</dt><dd>±${esc(fmtNumber(c.tolerance))}</dd>` : '';
  return (
    `<article class="finding st-${c.status}" id="${findingId(anchor, index)}" tabindex="0" data-status="${c.status}"` +
    ` aria-label="${esc(`${st.label}: ${c.id}`)}">` +
    `<h4><span class="icon" aria-hidden="true">${st.icon}</span> ${st.label} <span class="check-id">${esc(c.id)}</span></h4>` +
    (c.claim ? `<p class="claim">${esc(c.claim)}</p>` : '') +
    `<p class="arith">${esc(c.message)}</p>` +
    `<dl class="nums"><dt>expected</dt><dd>${esc(fmtNumber(c.expected))}</dd><dt>stated</dt><dd>${esc(fmtNumber(c.actual))}</dd>${tolerance}</dl>` +
    (figs ? `<p class="figs">figures: ${figs}</p>` : '') +
    '</article>'
  );
}

/** Cards for one paragraph: what disagrees or cannot be verified open, what agrees folded. */
function notes(checks: { c: CheckView; i: number }[], r: ArticleResult, anchor: string): string {
  const open = checks.filter((x) => x.c.status !== 'consistent').sort((a, b) => STATUS_STYLE[a.c.status].rank - STATUS_STYLE[b.c.status].rank);
  const agree = checks.filter((x) => x.c.status === 'consistent');
  return (
    open.map((x) => card(x.c, x.i, r, anchor)).join('') +
    (agree.length
      ? `<details class="agree"><summary><span aria-hidden="true">✓</span> ${agree.length} consistent</summary>${agree.map((x) => card(x.c, x.i, r, anchor)).join('')}</details>`
      : '')
  );
}

function overview(r: ArticleResult, anchor: string): string {
  const count = (s: Check['status']) => r.checks.filter((c) => c.status === s).length;
  const listed = r.checks
    .map((c, i) => ({ c, i }))
    .filter((x) => x.c.status !== 'consistent')
    .sort((a, b) => STATUS_STYLE[a.c.status].rank - STATUS_STYLE[b.c.status].rank);
  return (
    `<div class="overview"><p class="counts">${r.metrics.length} figures · ` +
    (['inconsistent', 'unverifiable', 'consistent'] as const)
      .map((s) => `<span class="count${count(s) ? ` st-${s}` : ''}"><span aria-hidden="true">${STATUS_STYLE[s].icon}</span> ${count(s)} ${s}</span>`)
      .join(' · ') +
    '</p>' +
    (listed.length
      ? `<ol class="finding-list">${listed
          .map((x) => `<li class="st-${x.c.status}"><a href="#${findingId(anchor, x.i)}"><span aria-hidden="true">${STATUS_STYLE[x.c.status].icon}</span> ${STATUS_STYLE[x.c.status].label}: ${esc(x.c.message)}</a></li>`)
          .join('')}</ol>`
      : '') +
    '</div>'
  );
}

/** The page's title, else the article's first line (its headline, in a plain-text article), else the file name. */
export function articleTitle(r: ArticleResult): string {
  const first = r.text ? paragraphs(r.text)[0] : undefined;
  const line = first ? r.text!.slice(first[0], first[1]).trim() : '';
  return r.meta?.title ?? (line && line.length <= 60 ? line : r.file || '(untitled)');
}

/**
 * A record without its text (extracted without --include-text) still holds each figure's sentence:
 * those sentences, one per line, with the spans moved into them.
 */
export function fromSentences(r: ArticleResult): ArticleResult {
  const starts = new Map<number, number>();
  let text = '';
  for (const m of [...r.metrics].sort((a, b) => a.sentenceSpan[0] - b.sentenceSpan[0])) {
    if (starts.has(m.sentenceSpan[0])) continue;
    starts.set(m.sentenceSpan[0], text.length);
    text += `${m.sentence}\n`;
  }
  const shift = (m: Metric): Span => {
    const d = starts.get(m.sentenceSpan[0])! - m.sentenceSpan[0];
    return [m.span[0] + d, m.span[1] + d];
  };
  return { ...r, text, metrics: r.metrics.map((m) => ({ ...m, span: shift(m) })) };
}

export function renderArticle(record: ArticleResult, ids: ArticleIds): string {
  const { anchor } = ids;
  const r = record.text === undefined ? fromSentences(record) : record;
  const text = r.text ?? '';
  const paras = paragraphs(text);
  const flagged = new Set(r.checks.filter((c) => c.status === 'inconsistent').flatMap((c) => c.metrics));
  const figs = marked(r.metrics);
  const unmarked = r.metrics.length - figs.length;
  const paraOf = (offset: number) => Math.max(0, paras.findIndex(([, e]) => offset < e));
  const byPara = new Map<number, { c: CheckView; i: number }[]>();
  r.checks.forEach((c, i) => {
    const first = c.metrics.map((m) => r.metrics[m]?.span[0] ?? 0).sort((a, b) => a - b)[0] ?? 0;
    const p = paraOf(first);
    byPara.set(p, [...(byPara.get(p) ?? []), { c, i }]);
  });
  let f = 0;
  const rows = paras.map(([start, end], p) => {
    let html = '';
    let at = start;
    for (; f < figs.length && r.metrics[figs[f]!]!.span[0] < end; f++) {
      const m = r.metrics[figs[f]!]!;
      html += esc(text.slice(at, m.span[0])) + figure(m, figureId(anchor, figs[f]!), flagged.has(figs[f]!));
      at = m.span[1];
    }
    html += esc(text.slice(at, end));
    const side = notes(byPara.get(p) ?? [], r, anchor);
    return `<div class="row"><p class="text" lang="zh">${html}</p><aside class="notes" aria-label="checks on this paragraph">${side}</aside></div>`;
  });
  const title = articleTitle(r);
  return (
    `<section class="article" id="${anchor}" aria-labelledby="${anchor}-h">` +
    `<h2 id="${anchor}-h">${esc(title)}</h2>` +
    `<p class="meta">${esc(r.file)}${r.published ? ` · ${esc(r.published)}` : ''}${r.zones.length ? ` · ${esc(r.zones.map((z) => z.name).join('、'))}` : ''}</p>` +
    overview(r, anchor) +
    (record.text !== undefined ? '' : '<p class="warn">The record holds no text (extract it with --include-text): only the sentences with figures are shown.</p>') +
    (unmarked ? `<p class="warn">${unmarked} figure(s) overlap another and are not marked in the text.</p>` : '') +
    rows.join('') +
    '</section>'
  );
}
