/**
 * The ingest stage: a string or bytes, plain text or HTML → the text that spans point into.
 */
import type { DocMeta } from '../types.js';
import { assertText, decode } from './decode.js';
import { htmlToDoc, looksLikeHtml } from './html.js';

export { InputError } from './decode.js';

export type InputFormat = 'auto' | 'text' | 'html';

export interface Doc {
  text: string;
  html: boolean;
  meta?: DocMeta;
  encoding?: string;
  warnings: string[];
}

export interface IngestOptions {
  inputFormat?: InputFormat;
  /** Force a byte encoding (gbk, big5, utf-8 …) instead of detecting it. */
  encoding?: string;
}

export function ingestText(input: string, options: IngestOptions = {}): Doc {
  const format = options.inputFormat ?? 'auto';
  // A string is taken as it is, BOM and all, so that spans index into exactly what was given
  const text = input;
  if (format === 'html' || (format === 'auto' && looksLikeHtml(text))) {
    const doc = htmlToDoc(text);
    const warnings = doc.text.length === 0 ? ['the HTML page has no article text'] : [];
    return { text: doc.text, html: true, meta: doc.meta, warnings };
  }
  return { text, html: false, warnings: [] };
}

/** Throws InputError for binary input or an unknown --encoding. */
export function ingestBytes(bytes: Uint8Array, options: IngestOptions = {}): Doc {
  assertText(bytes);
  const decoded = decode(bytes, options.encoding);
  const doc = ingestText(decoded.text, options);
  doc.encoding = decoded.encoding;
  if (decoded.note) doc.warnings.unshift(decoded.note);
  if (decoded.invalid > 0) {
    doc.warnings.unshift(`${decoded.invalid} undecodable byte sequence(s) in ${decoded.encoding} replaced with U+FFFD`);
  }
  return doc;
}
