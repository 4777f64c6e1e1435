/**
 * Bytes → text. UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK and Big5, detected
 * without being told (BOM, then an HTML <meta charset>, then strict UTF-8, then whichever
 * legacy decoding reads as the more ordinary Chinese). Undecodable bytes become U+FFFD and are
 * counted in a warning, never dropped silently.
 */
import { isUtf8 } from 'node:buffer';
import { fold } from '../normalize/fold.js';

export interface Decoded {
  text: string;
  encoding: string;
  /** Bytes that could not be decoded (each became U+FFFD). */
  invalid: number;
  /** Why the encoding was chosen over what the page declares, when they differ. */
  note?: string;
}

export class InputError extends Error {
  constructor(
    readonly code: 'BINARY' | 'BAD_ENCODING',
    message: string,
  ) {
    super(message);
  }
}

/** The most frequent characters of Chinese news text, in simplified script. */
const COMMON =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查江型眼王按格养易置派层片始却专状育厂京识适属圆包住调满县局照参红细引听该价严龙飞园企项投亿万元';
const COMMON_SET = new Set(COMMON);

const ALIASES: Record<string, string> = {
  gbk: 'gb18030', gb2312: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'x-big5': 'big5',
  'utf-8': 'utf-8', utf8: 'utf-8', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
};

export function normalizeEncoding(name: string): string | null {
  const key = name.trim().toLowerCase();
  if (ALIASES[key]) return ALIASES[key]!;
  try {
    return new TextDecoder(key).encoding;
  } catch {
    return null;
  }
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(bytes);
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** How Chinese a decoding reads: the share of common characters among its CJK characters. */
function commonness(text: string): number {
  const folded = fold(text.length > 20000 ? text.slice(0, 20000) : text).text;
  let cjk = 0;
  let common = 0;
  for (const ch of folded) {
    const c = ch.charCodeAt(0);
    if (c >= 0x3400 && c <= 0x9fff) {
      cjk++;
      if (COMMON_SET.has(ch)) common++;
    }
  }
  const bad = countReplacements(text);
  return cjk === 0 ? -bad : common / cjk - bad / Math.max(1, text.length);
}

const MAGIC: ReadonlyArray<readonly [number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
];

/** Throws InputError('BINARY') for images, archives and anything else with NUL bytes. */
export function assertText(bytes: Uint8Array): void {
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) throw new InputError('BINARY', `binary file (${what}), not text or HTML`);
  }
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || utf16WithoutBom(bytes) !== null;
  if (!utf16 && head.includes(0)) throw new InputError('BINARY', 'binary file (it contains NUL bytes), not text or HTML');
}

/**
 * UTF-16 without a BOM: zero bytes fall on one side of each byte pair only (the high bytes of
 * ASCII characters), and the text reads as ASCII or CJK with no control characters or broken
 * surrogates. Returns the byte order or null.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    const zeros = enc === 'utf-16le' ? oddZero : evenZero;
    const other = enc === 'utf-16le' ? evenZero : oddZero;
    const text = new TextDecoder(enc).decode(bytes.subarray(0, n));
    if (text.includes('\ufffd')) continue;
    let cjk = 0;
    let controls = 0;
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      if ((c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) cjk++;
      else if (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) controls++;
    }
    if (controls > 0) continue;
    // text never holds NUL: zero bytes all on one side are the high bytes of ASCII characters
    if (zeros > 0 && other === 0 && (zeros > pairs * 0.3 || cjk > pairs * 0.3)) return enc;
  }
  return null;
}

/** The charset a page's <meta> declares: as written, and as the decoder names it. */
function metaCharset(bytes: Uint8Array): { written: string; encoding: string } | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const encoding = m ? normalizeEncoding(m[1]!) : null;
  return m && encoding ? { written: m[1]!.toLowerCase(), encoding } : null;
}

/** U+FFFD written in UTF-8 source (EF BF BD): characters of the text, not decoding failures. */
function literalReplacements(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

export function decode(bytes: Uint8Array, encoding?: string): Decoded {
  const finish = (enc: string): Decoded => {
    const text = decodeWith(bytes, enc);
    const literal = enc === 'utf-8' ? literalReplacements(bytes) : 0;
    return { text, encoding: enc, invalid: Math.max(0, countReplacements(text) - literal) };
  };
  if (encoding) {
    const enc = normalizeEncoding(encoding);
    if (!enc) throw new InputError('BAD_ENCODING', `unknown encoding "${encoding}"`);
    return finish(enc);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish('utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish('utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish('utf-16be');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return finish(utf16);
  const declared = metaCharset(bytes);
  // Valid UTF-8 with bytes above ASCII is UTF-8 whatever a <meta> says: legacy Chinese text
  // almost never forms valid UTF-8 sequences, while pages re-saved as UTF-8 keep a stale meta.
  // (U+FFFD written in the source is a character of the page, not an undecodable byte.)
  if (isUtf8(bytes) && (declared === null || declared.encoding === 'utf-8' || hasHighBytes(bytes))) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (!declared || declared.encoding === 'utf-8') return { text, encoding: 'utf-8', invalid: 0 };
    const note = `read as utf-8, not as the ${declared.written} its <meta> declares: the bytes are valid UTF-8, which ${declared.written} text almost never is`;
    return { text, encoding: 'utf-8', invalid: 0, note };
  }
  if (declared) return finish(declared.encoding);
  // not clean UTF-8: a legacy encoding, or UTF-8 with a few bad bytes
  const tries = ['utf-8', 'gb18030', 'big5'].map((enc) => {
    const text = decodeWith(bytes, enc);
    return { enc, text, score: commonness(text) };
  });
  tries.sort((a, b) => b.score - a.score);
  const best = tries[0]!;
  return { text: best.text, encoding: best.enc, invalid: countReplacements(best.text) };
}
