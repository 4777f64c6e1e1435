/**
 * How precisely a figure is written, as the half-width of the rounding it allows: 412.6亿元 stands
 * for anything from 412.55亿 to 412.65亿, so two articles writing 412.6亿元 and 412.63亿元 agree,
 * while 412.6亿元 and 415亿元 do not.
 */
import type { Metric } from '../types.js';

/** The last run of ASCII digits (with , and .) in the written figure: 1,860 in 1,860億元. */
const WRITTEN_NUMBER = /[0-9][0-9,]*(?:\.[0-9]+)?(?![0-9,.]*[0-9])/;

/**
 * Half the unit of the last written digit, in the metric's own unit (yuan, %, m²…). Figures in
 * Chinese numerals (三成, 九成七) and anything unparsed count as exact but for float noise.
 */
export function halfWidth(m: Pick<Metric, 'value' | 'raw'>): number {
  const found = WRITTEN_NUMBER.exec(m.raw.normalize('NFKC'));
  if (!found) return 0;
  const written = Number(found[0].replace(/,/g, ''));
  if (!Number.isFinite(written) || written === 0) return 0;
  const decimals = found[0].includes('.') ? found[0].split('.')[1]!.length : 0;
  const scale = Math.abs(m.value / written);
  return 0.5 * 10 ** -decimals * scale;
}

/**
 * Do two written figures disagree beyond the rounding both allow? Rounding intervals that only
 * touch disagree: 7.8% (7.75–7.85) and 7.9% (7.85–7.95) name different figures.
 */
export function disagree(a: { value: number; half: number }, b: { value: number; half: number }): boolean {
  const gap = Math.abs(a.value - b.value);
  const noise = 1e-9 * Math.max(Math.abs(a.value), Math.abs(b.value));
  return gap > noise && gap >= a.half + b.half - noise;
}
