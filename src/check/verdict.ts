/**
 * How every check reaches its verdict: the rounding a written figure carries (half a unit in its
 * last written digit), that rounding propagated through the relation, and one Check built from it.
 */
import type { Check, CheckId, Metric, Severity, Span } from '../types.js';

const WRITTEN = /\d[\d,，]*(?:[.．·]\d+)?/;

/** The number as written in `raw` and its decimals, or null for Chinese numerals (三十个). */
function written(raw: string): { n: number; decimals: number } | null {
  const m = WRITTEN.exec(raw);
  if (!m) return null;
  const s = m[0].replace(/[,，]/g, '').replace(/[．·]/, '.');
  return { n: Number(s), decimals: (s.split('.')[1] ?? '').length };
}

/** Half a unit in the last written digit, in the units of `value`: 86亿元 → 0.5亿元, 9.4% → 0.05. */
export function halfUnit(m: Pick<Metric, 'raw' | 'value' | 'kind'>): number {
  // asked of every pair a relation tries: worked out once per figure
  let half = HALF_UNITS.get(m);
  if (half === undefined) HALF_UNITS.set(m, (half = computeHalfUnit(m)));
  return half;
}

const HALF_UNITS = new WeakMap<object, number>();

function computeHalfUnit(m: Pick<Metric, 'raw' | 'value' | 'kind'>): number {
  const w = written(m.raw);
  // a count written in whole units is exact: 40个 is forty, not 39.5 to 40.5
  if (m.kind === 'count' && (!w || (w.decimals === 0 && w.n === m.value))) return 0;
  if (w && w.n !== 0) return 0.5 * 10 ** -w.decimals * Math.abs(m.value / w.n);
  if (w) return 0.5 * 10 ** -w.decimals;
  // a Chinese numeral: its last non-zero digit is the last one written (八十六亿 → 1亿)
  let p = 1;
  const v = Math.abs(m.value);
  while (v > 0 && p < 1e15 && Number.isInteger(Math.round(v * 1e6) / 1e6 / (p * 10))) p *= 10;
  return 0.5 * p;
}

/** `value` in the way `like` is written: 8.6e9 like 86亿元 → 86亿元. */
export function shown(value: number, like: Pick<Metric, 'raw' | 'value' | 'unit'>): string {
  const w = written(like.raw);
  const round = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) < 10 ? 2 : 1).replace(/\.?0+$/, ''));
  if (!w || w.n === 0 || like.value === 0) return `${round(value)}${like.unit === '%' ? '%' : ''}`;
  const scale = Math.abs(like.value / w.n);
  const digits = WRITTEN.exec(like.raw)![0];
  // 320余人 → 人: the qualifier belongs to the stated figure, not to another value
  const suffix = like.raw.slice(like.raw.indexOf(digits) + digits.length).replace(/^(?:余|多|来)/, '');
  return `${round(value / scale)}${suffix}`;
}

/**
 * The spread of f over the rounding of its inputs, by linear propagation (each input moved by its
 * half unit, the effects added): the worst case a correct article can reach by rounding alone.
 */
export function propagate(f: (xs: number[]) => number, xs: number[], halves: number[]): number {
  const at = f(xs);
  let spread = 0;
  xs.forEach((_, i) => {
    const up = [...xs];
    up[i] = xs[i]! + halves[i]!;
    const down = [...xs];
    down[i] = xs[i]! - halves[i]!;
    spread += Math.max(Math.abs(f(up) - at), Math.abs(f(down) - at));
  });
  return spread;
}

export interface Relation {
  id: CheckId;
  metrics: readonly Metric[];
  /** Indices of every figure involved; the stated one is `stated`. */
  involved: number[];
  /** The relation in words: 工业项目25个 + 服务业项目15个 = 签约项目40个. */
  claim: string;
  /** The figure the article states for the relation's result. */
  stated: number;
  /** The inputs of f, by index into metrics, and f itself. */
  inputs: number[];
  f: (xs: number[]) => number;
  /** `equal`: stated = f; `atMost`: f ≤ stated (parts of a non-exhaustive breakdown). */
  mode?: 'equal' | 'atMost';
  /** The severity of a mismatch. */
  failSeverity?: Severity;
  /** A value of the stated figure that reads as a known slip (B/A for 增长N倍), with what it means. */
  slip?: { value: number; message: string };
  /** How the stated figure is shown (its metric when it is one). */
  like?: Pick<Metric, 'raw' | 'value' | 'unit'>;
  /** The stated number's own rounding, when it is not one of the metrics (a count of list items: 0). */
  statedHalf?: number;
}

const APPROX_WHY = 'a figure involved is approximate (约, 超, 以上…), so the relation cannot be tested';

/** The verdict on one relation: consistent (info), inconsistent (its severity), or unverifiable. */
export function judge(r: Relation): Check {
  const ms = r.metrics;
  const xs = r.inputs.map((i) => ms[i]!.value);
  const expected = r.f(xs);
  const statedIndex = r.involved.find((i) => !r.inputs.includes(i));
  const like = r.like ?? (statedIndex !== undefined ? ms[statedIndex]! : ms[r.inputs[0]!]!);
  const statedHalf = r.statedHalf ?? (statedIndex !== undefined ? halfUnit(ms[statedIndex]!) : 0);
  const spread = propagate(r.f, xs, r.inputs.map((i) => halfUnit(ms[i]!)));
  const tolerance = spread + statedHalf + 1e-9 * Math.max(1, Math.abs(expected));
  const why = tolerance < 1e-6 && spread === 0 && statedHalf === 0
    ? 'whole counts are exact: no rounding to allow for'
    : `half a unit in the last written digit of each figure: ±${shown(statedHalf, like)} on the stated figure, ` +
    `±${shown(spread, like)} on the computed one through the formula`;
  const diff = r.stated - expected;
  const holds = r.mode === 'atMost' ? diff >= -tolerance : Math.abs(diff) <= tolerance;
  const approx = r.involved.some((i) => ms[i]!.qualifier !== null || ms[i]!.range !== null);
  const base = {
    id: r.id,
    metrics: r.involved,
    claim: r.claim,
    expected,
    actual: r.stated,
    tolerance,
    toleranceWhy: why,
    spans: r.involved.map((i) => ms[i]!.span) as Span[],
  };
  const expectText = `${r.mode === 'atMost' ? 'at most ' : ''}${shown(r.mode === 'atMost' ? r.stated : expected, like)}`;
  if (holds) {
    return { ...base, status: 'consistent', severity: 'info', message: `${r.claim}: holds (${r.mode === 'atMost' ? `${shown(expected, like)} ≤ ${shown(r.stated, like)}` : `${shown(expected, like)} computed, ${shown(r.stated, like)} stated`})` };
  }
  if (approx) {
    return { ...base, status: 'unverifiable', severity: 'info', toleranceWhy: APPROX_WHY, message: `${r.claim}: cannot tell, ${APPROX_WHY}` };
  }
  if (r.slip && Math.abs(r.stated - r.slip.value) <= tolerance + 1e-9 * Math.abs(r.slip.value)) {
    return { ...base, status: 'inconsistent', severity: 'warning', message: `${r.claim}: ${r.slip.message}` };
  }
  const message =
    r.mode === 'atMost'
      ? `${r.claim}: ${shown(expected, like)} is more than ${shown(r.stated, like)}`
      : `${r.claim}: expected ${expectText}, stated ${shown(r.stated, like)} (tolerance ±${shown(tolerance, like)})`;
  return { ...base, status: 'inconsistent', severity: r.failSeverity ?? 'error', message };
}

/** stated = X ÷ Y × factor, the stated figure being metric `k` (a share: 100; per 亩: m² in a 亩). */
export function quotient(id: CheckId, metrics: readonly Metric[], [x, y]: [number, number], k: number, claim: string, factor: number): Check {
  return judge({ id, metrics, involved: [x, y, k], claim, stated: metrics[k]!.value, inputs: [x, y], f: ([a, b]) => (a! / b!) * factor });
}

/** A check that cannot be made: what it needs is not stated. */
export function unverifiable(id: CheckId, metrics: readonly Metric[], involved: number[], claim: string, missing: string): Check {
  return {
    id,
    status: 'unverifiable',
    severity: 'info',
    metrics: involved,
    claim,
    message: `${claim}: cannot tell, ${missing}`,
    expected: null,
    actual: null,
    tolerance: null,
    toleranceWhy: missing,
    spans: involved.map((i) => metrics[i]!.span),
  };
}
