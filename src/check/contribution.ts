/**
 * Contribution and pull. 对全市增长的贡献率N% = the part's increase ÷ the whole's increase × 100;
 * 拉动增长N个百分点 = the part's increase ÷ the whole's prior value × 100. Both need the part and the
 * whole stated before and after (从A增至B, twice, in the paragraph): the part is the smaller.
 * 拉动增长N% is a pull in points written as a percent: a warning of its own.
 */
import type { Check, Metric } from '../types.js';
import { clauseBefore, paragraphAt, sameQuantity } from './figures.js';
import { changes } from './from-to.js';
import { judge, unverifiable } from './verdict.js';

const SHARE_OF_GROWTH = /贡献率|贡献度/;
/** Who a label is about, which the part and the whole differ in: 园区规上工业增加值 ~ 全县规上工业增加值. */
const WHO = /^(?:同期|其中|全年|今年)?(?:全市|全县|全区|全省|全国|园区|高新区|开发区|经开区|产业园|[^，,]{0,6}?(?:园区|高新区|开发区))?/;

/** The part and the whole measure one thing: their labels agree once who they are about is dropped. */
function oneIndicator(a: Metric, b: Metric): boolean {
  const [x, y] = [(a.label ?? '').replace(WHO, ''), (b.label ?? '').replace(WHO, '')];
  return x === '' || y === '' || x.includes(y) || y.includes(x);
}
const PULL = /拉动/;

export function contribution(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  const all = changes(metrics, text);
  metrics.forEach((n, k) => {
    const words = clauseBefore(text, n.span[0], 20);
    const isShare = n.kind === 'percent' && SHARE_OF_GROWTH.test(words);
    const isPull = PULL.test(words) && (n.kind === 'percentage_point' || n.kind === 'percent');
    if (!isShare && !isPull) return;
    if (isPull && n.kind === 'percent') {
      out.push({
        id: 'contribution', status: 'inconsistent', severity: 'warning', metrics: [k],
        claim: `拉动增长${n.text}`,
        message: `拉动增长${n.text}: a pull on growth is in percentage points; ${n.text} reads as a percent (say ${n.value}个百分点)`,
        expected: null, actual: n.value, tolerance: null, toleranceWhy: 'a unit, not a computed value', spans: [n.span],
      });
      return;
    }
    const [ps, pe] = paragraphAt(text, n.span[0]);
    const here = all.filter((c) => metrics[c.from]!.span[0] >= ps && metrics[c.to]!.span[1] <= pe && metrics[c.from]!.kind !== 'percent');
    const pair = here.flatMap((c, a) =>
      here
        .slice(a + 1)
        .filter((d) => sameQuantity(metrics[c.from]!, metrics[d.from]!) && oneIndicator(metrics[c.from]!, metrics[d.from]!))
        .map((d) => [c, d] as const),
    )[0];
    const claim = isShare ? `贡献率${n.text} (the part's increase ÷ the whole's increase)` : `拉动${n.text} (the part's increase ÷ the whole's prior value)`;
    if (!pair) {
      out.push(unverifiable('contribution', metrics, [k], claim, 'the part and the whole are not both stated before and after (从A增至B) in the paragraph'));
      return;
    }
    const [c, d] = metrics[pair[0].to]!.value <= metrics[pair[1].to]!.value ? pair : [pair[1], pair[0]];
    const inputs = [c.from, c.to, d.from, d.to];
    out.push(
      judge({
        id: 'contribution',
        metrics,
        involved: [...inputs, k],
        claim: `${claim}: part ${metrics[c.from]!.text} → ${metrics[c.to]!.text}, whole ${metrics[d.from]!.text} → ${metrics[d.to]!.text}`,
        stated: n.value,
        inputs,
        f: isShare ? ([a, b, x, y]) => ((b! - a!) / (y! - x!)) * 100 : ([a, b, x]) => ((b! - a!) / x!) * 100,
      }),
    );
  });
  return out;
}
