/**
 * Labels trimmed with word segmentation (--segment): the words after the last verb of a label,
 * when they make a noun phrase of two characters or more. 青林高新区实现地区生产总值 → 地区生产总值.
 *
 * nodejieba takes ~1.3 s to load its dictionaries, so it is loaded here, on first use, and only
 * when segmentation is asked for: the plain extraction path never touches it.
 */
import { createRequire } from 'node:module';
import { fold } from '../normalize/fold.js';
import type { Metric } from '../types.js';

interface Jieba {
  tag(sentence: string): Array<{ word: string; tag: string }>;
}

let jieba: Jieba | undefined;

function load(): Jieba {
  jieba ??= createRequire(import.meta.url)('nodejieba') as Jieba;
  return jieba;
}

/** Parts of speech that end a label's lead-in: verbs (实现, 新增, 累计), not nominal verbs (投资). */
const VERB = new Set(['v', 'vd', 'vi', 'vg', 'p', 'd', 'c']);

/** The label less what comes up to and including its last verb, in the label's own script. */
export function trimLabel(label: string): string {
  // segment the simplified form (jieba's dictionaries are simplified); offsets are the same
  const words = load().tag(fold(label).text);
  let offset = 0;
  let cut = 0;
  for (const { word, tag } of words) {
    offset += word.length;
    if (VERB.has(tag) && label.length - offset >= 2) cut = offset;
  }
  return label.slice(cut);
}

/** Trims every label in place; the same label is segmented once. */
export function segmentLabels(metrics: Metric[]): void {
  const seen = new Map<string, string>();
  for (const m of metrics) {
    if (!m.label) continue;
    let trimmed = seen.get(m.label);
    if (trimmed === undefined) {
      trimmed = trimLabel(m.label);
      seen.set(m.label, trimmed);
    }
    m.label = trimmed;
  }
}
