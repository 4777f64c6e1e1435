/**
 * The parsed page as a plain tree, walked without recursion: pages nested hundreds of thousands
 * of levels deep (broken generators emit them) cost time linear in their size and no stack.
 *
 * Per element it keeps what the block scoring and furniture rules need: visible characters,
 * characters inside links, and sentence punctuation, over the element's whole subtree.
 */
import { createRequire } from 'node:module';

export interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  parent?: Node | null;
}

export interface Stats {
  /** Visible non-space characters. */
  chars: number;
  /** Of which inside <a>. */
  link: number;
  /** Sentence punctuation (Chinese and Western). */
  punct: number;
}

type CheerioSlim = typeof import('cheerio/slim');
let cheerio: CheerioSlim | undefined;

/** Parses HTML into a DOM tree (htmlparser2 through cheerio's slim build, loaded on first use). */
export function parse(html: string): Node {
  cheerio ??= createRequire(import.meta.url)('cheerio/slim') as CheerioSlim;
  return cheerio.load(flattenDeep(html)).root()[0] as unknown as Node;
}

/** Deeper than this, wrappers carry no structure worth keeping. */
const MAX_DEPTH = 400;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const TAG = /<!--[\s\S]*?-->|<(script|style|textarea)\b[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;

/**
 * Drops the tags nested deeper than MAX_DEPTH, keeping their text. The parser keeps its open
 * elements in an array it shifts and unshifts, so a page nested 200,000 levels deep (broken
 * generators emit them) would take quadratic time; flattened, it parses in linear time.
 */
export function flattenDeep(html: string): string {
  let depth = 0;
  let dropped = 0;
  let cuts: Array<[number, number]> | undefined;
  for (const m of html.matchAll(TAG)) {
    const name = m[3]?.toLowerCase();
    if (!name || VOID.has(name) || m[4]) continue;
    if (m[2]) {
      if (dropped > 0) {
        dropped--;
        (cuts ??= []).push([m.index, m.index + m[0].length]);
      } else if (depth > 0) depth--;
    } else if (depth >= MAX_DEPTH) {
      dropped++;
      (cuts ??= []).push([m.index, m.index + m[0].length]);
    } else depth++;
  }
  if (!cuts) return html;
  const parts: string[] = [];
  let at = 0;
  for (const [a, b] of cuts) {
    parts.push(html.slice(at, a));
    at = b;
  }
  parts.push(html.slice(at));
  return parts.join('');
}

/** Elements whose content is never visible text. */
export const INVISIBLE = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'iframe', 'button', 'select', 'option', 'textarea', 'svg', 'canvas',
  'template', 'object', 'embed', 'input', 'map', 'audio', 'video',
]);

export const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'dd', 'dt', 'dl', 'figure', 'figcaption', 'hr', 'center', 'tbody', 'thead', 'form', 'header',
  'footer', 'nav', 'aside', 'td', 'th', 'body', 'html', 'fieldset', 'address',
]);

const CELL = new Set(['td', 'th']);
/**
 * Sentence punctuation, what prose has and menus, code, addresses and footers lack: the Chinese
 * marks, and Western ones only where a space follows them as in running English.
 */
export const PUNCT = /[，。！？；、“”‘’…]|[,.!?;](?=\s)/g;

export function isElement(n: Node): boolean {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/** The words of an element's class and id: js_img_share_area → js, img, share, area. */
export function classWords(n: Node): string[] {
  const a = n.attribs ?? {};
  return `${a.class ?? ''} ${a.id ?? ''}`.split(/[\s_-]+/).filter(Boolean);
}

/** Hidden by its own markup: display:none, visibility:hidden, the hidden attribute. */
export function isHidden(n: Node): boolean {
  const a = n.attribs;
  if (!a) return false;
  if ('hidden' in a) return true;
  const style = a.style;
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

export function skipped(n: Node): boolean {
  return isElement(n) && (INVISIBLE.has(n.name!.toLowerCase()) || isHidden(n));
}

/**
 * Visits every visible node in document order. `enter` returns false to skip a subtree; `leave`
 * is called after an element's children. No recursion.
 */
export function walk(root: Node, enter: (n: Node) => boolean | void, leave?: (n: Node) => void): void {
  const stack: Array<{ n: Node; out: boolean }> = [{ n: root, out: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.out) {
      leave?.(top.n);
      continue;
    }
    if (enter(top.n) === false) continue;
    const kids = top.n.children;
    if (kids && kids.length > 0) {
      stack.push({ n: top.n, out: true });
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ n: kids[i]!, out: false });
    } else leave?.(top.n);
  }
}

/** Characters, link characters and punctuation of every visible element's subtree. */
export function measure(root: Node): Map<Node, Stats> {
  const stats = new Map<Node, Stats>();
  let inLink = 0;
  walk(
    root,
    (n) => {
      if (skipped(n)) return false;
      if (n.type === 'text') {
        const t = n.data!.replace(/\s+/g, '');
        if (t.length === 0) return;
        const punct = n.data!.match(PUNCT)?.length ?? 0;
        const p = n.parent;
        if (p) {
          const s = stats.get(p) ?? { chars: 0, link: 0, punct: 0 };
          s.chars += t.length;
          s.punct += punct;
          if (inLink > 0) s.link += t.length;
          stats.set(p, s);
        }
      } else if (isElement(n)) {
        if (!stats.has(n)) stats.set(n, { chars: 0, link: 0, punct: 0 });
        if (n.name === 'a') inLink++;
      }
    },
    (n) => {
      if (!isElement(n) && n.type !== 'root') return;
      if (n.name === 'a') inLink--;
      const s = stats.get(n);
      const p = n.parent;
      if (!s || !p) return;
      const ps = stats.get(p) ?? { chars: 0, link: 0, punct: 0 };
      ps.chars += s.chars;
      ps.link += s.link;
      ps.punct += s.punct;
      stats.set(p, ps);
    },
  );
  return stats;
}

/** The text of a subtree, blocks on their own lines, table cells apart; `skip` prunes subtrees. */
export function textOf(root: Node, skip: (n: Node) => boolean = () => false): string {
  const out: string[] = [];
  walk(
    root,
    (n) => {
      if (n !== root && (skipped(n) || skip(n))) return false;
      if (n.type === 'text') out.push(n.data!.replace(/[ \t\r\n\f]+/g, ' '));
      else if (isElement(n) && BLOCK.has(n.name!.toLowerCase()) && !CELL.has(n.name!.toLowerCase())) out.push('\n');
    },
    (n) => {
      if (!isElement(n)) return;
      const name = n.name!.toLowerCase();
      // table cells stay on their row's line, apart: 215.6 and 8.2 must not run into 215.68.2
      if (CELL.has(name)) out.push('\t');
      else if (BLOCK.has(name)) out.push('\n');
    },
  );
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/\u00a0/g, ' ').replace(/[ \t]*\t[ \t]*/g, '\t').replace(/^\t+|\t+$/g, '').trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

/** Concatenated text of a subtree with no line structure (for short things: titles, attributes). */
export function plainText(root: Node): string {
  const out: string[] = [];
  walk(root, (n) => {
    if (n !== root && skipped(n)) return false;
    if (n.type === 'text') out.push(n.data!);
  });
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** Elements matching a test, in document order (hidden ones included when `all`). */
export function findAll(root: Node, test: (n: Node) => boolean): Node[] {
  const found: Node[] = [];
  walk(root, (n) => {
    if (isElement(n) && test(n)) found.push(n);
  });
  return found;
}
