/**
 * The extract stage: numbers → rule matches → vetoes → shared units. Plain data in, plain data out.
 * Numbers are handled as the scanner finds them, so memory does not grow with the count of
 * numbers in a text (10 MB of "1,1,1,…" is five million of them).
 */
import { charClass, clean, negated, type Candidate, type DocState, type Rule } from './rule.js';
import { LIST_CONNECTORS, RANGE_CONNECTORS } from './lexicon.js';
import { RULES } from './rules/index.js';
import { eachNumber, type NumberToken } from './scan.js';
import { vetoed } from './vetoes.js';

export type { Candidate, DocState } from './rule.js';

const ANY_CHAR = RULES.filter((r) => r.first === null);

/**
 * For each character, the rules (in order) whose tail can start with it, plus the rules that can
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

/** Between two numbers that share one unit: 10—20亿元 (a range), 0.74和19.33个百分点 (a list). */
const CONNECTOR = new RegExp(`^\\s?(?:[(（]含[)）])?\\s?(?<range>——|[${charClass(RANGE_CONNECTORS)}])?[${charClass(LIST_CONNECTORS)}]?\\s?$`);

/** How many unit-less numbers in a row may wait for a unit to share: 1、2、3和4家 */
const MAX_CHAIN = 16;

/** Finds every metric candidate in folded text, in text order, without overlaps. */
export function findCandidates(text: string, doc: DocState): Candidate[] {
  const found: Candidate[] = [];
  let covered = 0;
  // Unit-less numbers joined by connectors, waiting for a number with a unit to share
  // (a fixed array and a length: resizing an array for every number shows in profiles)
  const chain: NumberToken[] = new Array(MAX_CHAIN);
  let chained = 0;
  eachNumber(text, (token) => {
    if (token.start < covered) {
      chained = 0;
      return;
    }
    // 5美元3亿: a currency that ends a figure already found does not begin the next one
    if (token.currency && token.currencyStart < covered) token.currency = null;
    // Most numbers (一 in 进一步, 2023 in 2023年) are followed by nothing a rule or a connector can
    // begin with: they can neither be a metric nor share a unit, so nothing more is asked of them
    const next = text.charCodeAt(token.end);
    if (!DISPATCH.has(next) && !CONNECTOR_CODES[next] && token.magnitude < 1e4 && !token.percentWord && !token.pairLow && !token.currency) {
      chained = 0;
      return;
    }
    const joined = chained > 0 && connects(text, chain[chained - 1]!, token);
    // 港币800至1200万元: the currency before a range is the currency of both ends
    if (joined && !token.currency && chain[0]!.currency) token.currency = chain[0]!.currency;
    const c = token.pairLow ? null : matchToken(text, token, doc);
    if (!c) {
      if (!joined || chained >= MAX_CHAIN) chained = 0;
      chain[chained++] = token;
      covered = Math.max(covered, token.end);
      return;
    }
    if (joined) found.push(...share(text, chain.slice(0, chained), c));
    chained = 0;
    found.push(c);
    covered = c.end;
  });
  return found;
}

/** Characters a connector can start with (a space may come first); anything else rules sharing out. */
const CONNECTOR_CODES = new Uint8Array(0x10000);
for (const ch of `${RANGE_CONNECTORS}${LIST_CONNECTORS} (`) CONNECTOR_CODES[ch.charCodeAt(0)] = 1;

function connects(text: string, a: NumberToken, b: NumberToken): boolean {
  // 七八家: the two digits of a written-out range
  if (a.pairLow) return a.end === b.start;
  const gap = b.start - a.end;
  // 1万(含)—5万元: the bracket says the low end is included
  if (gap === 0 || gap > 7 || !CONNECTOR_CODES[text.charCodeAt(a.end)]) return false;
  // a connector is a range mark or a list word, not spaces alone
  const m = CONNECTOR.exec(text.slice(a.end, b.start));
  return m !== null && /\S/.test(m[0]);
}

function matchToken(text: string, token: NumberToken, doc: DocState): Candidate | null {
  for (const rule of DISPATCH.get(text.charCodeAt(token.end)) ?? ANY_CHAR) {
    if (rule.accepts && !rule.accepts(token)) continue;
    rule.tail.lastIndex = token.end;
    const tail = rule.tail.exec(text);
    if (!tail) continue;
    const c = rule.build({ text, token, tail, doc });
    if (!c) continue;
    // A vetoed number is not a metric under any other rule either (第二家 is no count of anything)
    return vetoed(text, c) ? null : negated(text, c);
  }
  return null;
}

/**
 * The chain of unit-less numbers before `b` takes its unit, right to left: in 0.74和19.33个百分点
 * 0.74 is percentage points too; in 10—20亿元 10 is 10亿元, the low end of a range.
 */
function share(text: string, chain: NumberToken[], b: Candidate): Candidate[] {
  const out: Candidate[] = [];
  let next: Candidate = b;
  for (let i = chain.length - 1; i >= 0; i--) {
    const a = chain[i]!;
    if (a.percentWord || text[a.start - 1] === '第') break;
    const range = a.pairLow || CONNECTOR.exec(text.slice(a.end, next.token.start))?.groups?.range !== undefined;
    const value = clean(a.value * borrowed(a, next.token) * next.unitFactor);
    // 5000万至1亿元, 两到三千元: a low end above its high end was misread, and is not given
    if (range && value > next.value) break;
    const shared: Candidate = {
      ...next,
      value,
      start: a.currency ? a.currencyStart : a.start,
      end: a.end,
      rule: `${b.rule}+shared`,
      qualifier: a.over ? 'over' : null,
      token: a,
      range: range ? 'low' : undefined,
      unitSpan: next.unitSpan ?? [next.token.end, next.end],
    };
    if (range) next.range = 'high';
    out.unshift(shared);
    next = shared;
  }
  return out;
}

/**
 * What a unit-less number borrows from the one after it: its magnitude (10—20亿元), or for a
 * lone Chinese digit before a digit and unit, the unit too (两到三千元 → 2000, 三到五百万 → 3e6).
 */
function borrowed(a: NumberToken, b: NumberToken): number {
  if (a.magnitude !== 1) return 1;
  const digit = b.value / (b.unitTail * b.magnitude);
  if (a.chinese && b.chinese && a.end - a.start === 1 && b.unitTail > 1 && Number.isInteger(digit) && digit < 10 && a.value < digit) {
    return b.unitTail * b.magnitude;
  }
  return b.magnitude;
}
