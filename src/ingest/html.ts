/**
 * HTML → the article body as text, plus the metadata the page carries.
 *
 * The body is the element whose paragraphs hold the most text (links count against it), after
 * scripts, navigation, footers, share bars, ads and comments are dropped. Block elements and
 * <br> become line breaks, entities are decoded, and furniture lines (copyright, ICP numbers,
 * view counters, 打印本页/关闭窗口) are dropped.
 *
 * cheerio is loaded on first use only, so plain-text runs never pay for it. Its slim build
 * (htmlparser2) is forgiving of the broken markup that saved news pages are full of.
 */
import { createRequire } from 'node:module';
import type { DocMeta } from '../types.js';

type CheerioSlim = typeof import('cheerio/slim');
type CheerioAPI = ReturnType<CheerioSlim['load']>;
type Selection = ReturnType<CheerioAPI>;

let cheerio: CheerioSlim | undefined;
function load(html: string): CheerioAPI {
  cheerio ??= createRequire(import.meta.url)('cheerio/slim') as CheerioSlim;
  return cheerio.load(html);
}

export interface HtmlDoc {
  text: string;
  meta: DocMeta;
}

const DROP = 'head, title, script, style, noscript, iframe, nav, header, footer, aside, form, button, select, textarea, svg, canvas, template, object, embed';
const FURNITURE_CLASS =
  /(^|[\s_-])(nav|navbar|menu|footer|header|share|sharebar|bdsharebuttonbox|comment|comments|breadcrumb|crumb|sidebar|side|advert|ad|ads|adv|banner|copyright|related|recommend|toolbar|login|search|topbar|gotop|print|tools|friendlink|links)([\s_-]|$)/i;
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'dd', 'dt', 'dl', 'figure', 'figcaption', 'hr', 'center', 'tbody', 'thead',
]);
/** Lines that are page furniture, not article text. */
const FURNITURE_LINE =
  /版权所有|版權所有|Copyright|©|ICP备|ICP證|ICP证|公网安备|公網安備|浏览次数|瀏覽次數|阅读次数|閱讀次數|点击数|打印本页|打印本頁|关闭窗口|關閉窗口|分享到|扫一扫|掃一掃|【字体|字号[:：]|网站地图|联系我们|Powered by|上一篇|下一篇|责任编辑|責任編輯|许可证编号|許可證編號|举报电话|舉報電話/i;

function attr(s: Selection, name: string): string | undefined {
  const v = s.attr(name);
  return v && v.trim() ? v.trim() : undefined;
}

function metaContent($: CheerioAPI, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = attr($(`meta[name="${n}"], meta[property="${n}"], meta[itemprop="${n}"]`).first(), 'content');
    if (v) return v;
  }
  return undefined;
}

function jsonLd($: CheerioAPI): Record<string, unknown> {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    try {
      const data: unknown = JSON.parse($(el).text());
      const items = Array.isArray(data) ? data : [data];
      for (const item of items) {
        if (item && typeof item === 'object' && ('datePublished' in item || 'headline' in item)) {
          return item as Record<string, unknown>;
        }
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

const BYLINE_TIME = /(?:发布时间|發布時間|发布日期|發布日期|时间|時間|日期)[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)/;
const BYLINE_SOURCE = /(?:来源|來源|稿源)[:：]\s*([^\s|｜丨　]{2,30})/;
const BYLINE_AUTHOR = /(?:作者|记者|記者)[:：]\s*([^\s|｜丨　]{2,20})/;

function metadata($: CheerioAPI, bylineText: string): DocMeta {
  const ld = jsonLd($);
  const meta: DocMeta = {};
  const title =
    metaContent($, 'og:title', 'twitter:title', 'ArticleTitle') ?? (typeof ld.headline === 'string' ? ld.headline : undefined) ??
    ($('h1').first().text().trim() || $('title').first().text().trim() || undefined);
  if (title) meta.title = title.replace(/\s+/g, ' ');
  const published =
    metaContent($, 'article:published_time', 'pubdate', 'PubDate', 'publishdate', 'publish_date', 'datePublished') ??
    (typeof ld.datePublished === 'string' ? ld.datePublished : undefined) ?? BYLINE_TIME.exec(bylineText)?.[1];
  if (published) meta.published = published;
  const source = metaContent($, 'og:site_name', 'source', 'ContentSource') ?? nameOf(ld.publisher) ?? BYLINE_SOURCE.exec(bylineText)?.[1];
  if (source) meta.source = source;
  const author = metaContent($, 'author', 'article:author') ?? nameOf(ld.author) ?? BYLINE_AUTHOR.exec(bylineText)?.[1];
  if (author) meta.author = author;
  const url = attr($('link[rel="canonical"]').first(), 'href') ?? metaContent($, 'og:url') ?? (typeof ld.url === 'string' ? ld.url : undefined);
  if (url) meta.url = url;
  return meta;
}

/** Text of an element with block boundaries as line breaks. */
function blockText($: CheerioAPI, root: Selection, dropFurniture = true): string {
  const out: string[] = [];
  const walk = (nodes: ReturnType<Selection['contents']>) => {
    nodes.each((_, node) => {
      if (node.type === 'text') {
        out.push((node as unknown as { data: string }).data.replace(/[ \t\r\n\f]+/g, ' '));
      } else if (node.type === 'tag') {
        const name = (node as unknown as { name: string }).name.toLowerCase();
        const block = BLOCK.has(name);
        if (block) out.push('\n');
        walk($(node).contents());
        if (block) out.push('\n');
        // table cells stay on their row's line, apart: 215.6 and 8.2 must not run into 215.68.2
        else if (name === 'td' || name === 'th') out.push('\t');
      }
    });
  };
  walk(root.contents());
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/\u00a0/g, ' ').replace(/[ \t]*\t[ \t]*/g, '\t').trim())
    .filter((l) => l.length > 0 && !(dropFurniture && FURNITURE_LINE.test(l)))
    .join('\n');
}

/** The element whose paragraphs hold the most text, links counting against it. */
function bestContainer($: CheerioAPI): Selection {
  const scores = new Map<unknown, { el: Selection; score: number }>();
  const credit = (el: Selection, points: number) => {
    const node = el.get(0);
    if (!node) return;
    const entry = scores.get(node) ?? { el, score: 0 };
    entry.score += points;
    scores.set(node, entry);
  };
  $('p, br').each((_, node) => {
    const p = $(node);
    const holder = node.type === 'tag' && (node as unknown as { name: string }).name === 'br' ? p.parent() : p;
    const text = holder.text().replace(/\s+/g, '');
    const linkText = holder.find('a').text().replace(/\s+/g, '').length;
    const points = Math.max(0, text.length - 2 * linkText);
    if (points < 10) return;
    const parent = node.type === 'tag' && (node as unknown as { name: string }).name === 'br' ? holder : holder.parent();
    credit(parent, points);
    credit(parent.parent(), points / 2);
  });
  if (scores.size === 0) {
    // No paragraphs: pages that put each paragraph in its own <div> or <td>. Credit the parents
    // of blocks whose own text (not their children's) is prose-length.
    $('div, td, section, li').each((_, node) => {
      const el = $(node);
      const own = el
        .contents()
        .toArray()
        .filter((c) => c.type === 'text')
        .map((c) => (c as unknown as { data: string }).data)
        .join('')
        .replace(/\s+/g, '');
      if (own.length >= 15) credit(el.parent(), own.length);
    });
  }
  let best: { el: Selection; score: number } | undefined;
  for (const entry of scores.values()) if (!best || entry.score > best.score) best = entry;
  return best ? best.el : $('body').length ? $('body') : $.root();
}

export function htmlToDoc(html: string): HtmlDoc {
  const $ = load(html);
  const bylineText = blockText($, $('body').length ? $('body') : $.root(), false).slice(0, 20000);
  const meta = metadata($, bylineText);
  $(DROP).remove();
  $('*').each((_, node) => {
    const el = $(node);
    const tag = `${el.attr('class') ?? ''} ${el.attr('id') ?? ''}`;
    if (FURNITURE_CLASS.test(tag) && el.text().length < 2000) el.remove();
  });
  const text = blockText($, bestContainer($));
  return { text, meta };
}

/** Does this look like HTML rather than plain text? */
export function looksLikeHtml(text: string): boolean {
  // plain text (nearly every article) is told at its first visible character
  let i = 0;
  while (i < text.length && i < 2048 && /\s|\uFEFF/.test(text[i]!)) i++;
  if (text[i] !== '<') return false;
  const head = text.slice(i, 2048).toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(?:body|div|p|head|meta)[\s>]/.test(head);
}
