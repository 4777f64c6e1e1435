/**
 * The metadata a news page carries: title, publication date, source, author, editor, URL.
 *
 * Dates come first from the page's own metadata (meta tags, JSON-LD, <time>, itemprop), then from
 * the byline beside the title (labelled 发布时间/发表于/发布:/时间, or a bare date next to the
 * title or 来源), never from after the article body, where reader comments carry timestamps.
 * Authors come only from real bylines; a site name, user id or URL in meta[name=author] is no
 * author, and no author is better than a guess.
 */
import type { DocMeta } from '../types.js';
import { DATE_IN_TEXT, normalizeDate } from './dates.js';
import { classWords, findAll, isElement, plainText, textOf, walk, type Node } from './tree.js';

/** Meta names and properties that carry the publication date, most trusted first. */
const DATE_META = [
  'article:published_time', 'og:article:published_time', 'og:release_date', 'datePublished', 'pubdate', 'PubDate',
  'publishdate', 'publish_date', 'publishtime', 'publish-time', 'pubtime', 'firstpublishedtime', 'dc.date.issued',
  'DC.date.issued', 'dc.date', 'DC.Date', 'sailthru.date', 'parsely-pub-date', 'weibo:article:create_at', 'created',
  'apub:time', 'Date',
];
/** Script variables of common CMSs (WeChat's `var ct`) holding the publication time. */
const DATE_SCRIPT = /\bvar\s+(?:ct|publish_time|pubtime|publishTime)\s*=\s*["'](\d{10}|\d{4}-\d{1,2}-\d{1,2}[^"']*)["']/;
const DATE_LABEL = /(?:发布时间|發布時間|发表时间|發表時間|发布日期|發布日期|发稿时间|出版时间|更新时间|发表于|發表於|发布于|發布於|发布|發布|时间|時間|日期)\s*[:：]?\s*/;
const LABELLED_DATE = new RegExp(DATE_LABEL.source + '(' + DATE_IN_TEXT.source + ')');
const TITLE_META = ['og:title', 'twitter:title', 'ArticleTitle', 'headline'];
const SOURCE_META = ['og:site_name', 'source', 'ContentSource', 'site_name', 'Copyright'];

const SOURCE_LINE = /(?:来源|來源|稿源|出处|出處)\s*[:：]\s*([^\s|｜丨　]{2,30})/;
/** A Chinese personal name, or a few separated by spaces or 、. */
const NAME = '[\\u4e00-\\u9fa5]{2,4}(?:[·•][\\u4e00-\\u9fa5]{1,6})?';
const NAMES = `${NAME}(?:[ 、，,　]+${NAME}){0,3}`;
/** Bylines: （记者 张三）, 本报记者 李四, 作者：王五, 文/赵六, 文｜赵六, 撰文：钱七. */
/** A reporter: 记者, after an optional outlet (本报, 新华社, 澎湃新闻, 南都) and rank (见习, 特约). */
const REPORTER = '(?:[\\u4e00-\\u9fa5]{0,8}?(?:见习|实习|特约|全媒体)?记者)';
const BYLINES = [
  new RegExp(`[（(]\\s*${REPORTER}\\s*[:：]?\\s*(${NAMES})\\s*(?:整合|综合|编译|报道)?\\s*[）)]`, 'g'),
  new RegExp(`^\\s*${REPORTER}\\s*[:：]?\\s*(${NAMES})(?=\\s*(?:$|\\d|[|｜]))`, 'gm'),
  new RegExp(`(?:作者|撰文|采写|采访|文字)\\s*[:：|｜]\\s*${REPORTER}?\\s*(${NAMES})(?=\\s*(?:$|[|｜）)]|\\d|作者|编辑|责任编辑|来源))`, 'gm'),
  new RegExp(`(?:^|[\\s　（(])文\\s*[/|｜]\\s*(${NAMES})(?=\\s*(?:$|[|｜）)]))`, 'gm'),
];
/** Words that make a "name" an organisation, a site or a desk, not a person. */
const NOT_A_PERSON = /网|報|报|社|新闻|新聞|日报|频道|站|官方|中心|编辑部|传媒|媒体|时报|晚报|财经|科技|公司|集团|政府|委员会|办公|平台|来源|记者|责任|编辑|图片|摄影|整合|综合|编译|消息|整理|未知|网络|供稿|管理员|通讯员|支部|佚名|匿名|小编|本站|原创|搜索|转载|投稿|http|www|\.com|\d|@/i;

function attr(n: Node | undefined, name: string): string | undefined {
  const v = n?.attribs?.[name];
  return v && v.trim() ? v.trim() : undefined;
}

interface MetaTags {
  get(...names: string[]): string | undefined;
}

function metaTags(root: Node): MetaTags {
  const tags = new Map<string, string>();
  for (const m of findAll(root, (n) => n.name === 'meta')) {
    const key = attr(m, 'name') ?? attr(m, 'property') ?? attr(m, 'itemprop');
    const content = attr(m, 'content');
    if (key && content && !tags.has(key.toLowerCase())) tags.set(key.toLowerCase(), content);
  }
  return { get: (...names) => names.map((n) => tags.get(n.toLowerCase())).find((v) => v !== undefined) };
}

function jsonLd(root: Node): Record<string, unknown> {
  for (const el of findAll(root, (n) => n.name === 'script' && attr(n, 'type') === 'application/ld+json')) {
    try {
      const data: unknown = JSON.parse(plainText(el) || (el.children?.[0]?.data ?? ''));
      for (const item of Array.isArray(data) ? data : [data]) {
        if (item && typeof item === 'object' && ('datePublished' in item || 'headline' in item)) return item as Record<string, unknown>;
      }
    } catch {
      // a broken JSON-LD block is furniture, not an error
    }
  }
  return {};
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === 'object' && 'name' in v) return nameOf((v as { name: unknown }).name);
  return undefined;
}

/** What a site or section name is made of: 新华网, 证券时报网, 澎湃新闻, 财经频道, 人民政府, CSDN.NET. */
const SITE_WORD = /网|網|报|報|新闻|新聞|频道|頻道|在线|在線|门户|客户端|政府|官网|电视台|广播|传媒|资讯|财经|科技|汽车|体育|娱乐|文化|国内|国际|社会|观察|号$|^[\x20-\x7e]+$/;

/**
 * Site-name suffixes: 标题-新华网, 标题_证券时报网, 标题 | 澎湃新闻, 标题--文化--人民网 (repeatedly:
 * 标题_财经_网易). A suffix is stripped only when it reads as a site or section name, so
 * 园区发展——专访某某 and 2019-2020年度报告 keep theirs.
 */
export function stripSiteSuffix(title: string, siteName?: string): string {
  let t = title.trim().replace(/[\s\-_|｜—–]+$/, '');
  for (;;) {
    const m = /^(.{4,}?)\s*([-_|｜–]+|—(?!—)|\s-\s)\s*([^-_|｜—–]{1,20})$/.exec(t);
    if (!m) return t;
    const suffix = m[3]!.trim();
    // _ and | end a headline only before a site, section or tag; a dash also inside headlines
    const dash = !/[_|｜]/.test(m[2]!);
    if (dash && (!(SITE_WORD.test(suffix) || (siteName && siteName.includes(suffix))) || /^\d/.test(suffix))) return t;
    t = m[1]!.trim();
  }
}

function pickTitle(root: Node, tags: MetaTags, ld: Record<string, unknown>): string | undefined {
  const og = tags.get(...TITLE_META) ?? (typeof ld.headline === 'string' ? ld.headline : undefined);
  const h1s = findAll(root, (n) => n.name === 'h1').map(plainText).filter((t) => t.length >= 4);
  const titleEl = findAll(root, (n) => n.name === 'title')[0];
  const docTitle = titleEl ? plainText({ type: 'root', children: titleEl.children }) : undefined;
  const key = (t: string) => t.replace(/\s+/g, '');
  // the headline as the page shows it: an <h1> that the <title> starts with
  const headline = docTitle ? h1s.find((h) => key(docTitle).startsWith(key(h))) : undefined;
  const stripped = docTitle ? stripSiteSuffix(docTitle, tags.get(...SOURCE_META.slice(0, 1))) : undefined;
  let title: string | undefined;
  if (og) {
    // an unescaped quote in og:title cuts its content short: a longer title starting with it wins
    title = [headline, stripped].find((t) => t && t.length > og.length && t.startsWith(og)) ?? stripSiteSuffix(og);
  } else title = headline ?? stripped ?? h1s[0];
  return title?.replace(/\s+/g, ' ').trim() || undefined;
}

/** Class or id words of reader-comment areas, whose timestamps are no publication date. */
const COMMENT_WORD = /^(comment|comments|cmt|reply|replies|pinglun|tie|discuss|review|reviews)$/i;

interface PageText {
  /** From the title (or 1,500 characters before the body) to the body's start. */
  before: string;
  /** The first 300 characters of the body. */
  bodyHead: string;
  /** The whole page, reader comments left out. */
  all: string;
  /** Whether `before` starts at the title; if not, the date nearest the body is the byline's. */
  fromTitle: boolean;
}

/** The page's text around the body's start, where bylines and dates stand. */
function pageText(root: Node, body: Node, title: string | undefined): PageText {
  let bodyStart = -1;
  const parts: string[] = [];
  let length = 0;
  walk(root, (n) => {
    if (n === body) bodyStart = length;
    if (isElement(n)) {
      if (/^(script|style|head|title|noscript|template|textarea|select|option)$/i.test(n.name!)) return false;
      if (classWords(n).some((w) => COMMENT_WORD.test(w))) return false;
    }
    if (n.type === 'text') {
      const t = n.data!.replace(/\s+/g, ' ');
      parts.push(t);
      length += t.length;
    } else if (isElement(n) && /^(p|div|br|li|tr|h[1-6]|section|article|table|span|em|time|td)$/i.test(n.name!)) {
      parts.push('\n');
      length++;
    }
  });
  const all = parts.join('');
  const end = bodyStart < 0 ? Math.min(all.length, 3000) : bodyStart;
  let from = Math.max(0, end - 1500);
  // the title nearest before the body
  const at = title ? all.slice(0, end).lastIndexOf(title.slice(0, 10)) : -1;
  if (at >= from) from = at;
  return { before: all.slice(from, end), bodyHead: all.slice(end, end + 300), all, fromTitle: at >= 0 && at === from };
}

/** The first (or last) labelled date of a text that is a calendar date. */
function labelledDate(text: string, last = false): string | undefined {
  const found = [...text.matchAll(new RegExp(LABELLED_DATE.source, 'g'))].map((m) => m[1]!).filter((d) => normalizeDate(d));
  return last ? found.at(-1) : found[0];
}

/** The first (or last) date of a text that is a calendar date. */
function bareDate(text: string, last = false): string | undefined {
  const found = [...text.matchAll(new RegExp(DATE_IN_TEXT.source, 'g'))].map((m) => m[0]).filter((d) => normalizeDate(d));
  return last ? found.at(-1) : found[0];
}

/**
 * The byline's date: labelled beside the title or at the body's head, then a bare date between
 * title and body (without a title in the page, the one nearest the body), then a labelled date anywhere on the page outside reader comments, then a bare
 * date opening the body (government pages: 2019年2月27日下午，…).
 */
function textDate(t: PageText): string | undefined {
  const labelled = labelledDate(t.before, !t.fromTitle) ?? labelledDate(t.bodyHead);
  return labelled ?? bareDate(t.before, !t.fromTitle) ?? labelledDate(t.all) ?? bareDate(t.bodyHead);
}

/** The names a byline opens with, up to the first word that is no name (通讯员, 整合, 摄影). */
function person(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const names: string[] = [];
  for (const word of raw.split(/[ 、，,　]+/).map((s) => s.trim())) {
    if (!new RegExp(`^${NAME}$`).test(word) || NOT_A_PERSON.test(word)) break;
    names.push(word);
  }
  return names.length > 0 ? names.join('、') : undefined;
}

function findAuthor(texts: string[]): string | undefined {
  for (const text of texts) {
    for (const re of BYLINES) {
      for (const m of text.matchAll(re)) {
        // 记者 inside quoted speech is no byline, nor a photographer's credit (记者 张三 摄)
        const before = text.slice(0, m.index);
        if ((before.match(/“/g)?.length ?? 0) > (before.match(/”/g)?.length ?? 0)) continue;
        if (/^\s*(?:摄|图|摄影)/.test(text.slice(m.index + m[0].length))) continue;
        const who = person(m[1]);
        if (who) return who;
      }
    }
  }
  return undefined;
}

/** A notice signed and dated at its end (某某管委会 / 2021年6月18日): a short closing line. */
function signatureDate(bodyText: string): string | undefined {
  const tail = bodyText.split('\n').slice(-3).filter((l) => l.length <= 40);
  return bareDate(tail.join('\n'));
}

export function readMeta(root: Node, body: Node, bodyText: string): DocMeta {
  const tags = metaTags(root);
  const ld = jsonLd(root);
  const meta: DocMeta = {};
  const title = pickTitle(root, tags, ld);
  if (title) meta.title = title;
  const text = pageText(root, body, title);
  const header = text.before + '\n' + text.bodyHead;

  const itemprop = findAll(root, (n) => attr(n, 'itemprop') === 'datePublished' || (n.name === 'time' && !!attr(n, 'datetime')))[0];
  const script = findAll(root, (n) => n.name === 'script' && !attr(n, 'src'))
    .map((n) => DATE_SCRIPT.exec(n.children?.map((c) => c.data ?? '').join('') ?? '')?.[1])
    .find(Boolean);
  const candidates = [
    tags.get(...DATE_META),
    typeof ld.datePublished === 'string' ? ld.datePublished : undefined,
    itemprop ? (attr(itemprop, 'content') ?? attr(itemprop, 'datetime') ?? plainText(itemprop)) : undefined,
    textDate(text),
    script,
    signatureDate(bodyText),
    tags.get('dateUpdate', 'dateModified', 'article:modified_time'),
  ];
  for (const raw of candidates) {
    const date = raw ? normalizeDate(raw) : null;
    if (raw && date) {
      meta.published = date;
      meta.publishedRaw = raw.trim();
      break;
    }
  }

  const source = tags.get(...SOURCE_META.slice(0, 3)) ?? nameOf(ld.publisher) ?? SOURCE_LINE.exec(header)?.[1];
  if (source) meta.source = source.replace(/^(?:来源|來源|稿源)\s*[:：]\s*/, '').trim();

  const lines = bodyText.split('\n');
  const bodyEdges = [...lines.slice(0, 3), ...lines.slice(-3)].join('\n');
  const author = findAuthor([header, bodyEdges]) ?? person(tags.get('author', 'article:author')) ?? person(nameOf(ld.author));
  if (author) meta.author = author;
  const editor = /(?:^|[\s（(\[【])(?:责任编辑|責任編輯|责编|編輯|编辑)\s*[:：/]\s*([\u4e00-\u9fa5·]{2,4}(?:[ 、][\u4e00-\u9fa5·]{2,4})*)(?=$|[\s）)\]】|｜,，。_A-Za-z\d])/m.exec(
    textOf({ type: 'root', children: [body] }).slice(-400) + '\n' + text.all,
  );
  if (editor && person(editor[1])) meta.editor = person(editor[1]);

  const canonical = findAll(root, (n) => n.name === 'link' && attr(n, 'rel') === 'canonical')[0];
  const url = attr(canonical, 'href') ?? tags.get('og:url') ?? (typeof ld.url === 'string' ? ld.url : undefined);
  if (url) meta.url = url;
  return meta;
}
