/**
 * Numbers as a reader of Chinese reports expects them: 30亿, 12万, 1.5.
 */
export function fmtNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  const round = (x: number) => String(Number(x.toPrecision(6)));
  if (abs >= 1e8) return `${round(n / 1e8)}亿`;
  if (abs >= 1e4) return `${round(n / 1e4)}万`;
  return round(n);
}
