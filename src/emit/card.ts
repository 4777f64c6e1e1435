/**
 * The article card as a terminal block (chalk, CJK-aligned, fitted to the terminal width), as
 * Markdown for notes, and as JSON.
 */
import type { ChalkInstance } from 'chalk';
import type { ArticleCard, CardChecks, CardFigure } from '../summarize/card.js';
import { clip, formatChange, mdCell, pad, QUALIFIER_MARK, type StringWidth } from './figure.js';

export interface CardLayout {
  /** Terminal columns to fit (default 80). */
  width?: number;
  /** Indicator groups shown (default 10) and figures per group (default 3); the rest are counted. */
  groups?: number;
  figures?: number;
}

/** `5 checks: 4 agree, 1 inconsistent, 0 unverifiable`, naming only the verdicts that occur. */
export function checksLine(c: CardChecks): string {
  if (c.total === 0) return 'no checks';
  const parts = [
    c.consistent ? `${c.consistent} agree` : '',
    c.inconsistent ? `${c.inconsistent} inconsistent` : '',
    c.unverifiable ? `${c.unverifiable} unverifiable` : '',
  ].filter(Boolean);
  return `${c.total} check${c.total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** `186.4亿元 (2024年, −3.5%)`. */
export function figureLine(f: CardFigure): string {
  const notes = [f.period ?? '', ...f.growth.map((g) => formatChange(g.metric, g.value, g.unit))].filter(Boolean);
  const mark = f.qualifier ? QUALIFIER_MARK[f.qualifier] : '';
  const times = f.mentions > 1 ? ` [×${f.mentions}]` : '';
  return `${mark}${f.text}${notes.length ? ` (${notes.join(', ')})` : ''}${times}`;
}

/** 日照高新区 (31), 青林高新区 (4): each zone with its figures. */
function zoneList(card: ArticleCard): string {
  return card.zones.map((z) => `${z.name} (${z.metrics})`).join(', ');
}

function byline(card: ArticleCard): string {
  return [card.outlet, card.published, card.id ?? card.file].filter(Boolean).join(' · ');
}

export function cardText(card: ArticleCard, chalk: ChalkInstance, width: StringWidth, layout: CardLayout = {}): string {
  const cols = Math.max(40, layout.width ?? 80);
  const fit = (s: string) => clip(s, cols, width);
  const lines: string[] = [];
  lines.push(chalk.bold(fit(card.title ?? card.id ?? card.file)));
  lines.push(chalk.dim(fit(byline(card))));
  if (card.zones.length) lines.push(fit(`${chalk.dim('zones')}  ${zoneList(card)}`));
  const shown = card.groups.slice(0, layout.groups ?? 10);
  const nameCols = Math.min(18, Math.max(0, ...shown.map((g) => width(g.name))));
  lines.push(chalk.dim(`figures (${card.metrics})`));
  for (const g of shown) {
    const figures = g.figures.slice(0, layout.figures ?? 3);
    const more = g.figures.length - figures.length;
    const text = figures.map(figureLine).join('; ') + (more > 0 ? `; +${more}` : '');
    const name = pad(clip(g.name, nameCols, width), nameCols, width);
    lines.push(`  ${name}  ${clip(text, cols - nameCols - 4, width)}`);
  }
  const hidden = card.groups.length - shown.length;
  if (hidden > 0) lines.push(chalk.dim(`  +${hidden} more indicator${hidden === 1 ? '' : 's'}`));
  lines.push(`${chalk.dim('checks')}  ${checksLine(card.checks)}`);
  for (const f of card.checks.findings) lines.push(fit(`  ${chalk.red('✗')} ${f}`));
  if (card.keywords.length) lines.push(fit(`${chalk.dim('keywords')}  ${card.keywords.join(' · ')}`));
  return `${lines.join('\n')}\n`;
}

export function cardMarkdown(card: ArticleCard): string {
  const out: string[] = [`### ${card.title ?? card.id ?? card.file}`, '', `*${byline(card)}*`, ''];
  if (card.zones.length) out.push(`**Zones:** ${zoneList(card)}`, '');
  if (card.groups.length) {
    out.push('| indicator | figures |', '| --- | --- |');
    for (const g of card.groups) out.push(`| ${mdCell(g.name)} | ${mdCell(g.figures.map(figureLine).join('; '))} |`);
    out.push('');
  }
  out.push(`**Checks:** ${checksLine(card.checks)}`);
  for (const f of card.checks.findings) out.push(`- ✗ ${f}`);
  out.push('');
  if (card.keywords.length) out.push(`**Keywords:** ${card.keywords.join(' · ')}`, '');
  return `${out.join('\n')}`;
}

export function cardJson(card: ArticleCard): string {
  return `${JSON.stringify(card, null, 2)}\n`;
}
