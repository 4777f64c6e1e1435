/**
 * Small charts as inline SVG, drawn here: a line for one zone's indicator over the years, bars for
 * the zones side by side in one period. Static markup, no script, no fonts beyond the page's own.
 */
import { isPlaced, periodOf } from './rows.js';
import type { SummaryRow } from '../../types.js';
import { esc } from './escape.js';
import { fmtNumber } from './format.js';

export interface Point {
  label: string;
  value: number;
}

export interface Chart {
  title: string;
  unit: string;
  points: Point[];
}

const W = 300;
const H = 180;
const PAD = { left: 52, right: 12, top: 28, bottom: 34 };

function frame(title: string, unit: string, max: number, body: string): string {
  const plotH = H - PAD.top - PAD.bottom;
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((t) => {
    const y = PAD.top + plotH * (1 - t);
    return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" class="grid"/><text x="${PAD.left - 4}" y="${y + 4}" text-anchor="end">${esc(fmtNumber(max * t))}</text>`;
  });
  return (
    `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`${title} (${unit})`)}">` +
    `<text x="${PAD.left}" y="16" class="chart-title">${esc(title)} (${esc(unit)})</text>${ticks.join('')}${body}</svg></figure>`
  );
}

/** The axis top: the next 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k above the largest value, so the ticks read 0, 10亿, 20亿… */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * p >= v) ?? 10) * p;
}

function scale(points: Point[]): { max: number; y: (v: number) => number; x: (i: number, n: number) => number } {
  const max = niceCeil(Math.max(...points.map((p) => p.value), 0) * 1.05);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  return { max, y: (v) => PAD.top + plotH * (1 - Math.max(0, v) / max), x: (i, n) => PAD.left + (plotW * (i + 0.5)) / n };
}

export function lineChart(c: Chart): string {
  const { max, x, y } = scale(c.points);
  const n = c.points.length;
  const path = c.points.map((p, i) => `${i ? 'L' : 'M'}${x(i, n).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const dots = c.points
    .map((p, i) => `<circle cx="${x(i, n).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="4"><title>${esc(`${p.label}: ${fmtNumber(p.value)}`)}</title></circle>` +
      `<text x="${x(i, n).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${esc(p.label)}</text>` +
      `<text x="${x(i, n).toFixed(1)}" y="${(y(p.value) - 8).toFixed(1)}" text-anchor="middle" class="val">${esc(fmtNumber(p.value))}</text>`)
    .join('');
  return frame(c.title, c.unit, max, `<path d="${path}" class="line"/>${dots}`);
}

export function barChart(c: Chart): string {
  const { max, x, y } = scale(c.points);
  const n = c.points.length;
  const bw = Math.min(48, ((W - PAD.left - PAD.right) / n) * 0.6);
  const bars = c.points
    .map((p, i) => {
      const top = y(p.value);
      return `<rect x="${(x(i, n) - bw / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${bw.toFixed(1)}" height="${(H - PAD.bottom - top).toFixed(1)}" class="bar"><title>${esc(`${p.label}: ${fmtNumber(p.value)}`)}</title></rect>` +
        `<text x="${x(i, n).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${esc(p.label.length > 10 ? `${p.label.slice(0, 9)}…` : p.label)}</text>` +
        `<text x="${x(i, n).toFixed(1)}" y="${(top - 6).toFixed(1)}" text-anchor="middle" class="val">${esc(fmtNumber(p.value))}</text>`;
    })
    .join('');
  return frame(c.title, c.unit, max, bars);
}

/** The year a row's period names: `2023-01..2023-12` or 2023年 → 2023. */
/** A whole year (`2023`), the only period a line over time can put on its axis. */
function yearOf(row: SummaryRow): string | null {
  const p = periodOf(row);
  return p && /^\d{4}$/.test(p) ? p : null;
}

const place = (row: SummaryRow) => row.key.zone ?? '—';

function group(rows: SummaryRow[], keyOf: (r: SummaryRow) => string | null, pointOf: (r: SummaryRow) => Point, title: (r: SummaryRow) => string): Chart[] {
  const groups = new Map<string, Chart>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === null) continue;
    const chart = groups.get(k) ?? { title: title(r), unit: r.unit === 'CNY' ? '元' : r.unit, points: [] };
    const p = pointOf(r);
    if (!chart.points.some((q) => q.label === p.label)) chart.points.push(p);
    groups.set(k, chart);
  }
  return [...groups.values()].filter((c) => c.points.length >= 2).sort((a, b) => b.points.length - a.points.length);
}

/** For each zone and indicator stated in two years or more: its values over time. */
export function overTime(rows: SummaryRow[], limit = 6): Chart[] {
  return group(
    rows,
    (r) => (isPlaced(r) && r.measure !== 'change' && yearOf(r) ? JSON.stringify([place(r), r.key.indicator, r.unit]) : null),
    (r) => ({ label: yearOf(r)!, value: r.values[r.values.length - 1]! }),
    (r) => `${place(r)} · ${r.key.indicator ?? ''}`,
  )
    .map((c) => ({ ...c, points: c.points.sort((a, b) => a.label.localeCompare(b.label)) }))
    .slice(0, limit);
}

/** For each indicator and period stated for two zones or more: the zones side by side. */
export function sideBySide(rows: SummaryRow[], limit = 6): Chart[] {
  return group(
    rows,
    (r) => (isPlaced(r) && r.measure !== 'change' && periodOf(r) ? JSON.stringify([r.key.indicator, periodOf(r), r.unit]) : null),
    (r) => ({ label: place(r), value: r.values[r.values.length - 1]! }),
    (r) => `${r.key.indicator ?? ''} · ${periodOf(r) ?? ''}`,
  ).slice(0, limit);
}
