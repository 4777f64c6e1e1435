/**
 * The extract stage: numbers → rule matches → vetoes → shared units. Plain data in, plain data out.
 */
import { clean, type Candidate, type DocState, type Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { scanNumbers, type NumberToken } from './scan.js';
import { vetoed } from './vetoes.js';

export type { Candidate, DocState } from './rule.js';

const ANY_CHAR = RULES.filter((r) => r.first === null);

/** Finds every metric candidate in folded text, in text order, without overlaps. */
export function findCandidates(text: string, doc: DocState): Candidate[] {
  const tokens = scanNumbers(text);
  const found: (Candidate | null)[] = [];
  let covered = 0;
  for (const token of tokens) {
    found.push(token.start < covered ? null : matchToken(text, token, doc));
    covered = Math.max(covered, found[found.length - 1]?.end ?? token.end);
  }
  shareUnits(text, tokens, found);
  return found.filter((c): c is Candidate => c !== null);
}

/**
 * For each code unit, the rules (in order) whose tail can start with it, plus the rules that can
 * take any character. Most numbers in an article (一 in 进一步) reach no rule at all.
 */
const DISPATCH: ReadonlyMap<number, readonly Rule[]> = (() => {
  const table = new Map<number, Rule[]>();
  for (const rule of RULES) {
    for (const ch of rule.first ?? '') {
      table.set(ch.charCodeAt(0), RULES.filter((r) => r.first === null || r.first.includes(ch)));
    }
  }
  return table;
})();

function matchToken(text: string, token: NumberToken, doc: DocState): Candidate | null {
  for (const rule of DISPATCH.get(text.charCodeAt(token.end)) ?? ANY_CHAR) {
    rule.tail.lastIndex = token.end;
    const tail = rule.tail.exec(text);
    if (!tail) continue;
    const c = rule.build({ text, token, tail, doc });
    if (!c) continue;
    // A vetoed number is not a metric under any other rule either (第二家 is no count of anything)
    return vetoed(text, c) ? null : c;
  }
  return null;
}

/** Between two numbers that share one unit: 10—20亿元 (a range), 0.74和19.33个百分点 (a list). */
const CONNECTOR = /^\s?(?<range>至|到|—|–|-|~|～|－|——)?(?:和|、|与|及|或)?\s?$/;

/**
 * A number with no unit of its own takes the unit of the number right after it when only a
 * connector stands between them. Right to left, so that a list of three shares the last unit.
 */
function shareUnits(text: string, tokens: NumberToken[], found: (Candidate | null)[]): void {
  for (let i = tokens.length - 2; i >= 0; i--) {
    const a = tokens[i]!;
    const b = found[i + 1];
    if (found[i] || !b || a.percentWord) continue;
    const between = text.slice(a.end, tokens[i + 1]!.start);
    const m = CONNECTOR.exec(between);
    if (!m || between.length === 0) continue;
    const range = m.groups?.range !== undefined;
    if (!range && !/[和、与及或]/.test(between)) continue;
    if (text[a.start - 1] === '第') continue;
    const magnitude = a.magnitude === 1 ? b.token.magnitude : 1;
    found[i] = {
      ...b,
      value: clean(a.value * magnitude * b.unitFactor),
      start: a.start,
      end: a.end,
      rule: `${b.rule}+shared`,
      qualifier: a.over ? 'over' : null,
      token: a,
      range: range ? 'low' : undefined,
      unitSpan: b.unitSpan ?? [b.token.end, b.end],
    };
    if (range) b.range = 'high';
  }
}
