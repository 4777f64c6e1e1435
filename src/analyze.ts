/**
 * The pipeline for one text, one call per stage: normalize → extract → attribute → check → bound.
 * A very long text goes through the same stages a window at a time (see window.ts), with the
 * document's state carried from one window to the next.
 */
import { attribute } from './attribute/index.js';
import { segmentLabels } from './attribute/segment.js';
import { boundSentences } from './bound-sentences.js';
import { runChecks } from './check/index.js';
import { findCandidates, type DocState } from './extract/index.js';
import { fold } from './normalize/fold.js';
import { localCurrency } from './normalize/locale.js';
import type { Check, Metric, Script, ZoneMention } from './types.js';
import type { Vocabulary } from './vocab/index.js';
import { analyzeWindows, windowChars } from './window.js';

export interface Analysis {
  script: Script;
  metrics: Metric[];
  zones: ZoneMention[];
  checks: Check[];
}

export interface AnalyzeOptions {
  /** Trim labels with word segmentation (nodejieba, loaded on first use: ~1.3 s). */
  segment?: boolean;
  /**
   * Texts longer than this many characters are analysed in windows cut at paragraph boundaries
   * (default 65,536, or ZONEFACTS_WINDOW_CHARS).
   */
  windowChars?: number;
  /** The vocabulary of indicators and zone words (default: the built-in one). */
  vocab?: Vocabulary;
  /** Publication date YYYY-MM-DD, for years the text leaves implicit. */
  published?: string | null;
}

/**
 * What one article carries from one window to the next (see README, "Very large texts"): the
 * extract stage's document state (a declared currency and scale, 下同; the local currency, read
 * once, from the window where a bare 元 first asks for it). Whole-article state that later stages
 * need (the article's zones, its publication date) belongs here too.
 */
export class DocContext {
  readonly state: DocState;
  /** The folded window being analysed: where a lazily read local currency is read from. */
  window = '';
  private currency: string | undefined;

  constructor() {
    const ctx = this;
    this.state = {
      get localCurrency() {
        return (ctx.currency ??= localCurrency(ctx.window));
      },
      declared: null,
      lastCount: null,
    };
  }

  /**
   * A window ends: the last count does not carry over (a window ends at a line break or a
   * sentence end, either of which ends the count's reach), while a declared currency (下同) and
   * the local currency do.
   */
  endWindow(): void {
    this.state.lastCount = null;
  }
}

/**
 * One window (or a whole text): spans, sentence spans and check indices are local to `original`.
 * `ctx` carries the document's state in and out.
 */
export function analyzePart(original: string, ctx: DocContext, options: AnalyzeOptions = {}): Analysis {
  const folded = fold(original);
  ctx.window = folded.text;
  const candidates = findCandidates(folded.text, ctx.state);
  const { metrics, zones } = attribute(original, folded.text, candidates, { vocab: options.vocab, published: options.published });
  if (options.segment) segmentLabels(metrics);
  // checks read whole sentences; only the output carries a bounded window of a very long one
  const checks = runChecks(metrics, folded.text);
  return { script: folded.script, metrics: boundSentences(original, metrics), zones, checks };
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  if (text.length <= windowChars(options)) return analyzePart(text, new DocContext(), options);
  const out: Analysis = { script: 'none', metrics: [], zones: [], checks: [] };
  for (const part of analyzeWindows([text], options)) {
    out.script = part.script;
    for (const m of part.metrics) out.metrics.push(m);
    for (const c of part.checks) out.checks.push(c);
    out.zones = mergeZones(out.zones, part.zones);
  }
  return out;
}

/** The zones of two windows as one list: a zone named in both counts the figures of both. */
export function mergeZones(a: readonly ZoneMention[], b: readonly ZoneMention[]): ZoneMention[] {
  const out = a.map((z) => ({ ...z, names: [...z.names] }));
  for (const z of b) {
    const same = out.find((x) => x.name === z.name);
    if (!same) out.push({ ...z, names: [...z.names] });
    else {
      same.metrics += z.metrics;
      for (const n of z.names) if (!same.names.includes(n)) same.names.push(n);
    }
  }
  return out;
}
