/**
 * `indicator`: what a figure measures, as an id of the vocabulary (`zonefacts rules`), from its
 * label and the words around it. A growth rate, multiple or percentage-point change takes the
 * indicator whose change it measures; a count of projects takes its stage (签约, 开工, 竣工, 重点).
 */
import type { Kind, MetricName } from '../types.js';
import type { Vocabulary } from '../vocab/index.js';

export interface IndicatorInput {
  kind: Kind;
  metric: MetricName;
  /** The label, folded. */
  label: string | null;
  /** The clause before the figure, folded. */
  lead: string;
  /** The list item after the figure, folded (7家企业 → 企业). */
  after: string;
  /** The figure as written, folded (its unit tells land from floor area). */
  raw: string;
  /** The sentence up to the figure, folded. */
  sentenceBefore: string;
  /** The figure before it in the same sentence, or null. */
  previous: { indicator: string; kind: Kind } | null;
  /** The label follows the figure (8家企业被评为…): the noun phrase it opens with is what is counted. */
  labelFollows?: boolean;
  /** The clause after the figure, folded (5个项目在高新区集中开工 → its stage). */
  clauseAfter?: string;
}

const CHANGES = new Set<MetricName>(['growth_rate', 'growth_multiple', 'percentage_point']);

/** Project stages, strongest first (ATTRIBUTION.md): a stage wins over 重点/重大. */
const STAGES: Array<[RegExp, string]> = [
  [/竣工|投产|建成|达产|投用/g, 'completed_projects'],
  [/开工|开复工|动工|奠基/g, 'started_projects'],
  [/签约|引进|招引|落地|新批|核准|落户|签订|洽谈成功|投资案/g, 'signed_projects'],
];
const KEY = /重点|重大|省级|市级/;

type Form = { form: string; id: string };

/** The vocabulary's forms by their first character, read once per vocabulary. */
const FORMS_BY_FIRST = new WeakMap<Vocabulary, Map<string, Form[]>>();

function formsByFirst(vocab: Vocabulary): Map<string, Form[]> {
  let index = FORMS_BY_FIRST.get(vocab);
  if (!index) {
    index = new Map();
    for (const f of vocab.forms) {
      if (f.form.length === 0) continue;
      const list = index.get(f.form[0]!) ?? [];
      list.push(f);
      index.set(f.form[0]!, list);
    }
    FORMS_BY_FIRST.set(vocab, index);
  }
  return index;
}

/** The form nearest the start of `text` (the noun right after a number), longest on a tie; none past `within`. */
function headForm(text: string, vocab: Vocabulary, fits: (id: string) => boolean, within = 4): { id: string; at: number; form: string } | null {
  const index = formsByFirst(vocab);
  for (let at = 0; at <= within && at < text.length; at++) {
    let best: { id: string; at: number; form: string } | null = null;
    for (const { form, id } of index.get(text[at]!) ?? []) {
      if (text.startsWith(form, at) && fits(id) && (!best || form.length > best.form.length)) best = { id, at, form };
    }
    if (best) return best;
  }
  return null;
}

/**
 * The form that ends last in `text` (the one nearest the figure), longest on a tie. One pass over
 * the text, trying only the forms that start with each character: every figure asks this several
 * times, of a vocabulary of hundreds of forms.
 */
function bestForm(text: string, vocab: Vocabulary, fits: (id: string) => boolean): { id: string; at: number; form: string } | null {
  const index = formsByFirst(vocab);
  let best: { id: string; at: number; form: string } | null = null;
  let bestEnd = -1;
  for (let at = 0; at < text.length; at++) {
    const candidates = index.get(text[at]!);
    if (!candidates) continue;
    for (const { form, id } of candidates) {
      if (!text.startsWith(form, at) || !fits(id)) continue;
      const end = at + form.length;
      if (end > bestEnd || (end === bestEnd && form.length > best!.form.length)) {
        best = { id, at, form };
        bestEnd = end;
      }
    }
  }
  return best;
}

function projectStage(text: string): string {
  let found: { id: string; at: number } | null = null;
  for (const [re, id] of STAGES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) if (!found || m.index > found.at) found = { id, at: m.index };
  }
  if (found) return found.id;
  return KEY.test(text) ? 'key_projects' : 'projects';
}

/** Head nouns too general to name an indicator when a more specific one stands before them: 专精特新“小巨人”企业. */
const GENERAL = new Set(['企业', '公司', '项目', '平台']);
/** Labels that name no measure of their own: 总数达107家 counts what the figure before it counted. */
const RESTATES = /^(?:其中)?(?:国家级|省级|市级|省级以上|国家)?(?:总数|总量|总计|合计|累计|共计|总数达|数量)?$/;
/** What may follow the counted noun in a count's label: 企业获得, 企业被评为. */
const COUNT_VERB = /^(?:获|被|为|参|入|进|落|申|通|达|成|实|开|已|均|共|分|总数|总量|数量|人数|数)/;
/** Counts of events: 12次, 3场, 5批. */
const EVENT = /[次场批轮趟届]$/;
/** Verbs that may follow the counted noun when the words come after the number: 7家企业备案…, 20家企业量身定制…. */
const VERB_AFTER = /^(?:备案|量身|定制|参与|参加|开展|申报|申请|完成|承担|享受|获得|签订|签约|实施|落实|纳入|受益|领取|累计|共同|联合|分别|正在|已经|纷纷|集中|相继|先后|陆续|顺利|成功|表达|表示|有意|进驻|参展|签署|达成|导入|引入|应用|采用|使用)/;
/** Verbs that give the class a counted noun joins: 8家企业被评为专精特新企业. */
const DESIGNATED = /(?:被评为|获评为?|被认定为|认定为|入选|获批为?|被列为|列入)/;
/** What a count says of production, not of the zone's stock: 年产2.4万套, 产能达5万吨. */
const OUTPUT_BEFORE = /(?:年产|年生产|年产能|产能|年加工|年处理|年销售|年出货)(?:量)?(?:达到?|约|近|超过?)?$/;
/** A label that is only a verb phrase: 相比2021年的30家实现较快增长. */
const LABEL_VERB = /^(?:实现|达到|增长|增加|获得|位居|居|净增|净减|减少)/;
/** A share written as A占B的比重: the share of A (高新技术产业产值占…比重 → 高新技术产业产值占比). */
const SHARE_OF = /^(.+?)占.*(?:比重|比例)$/;

export function indicatorFor(f: IndicatorInput, vocab: Vocabulary): string {
  const kindFits = (kind: Kind) => (id: string) => vocab.byId.get(id)!.kinds.includes(kind);
  const label = f.label ?? '';
  if (CHANGES.has(f.metric)) {
    // 硕士以上学历者占比提高2.1个百分点: a change of a share is a change of what has a share
    const ofShare = f.metric === 'percentage_point' && /占比|比重|比例|率$/.test(label);
    const hit = bestForm(label, vocab, ofShare ? kindFits('percent') : () => true);
    if (ofShare) return hit ? hit.id : 'other';
    return hit ? hit.id : (f.previous?.indicator ?? 'other');
  }
  if (f.kind === 'percent') {
    const share = SHARE_OF.exec(label);
    const hit =
      bestForm(label, vocab, kindFits('percent')) ??
      (share ? bestForm(`${share[1]}占比`, vocab, kindFits('percent')) : null) ??
      bestForm(f.lead, vocab, kindFits('percent'));
    return hit ? hit.id : 'other';
  }
  // 年产2.4万套: an output, not a count of anything the zone has
  if (f.kind === 'count' && OUTPUT_BEFORE.test(f.lead)) return 'other';
  // 数量为12个, 总数达8家: the sentence before says what is counted
  const restates = RESTATES.test(label.replace(/达到?$|为$/, ''));
  const projects = /项目/.test(restates ? f.sentenceBefore : label);
  if (f.kind === 'count' && (f.metric === 'project_count' || (projects && /[个项]$/.test(f.raw)))) {
    // a stage in the clause, else in the sentence before it (新签约项目12个，其中10亿元以上项目9个)
    const stage = projectStage(f.lead + (f.clauseAfter ?? f.after).split(/[、\d]/)[0]!);
    return stage !== 'projects' && stage !== 'key_projects' ? stage : projectStage(f.sentenceBefore + f.after);
  }
  const fits = kindFits(f.kind);
  // a label that follows the figure may have been cut short: read the whole list item (一家…工作站、一家…)
  const item = f.labelFollows && f.clauseAfter ? f.clauseAfter.split(/[、\d（()）]/)[0]! : '';
  const words = item.length > label.length && item.startsWith(label) ? item : label;
  let hit = bestForm(words, vocab, fits);
  if (!hit && restates && !f.previous) hit = bestForm(f.sentenceBefore, vocab, fits);
  if (f.kind === 'count') {
    // a count's label ends in what it counts: 解决企业反馈问题117个 counts problems, not enterprises
    // …or, when the label follows the figure (20余家民营企业量身定制…), in its noun phrase, then a verb
    const rest = hit ? words.slice(hit.at + hit.form.length) : '';
    if (hit && rest && !COUNT_VERB.test(rest) && !(f.labelFollows && VERB_AFTER.test(rest))) {
      // 50家科技企业表达入驻意向: the noun right after the number, when a verb follows it
      const head = f.labelFollows ? headForm(words, vocab, fits) : null;
      const after = head ? words.slice(head.at + head.form.length) : '';
      hit = head && (!after || COUNT_VERB.test(after) || VERB_AFTER.test(after)) ? head : null;
    }
    if (!hit && f.label === null) hit = bestForm(f.after, vocab, fits) ?? bestForm(f.lead, vocab, fits);
    // 8家企业被评为专精特新企业: the class they were named to
    const designated = hit && GENERAL.has(hit.form) && f.clauseAfter ? DESIGNATED.exec(f.clauseAfter) : null;
    if (designated) {
      const named = headForm(f.clauseAfter!.slice(designated.index + designated[0].length), vocab, fits, 2);
      if (named && !GENERAL.has(named.form)) hit = named;
    }
    // 企业66家 after 新增“四上”: the counted noun written before the number belongs to the words before it
    const near = f.sentenceBefore.slice(-24) + (/^\D+(?=\d)/.exec(f.raw)?.[0] ?? '');
    if (hit && GENERAL.has(hit.form) && near.endsWith(hit.form)) {
      // 专精特新“小巨人”企业2家: the words before the head noun, quotes and all, say which
      const at = near.length - hit.form.length;
      const before = bestForm(near.slice(0, at), vocab, fits);
      if (before && !GENERAL.has(before.form) && before.id !== hit.id && at - (before.at + before.form.length) <= 3) hit = before;
    }
    // 推荐8人申报人才工程, 1人获得: people named by what they do take the sentence's word for them
    if (!hit && f.metric === 'people_count' && (f.label === null || COUNT_VERB.test(label))) hit = bestForm(near + label, vocab, fits);
    // 12次, 3场: events are counted, not what takes part in them
    if (hit && EVENT.test(f.raw)) hit = null;
  } else if (!hit) hit = bestForm(f.lead, vocab, fits) ?? (f.kind === 'money' || f.kind === 'area' ? bestForm(f.after.replace(/^的/, ''), vocab, fits) : null);
  if (!hit && f.previous && f.previous.kind === f.kind && (RESTATES.test(label.replace(/达到?$/, '')) || LABEL_VERB.test(label))) return f.previous.indicator;
  // 每平方米补贴5元, 亩均税收, 平均投资规模: averages and per-unit figures are no indicator's total
  if (f.kind === 'money' && /每|人均|亩均|平均|均值/.test(label)) return 'other';
  if (f.kind === 'money') {
    // 集成电路产业营收, 主导产业产值: one industry's money is industry_output, not the zone's total
    const ofIndustry = /产业|行业/.test(label.slice(0, hit?.at ?? 0)) || /^的[^，,。；;]{0,8}产业/.test(f.after);
    if (hit && (hit.id === 'revenue' || hit.id === 'industrial_output') && ofIndustry && vocab.byId.has('industry_output')) {
      return 'industry_output';
    }
    if (!hit && f.metric === 'investment' && vocab.byId.has('project_investment')) return 'project_investment';
  }
  if (f.kind === 'area') {
    const large = /亩|公顷|平方公里|平方千米/.test(f.raw);
    // 面积 alone: square metres are floor space, mu, hectares and square kilometres land
    if (hit && hit.id === 'land_area' && /^(?:总)?面积$/.test(hit.form) && !large && vocab.byId.has('floor_area')) return 'floor_area';
    if (!hit) {
      const id = !large && /建筑|厂房|楼|房|车间|仓库/.test(label) ? 'floor_area' : 'land_area';
      if (vocab.byId.has(id)) return id;
    }
  }
  return hit ? hit.id : 'other';
}
