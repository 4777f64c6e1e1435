/**
 * A short fingerprint of what an article says, so that a repost is counted once. It is taken from
 * the sentences its figures come from, folded to simplified script with spaces and punctuation
 * dropped: a repost in traditional script, with other line breaks, or read from extract's JSONL
 * (which holds the sentences, not always the text) has the same fingerprint.
 */
import { createRequire } from 'node:module';
import { fold } from '../normalize/fold.js';
import type { ArticleResult } from '../types.js';

const NOISE = /[\s\p{P}\p{S}]+/gu;

type Crypto = typeof import('node:crypto');

// node:crypto loads on first use: the library is loaded by every extract run, which never needs it
let crypto: Crypto | undefined;

export function fingerprint(r: Pick<ArticleResult, 'metrics' | 'text' | 'file' | 'id'>): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto;
  const hash = crypto.createHash('sha256');
  let seen = '';
  for (const m of r.metrics) {
    if (m.sentence === seen) continue;
    seen = m.sentence;
    hash.update(fold(m.sentence).text.replace(NOISE, ''));
    hash.update('\n');
  }
  // an article with no figures is told apart by its text, or failing that by its name
  if (r.metrics.length === 0) hash.update(r.text !== undefined ? fold(r.text).text.replace(NOISE, '') : `\0${r.file}\0${r.id ?? ''}`);
  return hash.digest('hex').slice(0, 16);
}
