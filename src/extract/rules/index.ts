/**
 * The rules, in the order they are tried on each number: the first that builds a Candidate wins.
 * Specific units come before general ones (个百分点 before 个, 亩 as area before any classifier).
 */
import type { Rule } from '../rule.js';
import { area } from './area.js';
import { count } from './count.js';
import { money } from './money.js';
import { moneyBare } from './money-bare.js';
import { moneyPrefix } from './money-prefix.js';
import { moneyDeclared } from './money-declared.js';
import { multiple } from './multiple.js';
import { percentSign } from './percent-sign.js';
import { percentWord } from './percent-word.js';
import { percentagePoint } from './percentage-point.js';
import { tenths } from './tenths.js';

export const RULES: readonly Rule[] = [
  percentWord,
  percentSign,
  percentagePoint,
  multiple,
  tenths,
  moneyDeclared,
  money,
  moneyPrefix,
  area,
  count,
  moneyBare,
];
