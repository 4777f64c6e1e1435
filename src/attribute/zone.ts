/**
 * `zone`: the development zone a figure is about. Zone names are found by their endings (高新区,
 * 经济技术开发区, 产业园 …, from the vocabulary) with the place name before them; a bare 高新区,
 * 该区, 全区 or 园区 refers back to the article's zone, named in full. Totals of a nation, province or
 * city (全省, 全市) and aggregates of many zones (全省开发区, 178家国家高新区) have no zone.
 */
import type { ZoneMention } from '../types.js';
import type { Vocabulary } from '../vocab/index.js';

type MentionType = 'named' | 'generic' | 'reference' | 'none' | 'company';

interface Mention {
  start: number;
  end: number;
  type: MentionType;
  /** For named zones: the key shared by the long and short forms of one name (邢台高新区). */
  key: string | null;
  /** The suffix family (高新区, 经开区, 开发区 …), to resolve a bare 高新区 to a named one. */
  family: string | null;
  /** A park or base rather than a zone proper: not carried from one paragraph to the next. */
  minor: boolean;
  /** Named as a partner (与…签订协议): the figures near it are not about it. */
  partner?: boolean;
  /** The first of two places sharing one ending (元朗及大埔工业邨): its name as written, in full. */
  written?: string;
  /** For the second of such a pair: the first, whose figures come first in a 分别 list. */
  pairedWith?: Mention;
  /** A short form (楠梓园区) of a zone named in full elsewhere (高雄楠梓科技产业园区). */
  short?: boolean;
}

/** Long official forms and their short ones: 日照高新技术产业开发区 = 日照高新区. */
const FAMILY: Array<[RegExp, string]> = [
  [/(?:高新技术产业开发区|高新技术开发区|高新区)$/, '高新区'],
  [/(?:经济技术开发区|经济开发区|经开区)$/, '经开区'],
  [/(?:综合保税区|综保区)$/, '综保区'],
  [/(?:产业园区|产业园)$/, '产业园'],
  [/(?:工业园区|工业园)$/, '工业园'],
];
const MAJOR = /高新区|经开区|开发区|新区|合作区|综保区|保税区|示范区|自贸区|科学园/;

/** Characters that cannot end the place name before a suffix: particles, verbs of motion and placing. */
const STOP = new Set('季度的在于和与及、了是为到对将让把从向由等被给并而也都又还就才已使以至赴进驻落户入出来去往个家年月省全各该本我其这那此内外共有对际访察观研设称作即着元万亿会'.split(''));
/** Verbs and phrases that can end the words before a zone name but never belong to a place: 引领|高新区, 走进|高新区. */
const LEAD_IN = /(?:介绍|引领|见证|增强|推动|带动|助力|打造|建设|服务|支持|依托|围绕|聚焦|走进|来到|落户|入驻|位于|扎根|深耕|布局|加快|推进|全力|成为|作为|推介|宣传|考察|调研|参观|对接|举办|召开|整个|一步|实现|发展|提升|促进|进入|落地|赋能|坚持|全面|积极|持续|不断|正式|成功|携手|联合|共建|启动|优化|制定|完善|规范|做强|做大|壮大|引进|招引|服务于|谋划|运用|利用|规划|筹建|搭建|组建|新建|扩建)/g;

/** What makes a zone word an aggregate or a category: 全省开发区, 各高新区, 178家国家高新区, 国家级经开区. */
/** Words that give a zone its title: 升级为国家高新区. */
const DESIGNATION_BEFORE = /(?:升级为|升格为|获批为?|成为|认定为|列为|晋升为|跻身|创建)$/;
const AGGREGATE_BEFORE = /(?:全省|全国|全市|全县|各|省级|省内|国家级?|这些|所有|其他|其它|[\d一二三四五六七八九十百两几多]+(?:家|个|所|批))$/;
const CATEGORY_PLACE = /^(?:级|国家级?|省级|市级|县级|全国|重点|相关|其他|其它|周边|各类|一批|首批|特色|智慧|现代|示范|创新|新型|本|该)/;
/** Subjects that make a figure a total of a city, province or nation: 全市, 全省, 全国, 我省. */
const AREA = /全国|全省|全市|全县|我省|我市|本省|本市|省内(?!外)|市内(?!外)/g;
/** Words before an area that make it a comparison, not the subject: 高于全市, 占全省的. */
const COMPARED = /(?:高于|低于|快于|慢于|超过|超出|较|比|占|居|列|位居|位列|领先)$/;

/** Words before a park ending that name an institution, not a place: 大学科技园, 高校产业园. */
const INSTITUTION = /^(?:大学|高校|学院|院校|科研院所)$/;
/** After 全国/全省: an event or prize named by it (全国创新创业大赛). */
const EVENT_AFTER = /^[^，,。；;]{0,12}?(?:大赛|比赛|竞赛|评选|评比|论坛|博览会|展会|奖)/;
/** The first place of a pair before a shared ending, after punctuation or the start: ，元朗及|大埔工业邨. */
const PAIRED_PLACE = /(?:^|[，,。；;：:\s])([\u4e00-\u9fff]{2,3})(?:及|和|与|、)$/;
/** Words that can stand where the first place of a pair would: 先后与, 同时和. */
const NOT_A_PLACE = /^(?:先后|分别|共同|同时|并且|以及|已经|主动|积极|正式|此外|其中|目前)/;
/** A zone named as a partner (与…大学科技园签订协议): not what the figures near it are about. */
const PARTNER_BEFORE = /(?:与|同|跟|携手|联合)$/;
const PARTNER_AFTER = /^[^。；;！？\n]{0,40}?(?:签订|签署|合作|共建|结对|对接)/;

const COMPANY_AFTER = /^(?:公司|集团|有限|股份)/;
/** Words that describe a park rather than name its place: 科技园区 is no short form of 楠梓科技产业园区. */
const INDUSTRY_WORD = /科技|产业|工业|创新|智慧|生态|物流|高新|经济|现代|农业|文化|软件|电子|信息|生物|医药|化工|新材料/;
/** A place that is an agency (经济部, 商务厅, 发改委): 经济部产业园区管理局 is a body over many parks, no zone. */
const AGENCY_PLACE = /(?:(?:经济|商务|科技|财政|工信|工业和信息化|自然资源|交通运输|农业农村)部|厅|署|委|局)$/;
/** After 全国/全省: a rank or a prize (全市唯一, 全国银奖), not the subject. */
const RANK_AFTER = /^(?:唯一|第|首|前|领先|排名|之最|最|[金银铜]奖|[一二三]等奖|优秀|大赛|比赛|百强|十强)/;

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

function familyOf(name: string): string {
  for (const [re, f] of FAMILY) if (re.test(name)) return f;
  return name.slice(-3);
}

/** One key for the long and short forms of a name: 邢台市高新技术产业开发区 = 邢台高新区. */
function keyOf(name: string): string {
  for (const [re, short] of FAMILY) {
    const m = re.exec(name);
    if (m) return `${name.slice(0, m.index).replace(/[市县]$/, '')}${short}`;
  }
  return name;
}

/**
 * Where the place name before a zone ending at `at` starts: up to six Han characters back, not
 * past a particle or verb (STOP), a lead-in phrase (走进, 引领) or another zone's ending
 * (高新区|电气装备产业园区). An empty place is a bare 高新区; -1 when the words run on past six
 * characters with nothing to cut them (a description, 新一代信息技术产业园).
 */
function placeStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && at - start < 6 && isHan(text.charCodeAt(start - 1)) && !STOP.has(text[start - 1]!)) start--;

  const words = text.slice(start, at);
  let cut = start;
  LEAD_IN.lastIndex = 0;
  for (let m = LEAD_IN.exec(words); m; m = LEAD_IN.exec(words)) cut = start + m.index + m[0].length;
  const inner = Math.max(text.lastIndexOf('区', at - 1), text.lastIndexOf('园', at - 1));
  // 新一代信息技术产业园: a run of words longer than a place name holds is a description, not a place
  const runsOn = at - start === 6 && start > 0 && isHan(text.charCodeAt(start - 1)) && !STOP.has(text[start - 1]!);
  if (runsOn && cut === start && inner < start) return -1;
  return Math.max(cut, inner >= start ? inner + 1 : start);
}

export class ZoneIndex {
  readonly mentions: Mention[] = [];
  /** Named zones by key: the first full form (original script) and every form written. */
  private readonly named = new Map<string, { name: string; names: Set<string>; count: number }>();
  private readonly counts = new Map<string, number>();
  private readonly generic = new Map<string, string>();
  private main: string | null = null;
  /** A short name's fuller form in the same article. */
  private readonly fuller = new Map<string, string>();
  /** With no named zone: the bare name of the family written most (=高新区). */
  private mainGeneric: string | null = null;
  /** With neither: the named park or base the article mentions most. */
  private mainMinor: string | null = null;

  constructor(
    private readonly original: string,
    private readonly folded: string,
    vocab: Vocabulary,
  ) {
    this.scan(vocab);
  }

  private add(m: Mention): void {
    this.mentions.push(m);
  }

  private scan(vocab: Vocabulary): void {
    const text = this.folded;
    const taken = new Uint8Array(text.length);
    const claim = (s: number, e: number) => taken.fill(1, s, e);
    const free = (s: number, e: number) => !taken.subarray(s, e).some((x) => x === 1);
    for (const name of vocab.zones.names) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
        if (!free(at, at + name.length)) continue;
        claim(at, at + name.length);
        this.add({ start: at, end: at + name.length, type: 'named', key: keyOf(name), family: familyOf(name), minor: !MAJOR.test(name) });
      }
    }
    for (const suffix of vocab.zones.suffixes) {
      for (let at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
        const end = at + suffix.length;
        if (!free(at, end)) continue;
        // 香港科技园公司: a company named after a zone is no zone for a figure near it, but it names
        // the zone when the article names it no other way
        const company = COMPANY_AFTER.test(text.slice(end, end + 2));
        const found = placeStart(text, at);
        // a description (新一代信息技术产业园) or an institution (大学科技园) with no place: the zone in force
        if (found < 0 || INSTITUTION.test(text.slice(found, at))) {
          const from = found < 0 ? at : found;
          claim(from, end);
          this.add({ start: from, end, type: 'reference', key: null, family: null, minor: false });
          continue;
        }
        const start = found;
        const place = text.slice(start, at);
        claim(start, end);
        // 国家级经开区, 创新驱动示范区: a title or a class of zones, not a zone
        if (CATEGORY_PLACE.test(place)) continue;
        const family = familyOf(suffix);
        const before = text.slice(Math.max(0, at - place.length - 6), at - place.length);
        if (company && place.length < 2) continue;
        if (AGENCY_PLACE.test(place)) continue;
        if (place.length === 0 || place.length === 1) {
          const aggregate = AGGREGATE_BEFORE.exec(before + (place === '市' || place === '县' ? (/[全各]$/.test(before) ? place : '') : place));
          // 高于全省开发区平均水平: the aggregate is what the zone is compared with
          const compared = aggregate && COMPARED.test(text.slice(Math.max(0, at - place.length - aggregate[0].length - 3), at - place.length - aggregate[0].length));
          if (compared) continue;
          // 升级为国家高新区, 获批国家级经开区: the zone's title, not an aggregate of zones
          if (aggregate && /^(?:国家|省)/.test(aggregate[0]) && DESIGNATION_BEFORE.test(text.slice(Math.max(0, at - place.length - aggregate[0].length - 4), at - place.length - aggregate[0].length))) continue;
          if (aggregate) this.add({ start: at, end, type: 'none', key: null, family, minor: false });
          else this.add({ start: start, end, type: 'generic', key: null, family, minor: !MAJOR.test(suffix) });
          continue;
        }
        if (AGGREGATE_BEFORE.test(before)) {
          this.add({ start, end, type: 'none', key: null, family, minor: false });
          continue;
        }
        const partner = PARTNER_BEFORE.test(text.slice(Math.max(0, start - 2), start)) && PARTNER_AFTER.test(text.slice(end, end + 48));
        const zone: Mention = { start, end, type: company ? 'company' : 'named', key: keyOf(place + suffix), family, minor: !MAJOR.test(suffix), partner };
        // 元朗及大埔工业邨: two places share the ending, each a zone of its own
        const pair = company || partner ? null : PAIRED_PLACE.exec(text.slice(Math.max(0, start - 6), start));
        const from = pair ? start - 1 - pair[1]!.length : start;
        if (pair && free(from, start) && !NOT_A_PLACE.test(pair[1]!)) {
          const name = this.original.slice(from, from + pair[1]!.length) + this.original.slice(at, end);
          const first: Mention = { start: from, end: from + pair[1]!.length, type: 'named', key: keyOf(pair[1]! + suffix), family, minor: zone.minor, written: name };
          claim(from, start);
          this.add(first);
          zone.pairedWith = first;
        }
        this.add(zone);
      }
    }
    for (const ref of vocab.zones.references) {
      for (let at = text.indexOf(ref); at >= 0; at = text.indexOf(ref, at + ref.length)) {
        if (free(at, at + ref.length)) this.add({ start: at, end: at + ref.length, type: 'reference', key: null, family: null, minor: false });
      }
    }
    AREA.lastIndex = 0;
    for (let m = AREA.exec(text); m; m = AREA.exec(text)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      if (COMPARED.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
      // 全市唯一, 居全省第一: a rank, not the subject
      if (RANK_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
      // 全国创新创业大赛, 全省评选: an event the zone took part in
      if (EVENT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
      this.add({ start: m.index, end: m.index + m[0].length, type: 'none', key: null, family: null, minor: false });
    }
    this.mentions.sort((a, b) => a.start - b.start);
    this.linkShortForms();

    // the full forms first: a zone is reported by the fullest name the article gives
    for (const m of [...this.mentions.filter((x) => !x.short), ...this.mentions.filter((x) => x.short)]) {
      if (m.type !== 'named') continue;
      const written = m.written ?? this.original.slice(m.start, m.end);
      const z = this.named.get(m.key!);
      if (z) {
        z.names.add(written);
        z.count++;
      } else this.named.set(m.key!, { name: written, names: new Set([written]), count: 1 });
    }
    // 大数据产业园 and 伊信大数据产业园 are one park, named in full
    for (const key of [...this.named.keys()]) {
      const fuller = [...this.named.keys()].find((k) => k !== key && k.length > key.length && k.endsWith(key));
      if (fuller) this.fuller.set(key, fuller);
    }
    // the article's zone: the named major zone mentioned most (a bare 高新区 counts for its family)
    let best = -1;
    for (const [key, z] of this.named) {
      if (!MAJOR.test(key)) continue;
      const generic = this.mentions.filter((m) => m.type !== 'named' && m.family !== null && m.family === familyOf(key)).length;
      const weight = z.count + generic;
      if (weight > best) {
        best = weight;
        this.main = key;
      }
    }
    // no zone proper: the park named most often (青石岭产业园)
    if (this.main === null) {
      // the park named most, or a company named after its zone (香港科技园公司); the first on a tie
      const tally = new Map<string, { count: number; first: number; written: string }>();
      for (const m of this.mentions) {
        if ((m.type !== 'named' && m.type !== 'company') || !m.key) continue;
        const t = tally.get(m.key) ?? { count: 0, first: m.start, written: this.original.slice(m.start, m.end) };
        t.count++;
        tally.set(m.key, t);
      }
      let best: { key: string; count: number; first: number } | null = null;
      for (const [key, t] of tally) if (!best || t.count > best.count || (t.count === best.count && t.first < best.first)) best = { key, ...t };
      if (best) {
        this.mainMinor = best.key;
        if (!this.named.has(best.key)) {
          const written = tally.get(best.key)!.written;
          this.named.set(best.key, { name: written, names: new Set([written]), count: 0 });
        }
      }
    }
    // a bare name written most often stands for its family when no place is ever given (市高新区)
    const tally = new Map<string, Map<string, number>>();
    for (const m of this.mentions) {
      if (m.type !== 'generic' || m.family === null) continue;
      const forms = tally.get(m.family) ?? new Map<string, number>();
      const written = this.original.slice(m.start, m.end);
      forms.set(written, (forms.get(written) ?? 0) + 1);
      tally.set(m.family, forms);
    }
    let most = 0;
    for (const [family, forms] of tally) {
      const [written, n] = [...forms].sort((a, b) => b[1] - a[1])[0]!;
      this.generic.set(`=${family}`, written);
      const total = [...forms.values()].reduce((a, b) => a + b, 0);
      if (total > most && MAJOR.test(family)) {
        most = total;
        this.mainGeneric = `=${family}`;
      }
      void n;
    }
  }

  /**
   * 楠梓园区 after 高雄楠梓科技产业园区: a bare 园区 whose words before it are part of a named zone's
   * place is that zone, in a short form.
   */
  private linkShortForms(): void {
    const text = this.folded;
    const places = [...new Set(this.mentions.filter((m) => m.type === 'named' && m.key).map((m) => m.key!))].map((key) => ({ key, place: key.slice(0, -familyOf(key).length) }));
    for (const m of this.mentions) {
      if (m.type !== 'reference' || !/^园区?$/.test(text.slice(m.start, m.end))) continue;
      for (let k = 4; k >= 2; k--) {
        const words = text.slice(m.start - k, m.start);
        if (m.start - k < 0 || ![...words].every((c) => isHan(c.charCodeAt(0)))) continue;
        // the place's own name, after a city's at most (高雄|楠梓), not a word of its description (科技)
        const zone = INDUSTRY_WORD.test(words) ? undefined : places.find((p) => p.place.length > k && (p.place.startsWith(words) || p.place.slice(2).startsWith(words)));
        if (!zone) continue;
        const named = this.mentions.find((n) => n.key === zone.key)!;
        Object.assign(m, { start: m.start - k, type: 'named', key: zone.key, family: named.family, minor: named.minor, short: true });
        break;
      }
    }
  }

  /**
   * A named zone written once, of the family of a zone the article names far more often, is taken
   * as that zone: its "place" is more likely words before a bare 高新区 than a second zone.
   */
  private dominated(key: string): string {
    if (!this.main || key === this.main || familyOf(key) !== familyOf(this.main)) return key;
    const counts = [...this.named.entries()].filter(([k]) => familyOf(k) === familyOf(this.main!)).map(([, z]) => z.count).sort((a, b) => b - a);
    const mainCount = this.named.get(this.main)!.count;
    return this.named.get(key)!.count === 1 && mainCount >= 2 && mainCount >= 2 * (counts[1] ?? 0) ? this.main : key;
  }

  /** The named zone a bare mention refers to: of its family, the last named before it, else the article's zone. */
  private resolve(m: Mention, pos: number): string | null {
    if (m.type === 'named') return this.dominated(this.fuller.get(m.key!) ?? m.key!);
    if (m.type === 'none') return null;
    let last: string | null = null;
    for (const n of this.mentions) {
      if (n.start >= pos) break;
      if (n.type === 'named' && !n.minor && (m.family === null || m.family === '开发区' || n.family === m.family)) last = n.key;
    }
    // a bare 开发区 is any development zone: like 该区, the one last named
    if (m.family !== null && m.family !== '开发区') {
      const main = this.main && familyOf(this.main) === m.family ? this.main : null;
      const sameFamily = main ?? last ?? [...this.named.keys()].find((k) => familyOf(k) === m.family) ?? null;
      if (sameFamily) return sameFamily;
      // a bare park word (科技园) in an article about a named park is that park
      if (!MAJOR.test(m.family) && this.mainMinor) return this.mainMinor;
      // never named with a place: the name as written most often
      return `=${m.family}`;
    }
    return last ?? this.main ?? this.mainGeneric ?? this.mainMinor;
  }

  /** The zone key of a figure at `pos` in `sentence` and `paragraph`. */
  zoneFor(pos: number, sentence: [number, number], paragraph: [number, number], listIndex = -1): string | null {
    let inSentence: Mention | null = null;
    let afterInSentence: Mention | null = null;
    let subject: Mention | null = null;
    let inParagraph: Mention | null = null;
    let carried: Mention | null = null;
    for (const m of this.mentions) {
      if (m.start >= sentence[1] && m.start >= paragraph[1]) break;
      if (m.type === 'company' || m.partner) continue;
      if (m.end <= pos && m.start >= sentence[0]) inSentence = m;
      else if (m.start >= pos && m.start < sentence[1] && !afterInSentence && m.type === 'named') afterInSentence = m;
      else if (m.end <= pos && m.start >= paragraph[0] && m.type !== 'none') {
        inParagraph = m;
        // the first zone a paragraph names is what it is about (a round-up's section)
        if (!subject && m.type === 'named' && !m.minor) subject = m;
      } else if (m.end <= paragraph[0] && m.type === 'named' && !m.minor && this.leads(m)) carried = m;
    }
    // later in the paragraph, a park inside it or a back-reference still counts; another zone is an aside
    const paragraphZone = subject && inParagraph && inParagraph.type === 'named' && !inParagraph.minor ? subject : inParagraph;
    let chosen = inSentence ?? afterInSentence ?? paragraphZone ?? carried;
    // 元朗及大埔工业邨…分别为97%及92%: the first value is the first place's
    if (chosen === inSentence && chosen?.pairedWith && listIndex === 0) chosen = chosen.pairedWith;
    const key = chosen ? this.resolve(chosen, pos) : (this.main ?? this.mainGeneric ?? this.mainMinor);
    if (key !== null) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    return key;
  }

  /** A named zone that opens its paragraph: the subject of what follows (a round-up's sections). */
  private leads(m: Mention): boolean {
    let i = m.start;
    while (i > 0 && m.start - i < 12 && this.folded[i - 1] !== '\n') i--;
    return i === 0 || this.folded[i - 1] === '\n';
  }

  /** The name reported for a key. */
  nameOf(key: string | null): string | null {
    if (key === null) return null;
    return this.named.get(key)?.name ?? this.generic.get(key) ?? null;
  }

  /** The zones figures were placed in, with every form written and how many figures each holds. */
  zones(): ZoneMention[] {
    const out: ZoneMention[] = [];
    for (const [key, n] of this.counts) {
      const z = this.named.get(key);
      if (z) {
        const names = new Set(z.names);
        for (const m of this.mentions) {
          if (m.type === 'generic' && m.family === familyOf(key)) names.add(this.original.slice(m.start, m.end));
        }
        out.push({ name: z.name, names: [...names], metrics: n });
      } else {
        const family = key.slice(1);
        const names = new Set(this.mentions.filter((m) => m.type === 'generic' && m.family === family).map((m) => this.original.slice(m.start, m.end)));
        out.push({ name: this.generic.get(key)!, names: [...names], metrics: n });
      }
    }
    return out.sort((a, b) => b.metrics - a.metrics);
  }
}
