/**
 * HTML → the article body as text, plus the metadata the page carries.
 *
 * The body is the block with the densest prose, scored per text block as the Chinese-news
 * extractors do: characters, sentence punctuation, and the share of the text inside links.
 * Furniture (navigation, share bars, related-news lists, comment threads, recommendation boxes)
 * is recognised by what it is, a furniture element or class holding little of the page's prose or
 * mostly links, never by a substring of a class name alone; hidden blocks are not prose. Lines
 * that are furniture (copyright, ICP numbers, view counters, 打印本页) are dropped when they are
 * short furniture lines, not when a sentence of the article happens to mention them.
 *
 * Every walk over the tree is iterative (see tree.ts): deeply nested pages cost linear time.
 */
import type { DocMeta } from '../types.js';
import { readMeta } from './meta.js';
import { BLOCK, classWords, isElement, measure, parse, PUNCT, textOf, walk, type Node, type Stats } from './tree.js';

export interface HtmlDoc {
  text: string;
  meta: DocMeta;
}

/** Elements that are page furniture by their tag. */
const FURNITURE_TAG = new Set(['nav', 'header', 'footer', 'aside']);
/** Class or id words that name page furniture (matched as whole words of the class/id). */
const FURNITURE_WORD =
  /^(nav|navbar|navigation|menu|footer|foot|header|head|share|sharebar|bdsharebuttonbox|bdshare|comment|comments|cmt|reply|replies|breadcrumb|crumb|crumbs|sidebar|side|aside|advert|ad|ads|adv|banner|copyright|related|relate|recommend|recommendation|recom|toolbar|tool|tools|login|search|topbar|gotop|print|friendlink|links|hot|hotnews|rank|ranking|tags|tag|pager|pagination|statement|disclaimer|tuijian|xiangguan|pinglun|fenxiang|daohang|guanggao|remen|youqing|lianjie)$/i;
/** Lines that are page furniture when they stand alone. */
const FURNITURE_LINE =
  /版权所有|版權所有|Copyright|©|ICP备|ICP證|ICP证|公网安备|公網安備|浏览次数|瀏覽次數|阅读次数|閱讀次數|点击数|打印本页|打印本頁|关闭窗口|關閉窗口|分享到|扫一扫|掃一掃|【字体|字号[:：]|网站地图|联系我们|Powered by|上一篇|下一篇|责任编辑|責任編輯|许可证编号|許可證編號|举报电话|舉報電話|相关阅读|相关新闻|相关推荐|热门推荐|猜你喜欢|网友评论|我要评论|发表评论|查看评论|点击(?:投票|查看|进入|阅读|下载|这里)|长按识别|扫码关注|关注公众号|点【在看】|点个在看/i;
/** Sentence-ending punctuation. */
const SENTENCE_END = /[。！？!?]/;
const PARAGRAPH_TAG = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dd', 'dt', 'blockquote', 'figcaption']);

/** Tag or class says furniture. */
function namedFurniture(n: Node): boolean {
  const name = n.name!.toLowerCase();
  return FURNITURE_TAG.has(name) || classWords(n).some((w) => FURNITURE_WORD.test(w));
}

const nonLink = (s: Stats | undefined) => (s ? s.chars - s.link : 0);

/** How much a block's own text (not its child blocks') says "article prose". */
function blockScore(chars: number, link: number, punct: number): number {
  const own = chars - link;
  if (own < 8 || chars === 0) return 0;
  const linkShare = link / chars;
  if (linkShare > 0.5) return 0;
  if (punct === 0 && own < 40) return 0;
  return (own + 6 * Math.min(punct, own / 4)) * (1 - linkShare) * (1 - linkShare) * (punct === 0 ? 0.5 : 1);
}

interface Page {
  stats: Map<Node, Stats>;
  /** Elements that are furniture and hold little of the page's prose, or are mostly links. */
  furniture: Set<Node>;
}

function furnitureOf(root: Node, stats: Map<Node, Stats>): Set<Node> {
  const total = Math.max(1, nonLink(stats.get(root)));
  const furniture = new Set<Node>();
  walk(root, (n) => {
    if (!isElement(n) || !stats.has(n)) return;
    const s = stats.get(n)!;
    // mostly links and little prose of its own: a link list (a block mostly of links that still
    // holds a good deal of punctuated prose is looked into, not dropped whole)
    const prose = nonLink(s);
    const linkList = s.chars >= 20 && s.link / s.chars > 0.6 && (prose < 150 || s.punct < prose / 40) && BLOCK.has(n.name!.toLowerCase());
    if (linkList || (namedFurniture(n) && nonLink(s) < 0.4 * total)) {
      furniture.add(n);
      return false;
    }
  });
  return furniture;
}

/**
 * Scores every block: a run of text belongs to its nearest block ancestor (its owner). An owner
 * that is a paragraph, or holds one run, credits its parent in full and its grandparent by half;
 * an owner that holds several runs split by <br> is itself a container of paragraphs, and is
 * credited in full, its parent by half. Each <br> ends a run; it does not credit the text again.
 */
function bestContainer(root: Node, page: Page): Node[] {
  const own = new Map<Node, { chars: number; link: number; punct: number; runs: number }>();
  const ownerStack: Node[] = [root];
  const linkDepth: number[] = [0];
  walk(
    root,
    (n) => {
      if (page.furniture.has(n)) return false;
      if (n.type === 'text') {
        const t = n.data!.replace(/\s+/g, '');
        if (!t) return;
        const o = ownerStack[ownerStack.length - 1]!;
        const s = own.get(o) ?? { chars: 0, link: 0, punct: 0, runs: 1 };
        s.chars += t.length;
        s.punct += n.data!.match(PUNCT)?.length ?? 0;
        if (linkDepth[linkDepth.length - 1]! > 0) s.link += t.length;
        own.set(o, s);
        return;
      }
      if (!isElement(n) || !page.stats.has(n)) return n.type === 'root' ? undefined : false;
      const name = n.name!.toLowerCase();
      if (name === 'br') {
        const o = ownerStack[ownerStack.length - 1]!;
        const s = own.get(o);
        if (s) s.runs++;
        return;
      }
      if (BLOCK.has(name)) ownerStack.push(n);
      linkDepth.push(linkDepth[linkDepth.length - 1]! + (name === 'a' ? 1 : 0));
    },
    (n) => {
      if (!isElement(n) || !page.stats.has(n) || n.name === 'br') return;
      if (BLOCK.has(n.name!.toLowerCase())) ownerStack.pop();
      linkDepth.pop();
    },
  );
  const scores = new Map<Node, number>();
  const credit = (n: Node | null | undefined, points: number) => {
    if (n && n.type !== 'root') scores.set(n, (scores.get(n) ?? 0) + points);
  };
  for (const [o, s] of own) {
    const points = blockScore(s.chars, s.link, s.punct);
    if (points === 0) continue;
    const paragraph = PARAGRAPH_TAG.has(o.name?.toLowerCase() ?? '') || s.runs < 2;
    if (paragraph) {
      credit(o.parent, points);
      credit(o.parent?.parent, points / 2);
    } else {
      credit(o, points);
      credit(o.parent, points / 2);
    }
  }
  let best: Node | undefined;
  let bestScore = 0;
  for (const [n, score] of scores) {
    if (score > bestScore) {
      best = n;
      bestScore = score;
    }
  }
  if (!best) return [root];
  // an article split into sibling blocks (text, a picture or an ad, more text): the siblings
  // that score near the best block belong to it
  const siblings = (best.parent?.children ?? [best]).filter(
    (n) => n === best || (!page.furniture.has(n) && (scores.get(n) ?? 0) >= SIBLING_SHARE * bestScore),
  );
  return siblings;
}

/** A sibling block scoring at least this share of the best block's score is part of the article. */
const SIBLING_SHARE = 0.5;

/** A line of prose: it holds sentence punctuation, or is long enough to be one. */
const prose = (line: string) => /[，。！？；：,.!?;]/.test(line) || line.length >= 30;
/** Byline lines: a date, 来源, 作者, 编辑, in a short line. */
const BYLINE_LINE = /^(?:[\s|｜]*(?:发布时间|发布日期|发表时间|发表于|发布于|时间|日期|来源|來源|作者|记者|编辑|责任编辑|阅读|浏览)\s*[:：]?.*|\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*[\d:]*.*)$/;

/** Breadcrumbs (您所在的位置：首页 > 新闻) and disclaimers (声明：…) at the body's edges. */
const EDGE_LINE = /^(?:您所在的位置|您的位置|当前位置|所在位置|(?:免责|特别|版权)?声明\s*[:：])|^[^。！？]{0,20}(?:\s*[>›»]\s*[^>›»。！？]{1,12}){2,}$/;

/**
 * Trims the body's head and tail of what is not the article: the title repeated, byline lines,
 * breadcrumbs, labels and buttons (short lines with no punctuation) before the first paragraph
 * of prose and after the last one.
 */
function trimEdges(lines: string[], title: string | undefined): string[] {
  const key = (s: string) => s.replace(/\s+/g, '');
  const t = title ? key(title) : '';
  const furniture = (line: string) => {
    const k = key(line);
    if (t && (k === t || (k.length >= 6 && (t.includes(k) || k.endsWith(t))))) return true;
    if (/^(?:免责|特别|版权)?声明\s*[:：]/.test(line)) return true;
    if (line.length < 60 && (BYLINE_LINE.test(line) || EDGE_LINE.test(line))) return true;
    return !prose(line) && !line.includes('\t') && line.length < 20;
  };
  let a = 0;
  let b = lines.length;
  while (a < b && furniture(lines[a]!)) a++;
  while (b > a && furniture(lines[b - 1]!)) b--;
  return lines.slice(a, b);
}

/** The desk editor's line (责任编辑：张三): the last line of a Chinese news article. */
const EDITOR_LINE = /^[（(\[【]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]/;

/**
 * Drops furniture lines, a second copy of a paragraph already given, and whatever follows the
 * editor's line in the second half of the article (teasers of other articles).
 */
function cleanLines(text: string): string {
  const seen = new Set<string>();
  const all = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    if (EDITOR_LINE.test(line) && line.length < 40) {
      if (i >= all.length / 2) break;
      continue;
    }
    // a furniture phrase makes a furniture line when it opens a short line or one that is no
    // sentence; an article sentence that mentions 分享到 or 版权所有 stays
    const furniture = FURNITURE_LINE.exec(line);
    if (furniture && (furniture.index < 3 || line.length < 30 || !SENTENCE_END.test(line))) continue;
    // a sentence given twice is a second copy; code and table lines may well repeat
    const key = line.replace(/\s+/g, '');
    if (key.length >= 20 && /[，。！？]/.test(key)) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(line);
  }
  return out.join('\n');
}

export function htmlToDoc(html: string): HtmlDoc {
  const root = parse(html);
  const stats = measure(root);
  const page: Page = { stats, furniture: furnitureOf(root, stats) };
  const parts = bestContainer(root, page);
  const body = parts[0]!;
  const total = Math.max(1, ...parts.map((n) => nonLink(stats.get(n))));
  // inside the body, furniture is what the whole page calls furniture, or a furniture element
  // holding a small part of the body's own prose
  const cut = (n: Node) =>
    page.furniture.has(n) || (isElement(n) && stats.has(n) && namedFurniture(n) && nonLink(stats.get(n)) < 0.3 * total);
  const raw = cleanLines(parts.map((n) => textOf(n, cut)).join('\n'));
  const meta = readMeta(root, body, raw);
  const text = trimEdges(raw.split('\n'), meta.title).join('\n');
  return { text, meta };
}

/** Does this look like HTML rather than plain text? */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 65536).toLowerCase();
  let i = 0;
  while (i < head.length && i < 2048 && /\s|\uFEFF/.test(head[i]!)) i++;
  if (head[i] === '<' && (head.startsWith('<!doctype html', i) || head.startsWith('<html', i))) return true;
  // a saved page may start with a wrapper line, or a long <script> or <table> before any
  // telling tag: HTML when structural tags appear and markup is a fair share of the start
  const tags = head.match(/<\/?(?:html|head|body|meta|title|div|p|br|table|tr|td|span|a|script|style|link|ul|li|h[1-6])(?:\s[^<>]*)?\/?>/g);
  if (!tags || tags.length < 3) return false;
  const structural = /<(?:html|head|body|meta|title|div|p|table|script|style|link)[\s>/]/.test(head);
  return structural && tags.some((t) => t.startsWith('</'));
}
