/**
 * `published`: the publication date of an article as YYYY-MM-DD, from a byline or dateline near
 * the top of its text (2023-11-03 09:53:59 来源:…, 发布时间：2023年11月3日), or from whatever date
 * string the page metadata or an input record holds.
 */

const NUMERIC = /(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?(?!\d)/;
const NUMERIC_ALL = new RegExp(NUMERIC.source, 'g');
/** A line that is a byline: it names the source, the time or the writer. */
const BYLINE = /来源|來源|发布|發布|时间|時間|日期|稿源|作者|编辑|編輯|记者|記者|责编|責編|浏览|瀏覽|\d{1,2}:\d{2}/;
/** How far into the text a byline may be. */
const HEAD = 600;

function valid(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Any date string (2023-11-03T09:53:59+08:00, 2023/11/3, 2023年11月3日, RFC 2822) as YYYY-MM-DD, or null. */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  const m = NUMERIC.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/[a-z]/i.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10);
  }
  return null;
}

/** The date of a byline or dateline near the top of the text, or null. */
export function bylineDate(text: string): string | null {
  const head = text.slice(0, HEAD);
  NUMERIC_ALL.lastIndex = 0;
  for (let m = NUMERIC_ALL.exec(head); m; m = NUMERIC_ALL.exec(head)) {
    const lineStart = head.lastIndexOf('\n', m.index) + 1;
    let lineEnd = head.indexOf('\n', m.index);
    if (lineEnd < 0) lineEnd = head.length;
    const line = head.slice(lineStart, lineEnd);
    // 2023-11-03 on its own, or in a line that is a byline; a date in running text is an event
    const numeric = !/年/.test(m[0]);
    if ((numeric && line.length < 80) || BYLINE.test(line) || line.trim().length <= m[0].length + 4) {
      const d = valid(Number(m[1]), Number(m[2]), Number(m[3]));
      if (d) return d;
    }
  }
  return null;
}
