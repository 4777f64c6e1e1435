/**
 * The pipeline for one text, one call per stage: normalize → extract → attribute → check.
 */
import { attribute } from './attribute/index.js';
import { segmentLabels } from './attribute/segment.js';
import { runChecks } from './check/index.js';
import { findCandidates, type DocState } from './extract/index.js';
import { fold } from './normalize/fold.js';
import { localCurrency } from './normalize/locale.js';
import type { Check, Metric, Script, ZoneMention } from './types.js';
import type { Vocabulary } from './vocab/index.js';

export interface Analysis {
  script: Script;
  metrics: Metric[];
  zones: ZoneMention[];
  checks: Check[];
}

export interface AnalyzeOptions {
  /** Trim labels with word segmentation (nodejieba, loaded on first use: ~1.3 s). */
  segment?: boolean;
  /** The vocabulary of indicators and zone words (default: the built-in one). */
  vocab?: Vocabulary;
  /** Publication date YYYY-MM-DD, for years the text leaves implicit. */
  published?: string | null;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const folded = fold(text);
  let currency: string | undefined;
  const doc: DocState = {
    // read only when a bare 元 asks for it
    get localCurrency() {
      return (currency ??= localCurrency(folded.text));
    },
    declared: null,
    lastCount: null,
  };
  const candidates = findCandidates(folded.text, doc);
  const { metrics, zones } = attribute(text, folded.text, candidates, { vocab: options.vocab, published: options.published });
  if (options.segment) segmentLabels(metrics);
  return { script: folded.script, metrics, zones, checks: runChecks(metrics, folded.text) };
}
