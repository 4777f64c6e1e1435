// Writes fixtures/encodings/: the UTF-8 fixtures re-encoded as GBK, Big5 and UTF-16 (with BOM),
// so the decoder is tested on real legacy bytes. Run: node scripts/make-encoded-fixtures.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import iconv from 'iconv-lite';

const out = new URL('../fixtures/encodings/', import.meta.url);
mkdirSync(out, { recursive: true });
const read = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

writeFileSync(new URL('annual-report.gbk.txt', out), iconv.encode(read('annual-report.txt'), 'gbk'));
writeFileSync(new URL('taiwan-park.big5.txt', out), iconv.encode(read('taiwan-park.txt'), 'big5'));
writeFileSync(new URL('hongkong-fund.utf16le.txt', out), iconv.encode(read('hongkong-fund.txt'), 'utf-16le', { addBOM: true }));
const html = read('gov-page.html').replace('charset=utf-8', 'charset=gb2312');
writeFileSync(new URL('gov-page.gb2312.html', out), iconv.encode(html, 'gbk'));
