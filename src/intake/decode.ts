// Bytes to a string for the text formats (plain text, Markdown, HTML): a byte-order mark first,
// then a declared charset (HTTP header, <meta charset>), then UTF-8 if the bytes are valid UTF-8,
// then detection: UTF-16 without a BOM by its pattern of zero bytes, East Asian multi-byte
// encodings by chardet when it is sure, Cyrillic (Windows-1251 or KOI8-R) by runs of high bytes,
// and otherwise Windows-1252 (which WHATWG also reads for a declared ISO-8859-1).
import * as chardet from 'chardet';
import iconv from 'iconv-lite';
import { IntakeError } from './errors.ts';

export interface Decoded {
  text: string;
  encoding: string;
}

const SAMPLE = 64 * 1024;

export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  const bom = fromBom(bytes);
  if (bom) return { text: iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.encoding), encoding: bom.encoding };

  const utf16 = utf16Pattern(bytes);
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16 };

  if (looksBinary(bytes)) {
    throw new IntakeError('binary', 'This looks like binary data, not text: it is full of zero and control bytes.');
  }

  const utf8 = strictUtf8(bytes);
  const label = declared ? canonicalLabel(declared) : null;
  if (label) {
    // A declaration is honoured, except the two ways real pages get it wrong: declared UTF-8 that
    // is not valid UTF-8, and an 8-bit charset declared over bytes that are valid multi-byte UTF-8.
    if (label === 'UTF-8' && utf8 !== null) return { text: utf8, encoding: 'UTF-8' };
    if (label !== 'UTF-8' && !(utf8 !== null && hasNonAscii(bytes))) {
      return { text: iconv.decode(Buffer.from(bytes), label), encoding: label };
    }
  }
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };

  const encoding = detectLegacy(bytes);
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}

function fromBom(b: Uint8Array): { encoding: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'UTF-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'UTF-16LE', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'UTF-16BE', skip: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: text in an alphabetic script puts one small byte value (0x00 for Latin,
 * 0x04 for Cyrillic, 0x05/0x06 for Hebrew and Arabic…) in every other position. The guess stands
 * only if the result then reads as text.
 */
function utf16Pattern(b: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 8) return null;
  const profile = (parity: number) => {
    const counts = new Map<number, number>();
    for (let i = parity; i < n; i += 2) counts.set(b[i]!, (counts.get(b[i]!) ?? 0) + 1);
    const [value, count] = [...counts].reduce((a, c) => (c[1] > a[1] ? c : a), [-1, 0]);
    return { value, share: count / (n / 2), zeros: (counts.get(0) ?? 0) / (n / 2) };
  };
  const even = profile(0);
  const odd = profile(1);
  const highBytes = (p: typeof even, other: typeof even) => p.share >= 0.6 && p.value < 0x20 && other.zeros < 0.05;
  const guess = highBytes(odd, even) ? 'UTF-16LE' : highBytes(even, odd) ? 'UTF-16BE' : null;
  if (!guess) return null;
  const text = iconv.decode(Buffer.from(b.subarray(0, n)), guess);
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\ud800-\udfff\ufffd]/g)?.length ?? 0;
  return controls <= text.length * 0.01 ? guess : null;
}

/** Zero bytes or control characters that no text file has. */
export function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, SAMPLE);
  let zeros = 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) zeros++;
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b && c !== 0x1b) || c === 0x7f) controls++;
  }
  return zeros > n * 0.001 || controls > n * 0.05;
}

function strictUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    return null;
  }
}

function hasNonAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return true;
  return false;
}

/** A charset label as iconv-lite knows it, with WHATWG's reading of the Latin-1 labels; null if unknown. */
export function canonicalLabel(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(l)) return 'UTF-8';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'windows-1252', 'x-cp1252'].includes(l)) return 'windows-1252';
  if (['cp1251', 'windows-1251', 'x-cp1251'].includes(l)) return 'windows-1251';
  if (['utf-16', 'utf-16le'].includes(l)) return 'UTF-16LE';
  if (l === 'utf-16be') return 'UTF-16BE';
  return iconv.encodingExists(l) ? l : null;
}

const MULTIBYTE = new Set(['Shift_JIS', 'EUC-JP', 'GB18030', 'Big5', 'EUC-KR']);

function detectLegacy(b: Uint8Array): string {
  const sample = b.subarray(0, SAMPLE);
  const best = chardet.analyse(sample)[0];
  if (best && MULTIBYTE.has(best.name) && best.confidence >= 50) return best.name;
  const cyrillic = cyrillicByRuns(sample);
  return cyrillic ?? 'windows-1252';
}

/**
 * Cyrillic in an 8-bit code page is written almost wholly in bytes 0xC0–0xFF, whole words of them;
 * accented letters in Latin-1 text stand mostly alone between ASCII letters. Windows-1251 has the
 * lower case (most letters of any text) in 0xE0–0xFF, KOI8-R in 0xC0–0xDF.
 */
function cyrillicByRuns(b: Uint8Array): 'windows-1251' | 'KOI8-R' | null {
  let high = 0;
  let adjacent = 0;
  let upperHalf = 0;
  let lowerHalf = 0;
  const letter = (c: number | undefined) => c !== undefined && (c >= 0xc0 || c === 0xa8 || c === 0xb8 || c === 0xa3 || c === 0xb3);
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (!letter(c)) continue;
    high++;
    if (letter(b[i - 1]) || letter(b[i + 1])) adjacent++;
    if (c >= 0xe0) upperHalf++;
    else if (c >= 0xc0) lowerHalf++;
  }
  if (high < 3 || adjacent / high < 0.6) return null;
  return upperHalf >= lowerHalf ? 'windows-1251' : 'KOI8-R';
}
