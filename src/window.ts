/**
 * Very large texts (a dump of concatenated articles) are analysed a window at a time, so memory
 * does not grow with the text: each window ends at a paragraph boundary (a line break), the
 * document's state is carried from one window to the next, and spans are moved back into the
 * coordinates of the whole text.
 *
 * What crosses windows: the document's state (DocContext: the local currency, read from the
 * window where it is first needed; a declared currency or scale, 下同) and the script, merged
 * over the windows; zones, merged; the publication date, given. What does not: sentences and
 * labels never cross a line break, so they are unaffected; the zone, period and when a figure
 * takes from earlier paragraphs (attribution keeps that context within one call: not yet
 * carried); the last count (a break ends its reach anyway); checks compare figures
 * within one window only, and come window by window; a paragraph longer than a window is cut at
 * a sentence end, or, failing one, at the window's edge.
 */
import { analyzePart, DocContext, type Analysis, type AnalyzeOptions } from './analyze.js';
import type { Script } from './types.js';

// 64K characters hold any ordinary article whole; larger windows cost more in the checks, some of
// which compare figures pairwise (on a 3 MB dump: 3.8 s with 64K windows, 5.0 s with 256K)
const DEFAULT_WINDOW = 65_536;

/** The window size in characters: the option, else ZONEFACTS_WINDOW_CHARS, else 65,536. */
export function windowChars(options: AnalyzeOptions = {}): number {
  const env = Number(process.env.ZONEFACTS_WINDOW_CHARS);
  return options.windowChars ?? (Number.isInteger(env) && env > 0 ? env : DEFAULT_WINDOW);
}

/** One window's analysis, spans in whole-text coordinates, check indices counted from the first window's first metric. */
export interface WindowAnalysis extends Analysis {
  /** Where the window starts in the whole text, and its length. */
  offset: number;
  chars: number;
}

const SENTENCE_END = /[。！？!?]/g;

/** Where to end a window of `buf` (at most `max` characters): after its last line break, else its last sentence end. */
function cut(buf: string, max: number): number {
  const line = buf.lastIndexOf('\n', max - 1);
  if (line > 0) return line + 1;
  let end = 0;
  SENTENCE_END.lastIndex = Math.max(0, max - 4096);
  for (let m = SENTENCE_END.exec(buf); m && m.index < max; m = SENTENCE_END.exec(buf)) end = m.index + 1;
  if (end > 0) return end;
  // never split a surrogate pair
  const c = buf.charCodeAt(max - 1);
  return c >= 0xd800 && c <= 0xdbff ? max - 1 : max;
}

function mergeScript(a: Script, b: Script): Script {
  if (a === 'none' || a === b) return b;
  if (b === 'none') return a;
  return 'mixed';
}

/**
 * Analyses text given as a sequence of pieces (a whole string, or chunks decoded from a stream),
 * yielding one analysis per window. Holds at most one window plus one piece in memory.
 */
export function* analyzeWindows(pieces: Iterable<string>, options: AnalyzeOptions = {}): Generator<WindowAnalysis> {
  const max = windowChars(options);
  const ctx = new DocContext();
  let buf = '';
  let offset = 0;
  let metricBase = 0;
  let script: Script = 'none';
  const run = (text: string): WindowAnalysis => {
    const part = analyzePart(text, ctx, options);
    script = mergeScript(script, part.script);
    for (const m of part.metrics) {
      m.span = [m.span[0] + offset, m.span[1] + offset];
      m.sentenceSpan = [m.sentenceSpan[0] + offset, m.sentenceSpan[1] + offset];
    }
    for (const c of part.checks) {
      c.metrics = c.metrics.map((i) => i + metricBase);
      c.spans = c.spans.map(([a, b]) => [a + offset, b + offset]);
    }
    const out: WindowAnalysis = { script, metrics: part.metrics, zones: part.zones, checks: part.checks, offset, chars: text.length };
    metricBase += part.metrics.length;
    offset += text.length;
    ctx.endWindow();
    return out;
  };
  for (const piece of pieces) {
    buf = buf.length === 0 ? piece : buf + piece;
    while (buf.length > max) {
      const end = cut(buf, max);
      const text = buf.slice(0, end);
      buf = buf.slice(end);
      yield run(text);
    }
  }
  if (buf.length > 0 || offset === 0) yield run(buf);
}
