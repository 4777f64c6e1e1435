/**
 * A list and its count: 签约了甲、乙、丙3个项目 (or 等3个, 这3个, 共3个) names as many items as it counts.
 * Items are split at 、, the last one maybe at 和/及/与 too (a name may hold 和, so both readings are
 * tried). Without 等 the list is complete: a mismatch is an error. With 等 listing more than the
 * count is an error; counting more than listed cannot be told (等 often leaves items out).
 */
import type { Check, Metric } from '../types.js';
import { judge, unverifiable } from './verdict.js';

const LIST_BEFORE = /([^,，;；:：。!?\n]*、[^,，;；:：。!?\n等的]+?)(等)?(?:共|这|合计)?$/;
/** Counts of things one names in a list, followed by the noun they count (3个项目, 4家企业). */
const NAMED = /^[个家项所座名位人][一-鿿]/;
const AND = /和|及|与|以及/;

export function countedList(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  metrics.forEach((n, k) => {
    if (n.kind !== 'count' || n.qualifier || n.range) return;
    const before = text.slice(Math.max(0, n.span[0] - 80), n.span[0]);
    // no 、, no list: the regex, anchored at the end, is not tried from every position
    const m = before.includes('、') ? LIST_BEFORE.exec(before) : null;
    if (!m) return;
    const items = m[1]!.split('、');
    if (items.some((s) => s.trim() === '' || /\d/.test(s))) return;
    // the list names things the count counts: whole, small, followed by their noun; and the last
    // item is an item, not the noun of the whole list (国家、省级中小科技企业9家)
    if (!Number.isInteger(n.value) || n.value < 2 || n.value > 30) return;
    if (!NAMED.test(text.slice(n.span[1] - 1, n.span[1] + 1))) return;
    const longest = Math.max(...items.slice(1, -1).map((s) => s.length), Math.min(items[0]!.length, 12));
    if (items[items.length - 1]!.length > longest + 2) return;
    const k1 = items.length;
    const k2 = AND.test(items[items.length - 1]!) ? k1 + 1 : k1;
    const etc = m[2] !== undefined;
    const stated = n.value;
    const counted = stated === k1 || stated === k2 ? stated : k2;
    if (etc && stated > k2) {
      // 甲、乙等12位专家: 等 before a larger count usually leaves names out
      out.push(unverifiable('counted-list', metrics, [k], `${k2} items listed before 等${n.text}`, '等 may leave items out when the count is larger than the list'));
      return;
    }
    out.push(
      judge({
        id: 'counted-list',
        metrics,
        involved: [k],
        claim: `${counted} items listed (${items.map((s) => s.trim()).join(' / ')}) = ${n.text}`,
        stated,
        inputs: [],
        f: () => counted,
        statedHalf: 0,
      }),
    );
  });
  return out;
}
