import { clauseAfter, clauseBefore, itemAfter, itemBefore } from '../../text/clause.js';
import type { MetricName } from '../../types.js';
import { CLASSIFIERS, TIME_AFTER_CLASSIFIER } from '../lexicon.js';
import { alternation, candidate, firstChars, type Candidate, type Rule, type RuleInput } from '../rule.js';

/**
 * Characters that, right after a classifier, make it part of a word instead:
 * 名列 (ranks), 位于, 部分, 条件, 支持, 场景, 处理, 户籍, 家乡, 个体 …
 */
const NOT_AFTER: Partial<Record<string, RegExp>> = {
  名: /^[列单称牌录义额次字]/, 位: /^[于居列置数]/, 部: /^[分署]/, 家: /^(?:[乡电居具属常]|园(?!区))/,
  个: /^(?:[体性别案]|位次)/, 条: /^[件例款]/, 支: /^[持付出撑柱援部]/, 种: /^[植子养业]/,
  场: /^[景地所馆内外合面]/, 片: /^区/, 头: /^[部雁]/, 间: /^[隔接断]/, 列: /^[入车]/, 层: /^[次面级]/,
  根: /^[据本]/, 批: /^[准复示]/, 台: /^[阶湾账]/, 座: /^谈/, 处: /^[理于置罚长室]/, 套: /^[餐路]/,
  户: /^[籍外口型]/, 只: /^[有是要能]/, 架: /^构/, 宗: /^旨/, 例: /^如/, 块: /^状/, 次: /^[日年要产]/, 幅: /^度/, 份: /^额/, 组: /^[织建团成合]/, 道: /^[路理德]/,
};

/** 一批, 一些, 一种, 一类: "a batch of", vague, never a count of one. */
const VAGUE_ONE = new Set(['批', '种', '类', '片', '支', '场', '部']);

const CLASSIFIER = alternation(CLASSIFIERS.filter((c) => c !== '亩'));

/** Head nouns of what is counted: 71个重点项目 → 项目, 35家企业 → 企业, 6名省级人才 → 人才. */
const HEADS: ReadonlyArray<readonly [MetricName, string]> = [
  ['project_count', '项目|工程|课题|投资案'],
  ['enterprise_count', '企业(?!家)|公司|厂商|厂家|工厂|商户|机构|银行|高校|科研院所|院所|市场主体|经营主体|个体工商户|工商户'],
  // 人才公寓, 人才工作: 人才 there qualifies another noun
  ['people_count', '(?:人才|专家|院士|博士|硕士|人员|员工|职工|工人|学生|志愿者|党员|干部|教师|医生|企业家)(?!公寓|工作|服务|政策|计划|工程|培训|驿站|市场|中心|基地|项目|之家)'],
];
const HEAD_ANYWHERE = HEADS.map(([m, re]) => [m, new RegExp(re)] as const);
const HEAD_AT_END = HEADS.map(([m, re]) => [m, new RegExp(`(?:${re})$`)] as const);

/** Ends the reach of the count before: a sentence break, or more than a clause or two of text. */
const BREAK_BETWEEN = /[。！？!?；;\n]|^.{24,}$/s;

/** The classifiers that can count projects, enterprises or people (项目 are counted by 个 or 项, not 套). */
const CLASSIFIERS_FOR: Record<'project_count' | 'enterprise_count' | 'people_count', ReadonlySet<string>> = {
  project_count: new Set(['个', '项', '批', '宗', '件']),
  enterprise_count: new Set(['个', '家', '所', '批', '户']),
  people_count: new Set(['个', '人', '名', '位', '批']),
};

/** Verbs between a noun and its count: 研发平台已有11个, 企业总数达到107家, 项目数15个. */
const LINKING = /(?:已有|现有|共有|总数|总量|数量|数|已经|已|仅需|只需|需要|需|日前|目前|近日|达到|达|突破|共计|合计|累计|共|有|为|新增|增加|增至|超过|超|近|约|逾|的)+$/;

/** 一 counts only after a verb that adds or holds things: 新增一家省级孵化器, not 是一家. */
const ONE_TRIGGER = /(?:新增|新建|新设|新引进|引进|引入|增加|增设|建成|获批|认定|培育|设立|成立|组建|拥有|落户|入选|获评|新添|再添|签约|落地|建有|已有|现有|共有)了?$/;

/**
 * Abstract nouns after a small number are rhetoric, not counts:
 * 从建链、补链、强链、延链四个维度 · 两个确立 · 从3个方面推进.
 */
const RHETORIC = /^(?:维度|方面|原则|理念|思路|路径|环节|机制|模式|导向|意识|特点|优势|作用|目标|任务|指标|确立|维护|务必|结合|转变|强化|坚持|必须|自信|聚焦|抓手|支撑|战略|定位|功能|板块|层面|阶段|步骤|关键|问题|主体)(?!项目|企业|工程|园区|平台)/;

const PEOPLE_CLASSIFIERS = new Set(['人', '名', '位']);

/** 21家省级开发区: 家 counting zones and parks counts places, not enterprises. */
const ZONE_NOUN = /(?:开发区|高新区|经开区|园区|产业园|工业园|示范区|自贸区|保税区|综保区|新区|试验区|集聚区|合作区)(?!一站式|服务|管委|管理|企业|内企业|的企业|中心|办|运营|平台)/;

/**
 * 两个确保, 四个全面, 三个代表, 八项规定: fixed political terms, written with a small Chinese numeral,
 * are names, not counts (出台3项规定 in digits still counts).
 */
const FIXED_TERM = /^(?:确保|全面|代表|毫不动摇|一体|规定|意识|自信|维护|转变|必须|务必|坚持|统筹|布局)/;

/** 位次上升2位, 排名提升3名, 前移5位: a change of rank, not a count of people. */
const RANK_CHANGE = /(?:上升|提升|提高|前移|后移|跃升|攀升|上升|后退|下降|下滑|回落|进位|退位)了?$/;

/** Where a noun phrase gives way to its verb: 6栋厂房已全部封顶 → 厂房. */
const NOUN_END = /[已正将被在为是于和与及等共均都并也还从向对把让使由经通获入达实完开参集落签]/;

/** The counted noun: 6栋厂房 → 厂房; 项目88个 → 项目. At most six characters. */
function unitNoun(phrase: string, after: boolean): string {
  let clean = phrase.replace(/[“”"「」『』‘’\s]/g, '');
  if (after) {
    const cut = clean.slice(1).search(NOUN_END);
    if (cut >= 0) clean = clean.slice(0, cut + 1);
    return clean.slice(0, 6);
  }
  return clean.slice(-6);
}

/**
 * Words of change or arrival that open what follows a count, not a noun: 120家增加到150家,
 * 30个提高至45个, 8家达到12家. A noun after the classifier never starts with one.
 */
const VERB_AFTER = /^(?:增加|增长|增至|增到|增为|提高|提升|上升|下降|减少|减至|降至|降到|降为|达到|达|到|至|扩大|跃升|跃居|翻番|变为|调整为|回落|缩减|上涨|以来)/;

/** The noun after the classifier: up to a break or the next figure (6个行业20余家 → 行业). */
function phraseAfter(text: string, end: number): { start: number; noun: string } {
  let start = /[“"「『]/.test(text[end] ?? '') ? end + 1 : end;
  let item = itemAfter(text, start, 10);
  // 项目50个以上: a qualifier after the count is not the noun
  const qualifier = /^(?:以上|以下|左右|上下|之多)/.exec(item)?.[0].length ?? 0;
  start += qualifier;
  item = item.slice(qualifier);
  if (VERB_AFTER.test(item)) return { start, noun: '' };
  // 两栋厂房合计1万平方米: a total of something else begins where the noun ends
  const digit = item.search(/[0-9]|合计|共计|总计|累计/);
  return { start, noun: digit >= 0 ? item.slice(0, digit) : item };
}

/** The low end of a range just before the number: 8至 in 8至12个, 十到 in 十到二十家. */
const RANGE_LOW = /[0-9零〇一二两三四五六七八九十百千万亿.]+(?:——|[至到—~\-－])$/;

/** 比上年增加12家: a comparison base before the change is not what is counted. */
const BASE = /(?:比|较|同比|环比)(?:上年|去年|前年|年初|上月|上季度|同期)*(?:同期)?$/;

/**
 * From-to statements: 企业由120家增加到150家, 从8个增至12个. The noun is what stands before 由/从;
 * the figures and verbs after it are not part of it.
 */
const FROM_TO = /(?:由|从)(?:[0-9零〇一二两三四五六七八九十百千万亿.,]|[^由从]*[0-9]|(?:上年|去年|前年|年初|上月|期初)(?:底|末|同期)?的?$).*$/;

/** What a date leaves once its figure is gone (2025年的 → 年的): never a noun. */
const DATE_REST = /^(?:年|月|日|号)(?:底|末|初|以来)?的?/;

/** A verb phrase opening the noun before a count: 已建成, 累计引进, 全年实施 (建成5G基站 → 5G基站). */
const LEADING_VERB = /^.*?(?:已|累计|全年|共)?(?:建成|新建|引进|引入|实施|完成|培育|落地|开展|拥有|入驻|认定|获批|集聚|聚集|吸引|接待|举办)了?/;

/** Everything up to the last figure before a count (含光800仅需4块); not a name like 5G手机. */
const FIGURE_BEFORE = /^.*[0-9](?![0-9A-Za-z.])/;

/**
 * The noun before the number (项目126个), without brackets, linking verbs, a range's low end or
 * a from-to statement's first figure. It never holds a digit: a noun ends before any figure.
 */
function phraseBefore(text: string, start: number): string {
  const noun = itemBefore(text, start, 24).replace(RANGE_LOW, '').replace(/[(（][^)）]*[)）]/g, '').replace(FROM_TO, '');
  const bare = noun.replace(FIGURE_BEFORE, '').replace(DATE_REST, '').replace(/(?:由|从)$/, '').replace(LINKING, '').replace(BASE, '');
  // 已建成5G基站1,260座: what was done to the thing is not the thing (the label keeps it)
  const verb = LEADING_VERB.exec(bare);
  return verb && bare.length - verb[0].length >= 2 ? bare.slice(verb[0].length) : bare;
}

function classify(cls: string, nounAfter: string, nounBefore: string): { metric: MetricName; unit: string } {
  if (cls === '人次' || cls === '件次') return { metric: 'count', unit: cls };
  if (PEOPLE_CLASSIFIERS.has(cls)) return { metric: 'people_count', unit: '人' };
  let head: { metric: MetricName; word: string; at: number } | null = null;
  if (nounAfter) {
    for (const [metric, re] of HEAD_ANYWHERE) {
      const m = re.exec(nounAfter);
      if (m && (!head || m.index < head.at)) head = { metric, word: m[0], at: m.index };
    }
  } else {
    for (const [metric, re] of HEAD_AT_END) {
      const m = re.exec(nounBefore);
      if (m) head = { metric, word: m[0], at: m.index };
    }
  }
  const phrase = nounAfter || nounBefore;
  const zone = ZONE_NOUN.exec(nounAfter);
  if (zone && !head) return { metric: 'count', unit: zone[0] };
  if (cls === '家') return { metric: 'enterprise_count', unit: head?.word ?? (unitNoun(phrase, nounAfter !== '') || '企业') };
  // 2.4万套高精密环境监测仪项目: 套 counts sets of things, whatever the noun phrase ends in
  if (head && CLASSIFIERS_FOR[head.metric as keyof typeof CLASSIFIERS_FOR]?.has(cls)) return { metric: head.metric, unit: head.word };
  // 开展科研合作48项: 项 counts projects unless the noun says otherwise (3项工作, 93项成果)
  if (cls === '项' && (phrase === '' || /合作$/.test(phrase))) return { metric: 'project_count', unit: '项目' };
  return { metric: 'count', unit: unitNoun(phrase, nounAfter !== '') || cls };
}

/** How many items a 、-list ending right here has (0 when there is none, or when 等 closes it). */
function listLength(before: string): number {
  if (!before.includes('、') || /等$/.test(before)) return 0;
  return before.split('、').length;
}

/** Is this 一 (or 一个 after its noun) really counting something? */
function oneCounts(input: RuleInput, end: number, nounAfter: string): boolean {
  const { text, token, doc } = input;
  const before = itemBefore(text, token.start);
  if (ONE_TRIGGER.test(before)) return true;
  // 新增一家A、一家B: the enumeration goes on
  if (text[token.start - 1] === '、' && doc.lastCount && token.start - doc.lastCount.end <= 12) return true;
  // 计划建设数据中心一个。: the noun comes first and the count closes the clause
  const closes = end >= text.length || /[，,。；;！？!?、\n]/.test(text[end]!);
  return nounAfter === '' && closes && before.length >= 2 && /[\u4e00-\u9fff]$/.test(before);
}

/**
 * 71个重点项目, 项目126个, 20余家民营企业, 1287人, 283套: a number with a classifier, the noun after
 * it or before it. Durations (3个月), reduplications (一个个), slogans (四个一) and rhetoric
 * (四个维度) are not counts.
 */
export const count: Rule = {
  id: 'count.classifier',
  kind: 'count',
  first: firstChars(CLASSIFIERS.filter((c) => c !== '亩')),
  tail: new RegExp(`(?<cls>${CLASSIFIER})`, 'y'),
  build(input): Candidate | null {
    const { text, token, tail } = input;
    if (token.percentWord || !Number.isInteger(token.value)) return null;
    // 零部件, 零星: a lone 零 is a word, not zero
    if (token.chinese && token.value === 0) return null;
    const cls = tail.groups!.cls!;
    let end = token.end + tail[0].length;
    // 项目 is a noun, not the classifier 项: 十亿项目 is a size (money's to read), 三百项目 a count
    // (3项目标任务 is 3项 of 目标)
    const projects = cls === '项' && text[end] === '目' && !/[标录的]/.test(text[end + 1] ?? '');
    if (projects && token.magnitude >= 1e4) return null;
    if (projects) end++;
    const next = text[end] ?? '';
    // 一个个, 一家家 (reduplication), 一个又一个, 四个一 (a slogan)
    if (next === '又' || next === '一' || next === cls[0]) return null;
    const notAfter = NOT_AFTER[cls];
    if (notAfter && notAfter.test(text.slice(end, end + 2))) return null;
    for (const w of TIME_AFTER_CLASSIFIER) if (text.startsWith(w, end)) return null;
    if (text.startsWith(cls, end)) return null;

    // 三类医疗器械注册证37张: a class of a thing that is counted after it names the class
    if (cls === '类' && /[0-9零〇一二两三四五六七八九十百千万]+[个项张件家套台]/.test(itemAfter(text, end, 14))) return null;
    const after = phraseAfter(text, end);
    const nounAfter = after.noun;
    const nounBefore = nounAfter === '' ? phraseBefore(text, token.start) : '';
    if (cls === '所' && !/^(?:学校|医院|幼儿园|中小学|小学|中学|高校|大学|学院|院校|卫生院|养老院|高职)/.test(nounAfter) && !/[校院园学]$/.test(nounBefore)) {
      return null;
    }
    // 四个维度, 3个方面: a handful of abstractions is rhetoric however it is written
    if (token.value <= 10 && RHETORIC.test(nounAfter)) return null;
    // 抓好项目建设、企业服务、人才引进三项重点工作: the number sums up the list just before it
    // (a list of companies or projects, 甲、乙两家企业, is still counted)
    // (12个、8个和3个: the number is an item of a list of figures, not its sum)
    if (token.value <= 10 && !/[、和与及]/.test(text[token.start - 1] ?? '') && listLength(clauseBefore(text, token.start)) === token.value && !HEAD_ANYWHERE.some(([, re]) => re.test(nounAfter))) {
      return null;
    }
    // 两项指标均居全市第一: "both" refers back to figures already counted
    if (token.chinese && token.value <= 10 && /[均都]/.test(clauseAfter(text, end, 10))) return null;
    if (token.chinese && token.value === 1 && !token.over && (VAGUE_ONE.has(cls) || !oneCounts(input, end, nounAfter))) {
      return null;
    }
    if (token.chinese && token.value <= 10 && FIXED_TERM.test(text.slice(end, end + 4))) return null;
    if ((cls === '位' || cls === '名') && (RANK_CHANGE.test(itemBefore(text, token.start, 12)) || /位次|排名|排位/.test(clauseBefore(text, token.start, 16)))) {
      return null;
    }

    let { metric, unit } = projects ? { metric: 'project_count' as MetricName, unit: '项目' } : classify(cls, nounAfter, nounBefore);
    // 新开工项目53个，竣工投产31个: no noun of its own, it counts what the count just before did
    const last = input.doc.lastCount;
    if (metric === 'count' && nounAfter === '' && last && last.cls === cls && !BREAK_BETWEEN.test(text.slice(last.end, token.start))) {
      ({ metric, unit } = last);
    }
    const c = candidate(this, input, unit);
    c.end = end;
    c.metric = metric;
    // the noun after the count is its label: 71个重点项目 → 重点项目
    if (/[\u4e00-\u9fff]{2}/.test(nounAfter)) c.labelSpan = [after.start, after.start + nounAfter.length];
    input.doc.lastCount = { end: c.end, cls, metric, unit };
    return c;
  },
};
