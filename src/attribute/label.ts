/**
 * What a figure measures: the words before it in its clause, less the verbs and qualifiers
 * that join them (工业投资同比增长6.3% → 工业投资), less a leading period or subject
 * (青林高新区实现地区生产总值 → 地区生产总值).
 */
/**
 * Words that join a label to its figure, stripped from the end one at a time (longest first):
 * 工业投资同比增长 → 工业投资. A word list and endsWith checks: a regex anchored at the
 * end is tried from every position and showed in profiles.
 */
const TRAILING_WORDS = new Set([
  '同比', '环比', '比上年', '比去年同期', '比去年', '较上年', '较去年同期', '较去年', '较前年',
  '分别', '依次', '均', '预计', '以上', '先后', '相继', '陆续', '新台币', '人民币', '港币', '港元', '美元', '共', '累计', '合计', '总计', '共计', '已',
  '增长', '成长', '增加', '下降', '降低', '减少', '提高', '提升', '上升', '回落', '增至', '增长至', '提高至',
  '提升至', '扩大至', '降至', '达到', '达', '为', '是', '完成', '实现', '有', '由', '从', '到', '至',
  '超过', '超', '逾', '突破', '约', '近', '不低于', '不少于', '至少', '高达', '多达', '了', '的', '：', ':', ' ', '\t',
]);
const LONGEST_TRAILING = Math.max(...[...TRAILING_WORDS].map((w) => w.length));
/** 从2019年的 before the figure: the period is reported on its own. */
const FROM_PERIOD = /(?:从|由)(?:\d{4}年(?:底|末|初|度)?|去年|上年|年初)?的?$/;

const LEADING =
  /^(?:[、，,\s]|其中|全年|同时|此外|另外|目前|截至目前|截至|今年以来|今年|去年|近年来|增至|增长至|提高至|提升至|扩大至|降至|(?:[\d]{4}|(?:民国)?1[01]\d)年度?(?:[\d]{1,2}[—–\-~至到][\d]{1,2}月份?|前三季度|上半年|下半年|全年)?的?|前三季度|上半年|[\d]{1,2}[—–\-~至到][\d]{1,2}月份?)+/;

/** A zone as the subject before the measure: 园区营业收入 → 营业收入, 该区规上工业增加值 → 规上工业增加值. */
const ZONE_SUBJECT = /^[^，,。；;]{0,8}?(?:高新区|经开区|开发区|产业园区|工业园区|科学园区|园区|新区|该区|全区|本区)(?!数|内|外)/;

/** A subject and its verb before the measure: 青林高新区实现|全年完成|累计新增. */
const PIVOT = /(?:实现|完成|新增|累计|录得|创造)/g;

/** Comparison words: 高于全市5.3个百分点 measures the same thing as the figure before it. */
const COMPARISON = /高于|低于|快于|慢于|超出|领先/;

/** Words a label never is: a verb (增至), a modifier (同比, 预计, 以上) or a comparison base (较上年, 比2022年底). */
const NOT_A_MEASURE = /^(?:相当于|赴|前往|前来|来到|赶赴|跑|让|使|年增|年减|按年|增至|增长|增加|提高|提升|下降|减少|降低|达到|达|为|是|同比|环比|预计|以上|以下|左右|约|较|比|相比|与|同)/;

/** Is this label a noun phrase naming a measure (not 增至, 同比, 较去年底)? */
export function isMeasure(label: string): boolean {
  return label.length > 0 && !NOT_A_MEASURE.test(label);
}

/** A trip or visit inside a label: 专家教授赴…考察 names its people before 赴. */
const MOTION = /赴|前往|前来|来到|赶赴/;

/** The label less a verb phrase of travel after its noun (folded text decides; `label` keeps its script). */
/** A year opening a label (2024年营业收入, 113年全年營業額, 今(113)年前三季營業額): the period, reported on its own. */
const YEAR_OPENING = /^(?:\d{4}|(?:民国)?1[01]\d|[今去]\((?:民国)?1[01]\d\))年度?(?:全年|上半年|下半年|前三季度?)?的?(?=[\u4e00-\u9fff])/;

export function measureOf(label: string, folded: string): string | null {
  const year = YEAR_OPENING.exec(folded);
  if (year) return measureOf(label.slice(year[0].length), folded.slice(year[0].length));
  const motion = MOTION.exec(folded);
  if (motion && motion.index >= 2) return label.slice(0, motion.index);
  return isMeasure(folded) ? label : null;
}

export interface LabelResult {
  span: [number, number] | null;
  /** The label compares with something (高于全市): the figure measures what the previous one did. */
  comparison: boolean;
}

/** `[start, end)` of the label inside `[from, to)` of the folded text. */
export function labelSpan(text: string, from: number, to: number): LabelResult {
  let end = to;
  for (let guard = 0; guard < 16 && end > from; guard++) {
    let cut = 0;
    for (let n = Math.min(LONGEST_TRAILING, end - from); n >= 1 && cut === 0; n--) {
      if (TRAILING_WORDS.has(text.slice(end - n, end))) cut = n;
    }
    if (cut === 0) cut = FROM_PERIOD.exec(text.slice(Math.max(from, end - 10), end))?.[0].length ?? 0;
    if (cut === 0) break;
    end -= cut;
  }
  const lead = LEADING.exec(text.slice(from, end));
  let start = from + (lead ? lead[0].length : 0);
  const subject = ZONE_SUBJECT.exec(text.slice(start, end));
  // 白鹭经开区 alone names who, not what
  if (subject && subject[0].length === end - start) return { span: null, comparison: false };
  if (subject && end - start - subject[0].length >= 2) start += subject[0].length;
  const body = text.slice(start, end);
  const comparison = COMPARISON.exec(body);
  if (comparison) return { span: comparison.index >= 2 ? [start, start + comparison.index] : null, comparison: true };
  let cut = -1;
  PIVOT.lastIndex = 0;
  for (let m = PIVOT.exec(body); m; m = PIVOT.exec(body)) cut = m.index + m[0].length;
  if (cut > 0 && body.length - cut >= 2) start += cut;
  if (end - start < 2 || !isMeasure(text.slice(start, end))) return { span: null, comparison: false };
  return { span: [start, end], comparison: false };
}
