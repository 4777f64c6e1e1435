/**
 * Never-metrics: numbers that have a unit but are not quantities.
 * Each veto looks at the folded text around a Candidate and says why it is not a metric.
 */
import { NUMERAL_IDIOMS } from './lexicon.js';
import { alternation, type Candidate } from './rule.js';

export interface Veto {
  id: string;
  test(text: string, c: Candidate): boolean;
}

/** 第七期, 第二家, 市第九次党代表大会: ordinals. */
const ordinal: Veto = {
  id: 'ordinal',
  test: (text, c) => text[c.start - 1] === '第',
};

/**
 * 数十家, 几百人, 若干个: an estimate with no number in it. 数 is one only before a magnitude
 * (数十, 数百, 数千, 数万): 企业数56家 is a noun ending in 数 and its count.
 */
const vague: Veto = {
  id: 'vague',
  test(text, c) {
    const before = text[c.start - 1];
    if (before === '数') return /[十百千万亿]/.test(text[c.start] ?? '');
    return before === '几' || before === '干';
  },
};

/** 进入全国前10名, 位列前三位: a rank, not a count of people. */
const rank: Veto = {
  id: 'rank',
  test: (text, c) => c.kind === 'count' && text[c.start - 1] === '前' && /[名位强]$/.test(text.slice(c.start, c.end)),
};

const OPEN = 1;
const CLOSE = 2;
const BREAK = 3;
const QUOTE = new Uint8Array(0x10000);
for (const ch of '“「『‘') QUOTE[ch.charCodeAt(0)] = OPEN;
for (const ch of '”」』’') QUOTE[ch.charCodeAt(0)] = CLOSE;
for (const ch of '，,。；;！!？?\n') QUOTE[ch.charCodeAt(0)] = BREAK;

/** “12345”发展思路, “万人助万企”, “四个一”: a number inside a short quotation is a name or slogan. */
const quoted: Veto = {
  id: 'quoted',
  test(text, c) {
    let open = false;
    for (let i = c.start - 1; i >= Math.max(0, c.start - 12); i--) {
      const q = QUOTE[text.charCodeAt(i)];
      if (q === CLOSE || q === BREAK) break;
      if (q === OPEN) {
        open = true;
        break;
      }
    }
    if (!open) return false;
    for (let i = c.end; i < Math.min(text.length, c.end + 12); i++) {
      const q = QUOTE[text.charCodeAt(i)];
      if (q === OPEN || q === BREAK) return false;
      if (q === CLOSE) return true;
    }
    return false;
  },
};

/** What a size class names: 项目, 企业, 重点项目… */
const CLASS_NOUN = '的?(?:重点|重大|产业|工业|招商|签约|在建|新开工)?(?:项目|企业|大项目)';
/** 5亿元以上项目, 1000万元（含）以上的企业: a bound before the noun. */
const BOUNDED = new RegExp(`^(?:量?级|(?:[(（]含[)）])?(?:及?以上|以下)${CLASS_NOUN})`);
const NOUN_NEXT = new RegExp(`^${CLASS_NOUN}`);
/** 亿元以上、5亿元以上和10亿元以上项目: a list or range of bounds that ends in a size class. */
const LIST_OF_CLASSES = new RegExp(`^(?:[(（]含[)）])?(?:及?以上|以下)?(?:[、和与及或至到~～—-]|——)[^，。；,;]{0,12}?(?:元|亿|万)(?:[(（]含[)）])?(?:及?以上|以下)?${CLASS_NOUN}`);
/** 超10亿元项目, 过亿元项目: a threshold before the amount. */
const THRESHOLD_BEFORE = /(?:超过?|逾|过|[0-9.]+[万亿]?元?[—~～\-至到])$/;
/** 签约5亿元项目3个, 10亿元项目分别有: the count of the class follows. */
const COUNT_AFTER = new RegExp(`^${CLASS_NOUN}[有共达计分别为]{0,4}[0-9零一二两三四五六七八九十百]`);

/**
 * 5亿元以上项目, 投资10亿元以上项目4个, 超10亿元项目, 千万元级平台, 十亿项目, 1亿—3亿元的项目: a
 * size class names a kind of project, it is not an amount (the count beside it is). One project's
 * size is an amount: 30亿元项目落地.
 */
const sizeClass: Veto = {
  id: 'size-class',
  test(text, c) {
    if (c.kind !== 'money' && c.kind !== 'area') return false;
    const after = text.slice(c.end, c.end + 24);
    if (BOUNDED.test(after) || LIST_OF_CLASSES.test(after)) return true;
    if (!NOUN_NEXT.test(after)) return false;
    // 十亿项目, 亿元项目, 百亿项目: a round power of ten is a class
    if (c.kind === 'money' && Number.isInteger(Math.log10(c.value))) return true;
    return THRESHOLD_BEFORE.test(text.slice(Math.max(0, c.start - 8), c.start)) || COUNT_AFTER.test(after);
  },
};

/** 连续8次居全市第一: how often a rank was held is part of the rank claim. */
const streak: Veto = {
  id: 'streak',
  test: (text, c) => c.kind === 'count' && /连续$/.test(text.slice(Math.max(0, c.start - 2), c.start)),
};

/** 市委十届六次全会: a session number is part of a name. */
const session: Veto = {
  id: 'session',
  test: (text, c) => c.kind === 'count' && /^(?:全会|全体会议|会议|代表大会|党代会)/.test(text.slice(c.end, c.end + 4)),
};

const IDIOM = new RegExp(alternation(NUMERAL_IDIOMS), 'g');
const IDIOM_REACH = Math.max(...NUMERAL_IDIOMS.map((w) => w.length));
const HAS_HAN_NUMERAL = /[零一二两三四五六七八九十百千万亿半双]/;

/** 三番五次, 千家万户, 一而再再而三: a number inside an idiom (NUMERAL_IDIOMS) is no figure. */
const idiom: Veto = {
  id: 'idiom',
  test(text, c) {
    // every idiom is written in Chinese numerals: a figure in digits is in none
    if (!HAS_HAN_NUMERAL.test(text.slice(c.start, c.end))) return false;
    const from = Math.max(0, c.start - IDIOM_REACH + 1);
    const window = text.slice(from, Math.min(text.length, c.end + IDIOM_REACH - 1));
    for (const m of window.matchAll(IDIOM)) {
      const start = from + m.index;
      if (start < c.end && start + m[0].length > c.start) return true;
    }
    return false;
  },
};

export const VETOES: readonly Veto[] = [ordinal, rank, vague, quoted, sizeClass, streak, session, idiom];

export function vetoed(text: string, c: Candidate): string | null {
  for (const v of VETOES) if (v.test(text, c)) return v.id;
  return null;
}
