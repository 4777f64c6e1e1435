/**
 * What an extraction rule is: an id, a kind, a sticky `tail` pattern matched right after a number
 * (the unit side), and a `build` that turns the match into a Candidate or declines with null.
 */
import type { Kind, MetricName, Qualifier } from '../types.js';
import type { NumberToken } from './scan.js';

/** Per-document facts that rules read and, for declarations like (美元,下同), write. */
export interface DocState {
  /** The currency of a bare 元: CNY, or TWD/HKD for reports from Taiwan or Hong Kong. */
  localCurrency: string;
  /** Set by 70亿(美元,下同): the currency and scale of later bare amounts. */
  declared: { currency: string; scale: number } | null;
  /**
   * The last accepted count: where it ended (新增一家A、一家B continues an enumeration), its
   * classifier and what it counted (新开工项目53个，竣工投产31个 counts projects twice).
   */
  lastCount: { end: number; cls: string; metric: MetricName; unit: string } | null;
}

export interface RuleInput {
  /** The folded text (simplified script, ASCII digits). */
  text: string;
  token: NumberToken;
  /** The match of the rule's tail, starting at token.end. */
  tail: RegExpExecArray;
  doc: DocState;
}

export interface Candidate {
  kind: Kind;
  value: number;
  unit: string;
  start: number;
  end: number;
  rule: string;
  /** What one written unit is worth (亩 → 666.67 m²): lets a range or list share it. */
  unitFactor: number;
  /** Set where the rule alone knows the metric (a count's noun). */
  metric?: MetricName;
  qualifier?: Qualifier | null;
  /** `low`/`high` for the two ends of a range (10—20亿元). */
  range?: 'low' | 'high';
  /** Where the label was written, when the rule found it (the noun after a count). */
  labelSpan?: [number, number];
  /** Where the unit was written, when it was borrowed from the next number (0.74和19.33个百分点). */
  unitSpan?: [number, number];
  token: NumberToken;
}

export interface Rule {
  id: string;
  kind: Kind;
  /**
   * The characters the tail can start with, so a number is offered only to the rules its next
   * character can begin; null for rules whose tail may be empty (百分之十五, a bare 50亿).
   */
  first: string | null;
  tail: RegExp;
  /** A cheap test of the number alone, before the tail is matched (百分之 rules, bare 亿 amounts). */
  accepts?(token: NumberToken): boolean;
  build(input: RuleInput): Candidate | null;
}

/** The usual Candidate for a number followed by its unit. */
export function candidate(
  rule: Pick<Rule, 'id' | 'kind'>,
  input: RuleInput,
  unit: string,
  unitFactor = 1,
): Candidate {
  const { token, tail } = input;
  return {
    kind: rule.kind,
    value: clean(token.value * unitFactor),
    unit,
    start: token.start,
    end: token.end + tail[0].length,
    rule: rule.id,
    unitFactor,
    qualifier: token.over ? 'over' : null,
    token,
  };
}

/** The kinds a 负 before the number can make negative (a count or an area is never below zero). */
const SIGNED_KINDS: ReadonlySet<Kind> = new Set(['money', 'percent', 'percentage_point', 'multiple']);

/** 负 ending a word, not a sign: 正负2%, 担负, 肩负, 辜负, 胜负, 抱负, 自负. */
const NOT_SIGN_BEFORE = /[正担肩背辜胜抱自欺]/;

/**
 * 增速为负1.5%, 负0.3个百分点, 每股收益负0.3元: 负 right before the number is its sign. Only the
 * text says a value is negative: nothing else makes one.
 */
export function negated(text: string, c: Candidate): Candidate {
  if (text[c.start - 1] !== '负' || NOT_SIGN_BEFORE.test(text[c.start - 2] ?? '') || c.value <= 0) return c;
  if (!SIGNED_KINDS.has(c.kind)) return c;
  return { ...c, start: c.start - 1, value: -c.value };
}

/** 41.7亿 is 4170000000, not 4170000000.0000005: keep 15 significant digits. */
export function clean(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(15));
}

/** The distinct first characters of some words, with the space a stray space may add: ' 元美港'. */
export function firstChars(words: readonly string[]): string {
  return [...new Set([' ', ...words.map((w) => w[0]!)])].join('');
}

/** The inside of a character class from literal characters: '至-' → '至\\-'. */
export function charClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/** `(?:a|b|c)` from literal alternatives, longest first. */
export function alternation(words: readonly string[]): string {
  return `(?:${[...words].sort((a, b) => b.length - a.length).map(escape).join('|')})`;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
