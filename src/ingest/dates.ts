/**
 * Publication dates as pages write them → `YYYY-MM-DD`, with `THH:MM` when the time is known.
 *
 * Reads ISO stamps (2019-09-07T13:43:45+08:00), Chinese dates (2018年6月5日 08:30), dashed,
 * slashed and dotted dates (2020-04-16 10:02, 2021/6/18, 2021.06.18) and Unix timestamps in
 * seconds or milliseconds. A date that is not a calendar date (month 13, day 32) is no date.
 */

/** A date as written in running text: year, month, day, optional time. */
export const DATE_IN_TEXT =
  /((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?(?:\s*T?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?/;

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or null when the string holds no calendar date. */
export function normalizeDate(raw: string): string | null {
  const s = raw.trim();
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = Number(s) * (s.length === 10 ? 1000 : 1);
    // pages stamped in seconds are Chinese pages: show the date as read in China (UTC+8)
    const d = new Date(ms + 8 * 3600 * 1000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  }
  const m = DATE_IN_TEXT.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!valid(y, mo, d)) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (m[4] === undefined) return date;
  const [h, mi] = [Number(m[4]), Number(m[5])];
  return h < 24 && mi < 60 ? `${date}T${pad(h)}:${pad(mi)}` : date;
}
