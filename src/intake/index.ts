// Intake: a document's bytes to plain text plus the metadata the document states about itself.
// Plain text, Markdown, HTML (main content only), PDF (text layer) and DOCX; text encodings
// detected. Everything here is pure computation on bytes except fetch.ts, which reads URLs.
import { createHash } from 'node:crypto';
import { dropDebrisTail } from './debris.ts';
import { decodeBytes } from './decode.ts';
import { charsetOf, detectFormat, MEDIA_TYPES, type Format } from './detect.ts';
import { IntakeError, MAX_DOCUMENT_BYTES, megabytes } from './errors.ts';
import { stripMarkdown } from './markdown.ts';
import { headMeta, type DocumentMeta } from './meta.ts';
import { normalizeText } from './normalize.ts';

export { IntakeError, MAX_DOCUMENT_BYTES, megabytes, type IntakeErrorCode } from './errors.ts';
export { fetchUrl, type FetchOptions, type Fetched } from './fetch.ts';
export { isPrivateAddress, requirePublicDestination } from './destination.ts';
export type { Format } from './detect.ts';

export interface IntakeHint {
  /** The file's name or path; only its extension is used. */
  filename?: string;
  /** A media type such as `text/html; charset=windows-1251` (its charset is honoured). */
  mediaType?: string;
}

export interface IntakeResult {
  text: string;
  format: Format;
  /** The media type of the format read, e.g. `text/html`. */
  mediaType: string;
  /** The character encoding the bytes were read in (text, Markdown and HTML only). */
  encoding?: string;
  title?: string;
  author?: string;
  publisher?: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the document says. */
  published?: string;
  /** A BCP 47 tag as the document declares it (`en`, `en-GB`, `ru`). */
  language?: string;
  /** SHA-256 of the original bytes, lower-case hex. */
  sha256: string;
}

/**
 * Reads a document. Throws IntakeError: 'empty', 'too-large' (50 MB or more, checked before any
 * parsing), 'unsupported-format', 'binary', 'no-text-layer' (a PDF of scanned images), 'malformed'.
 */
export async function readDocument(bytes: Uint8Array, hint: IntakeHint = {}): Promise<IntakeResult> {
  if (bytes.length >= MAX_DOCUMENT_BYTES) {
    throw new IntakeError('too-large', `This document is ${megabytes(bytes.length)}; documents must be smaller than ${megabytes(MAX_DOCUMENT_BYTES)}.`);
  }
  if (bytes.length === 0) throw new IntakeError('empty', 'This document is empty (0 bytes).');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = detectFormat(bytes, hint);

  let text: string;
  let meta: DocumentMeta;
  let encoding: string | undefined;
  try {
    ({ text, meta, encoding } = await read(bytes, format, hint));
  } catch (error) {
    if (error instanceof IntakeError) throw error;
    // A parser tripping over input it did not expect: the document's fault, said as such.
    throw new IntakeError('malformed', `This ${FORMAT_NAMES[format]} document could not be read: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }

  text = normalizeText(text);
  if (!text) {
    throw new IntakeError('empty', format === 'html' ? 'This page has no readable text once navigation and page furniture are set aside.' : 'This document has no text in it.');
  }
  const result: IntakeResult = { text, format, mediaType: MEDIA_TYPES[format], sha256 };
  if (encoding) result.encoding = encoding;
  for (const key of ['title', 'author', 'publisher', 'published', 'language'] as const) {
    const value = meta[key]?.replace(/\s+/g, ' ').trim();
    if (value) result[key] = value;
  }
  return result;
}

const FORMAT_NAMES: Record<Format, string> = { text: 'text', markdown: 'Markdown', html: 'HTML', pdf: 'PDF', docx: 'DOCX' };

async function read(bytes: Uint8Array, format: Format, hint: IntakeHint): Promise<{ text: string; meta: DocumentMeta; encoding?: string }> {
  let text: string;
  let meta: DocumentMeta;
  let encoding: string | undefined;
  if (format === 'pdf') {
    // The PDF, DOCX and HTML readers load their libraries only when such a document comes.
    const { readPdf } = await import('./pdf.ts');
    ({ text, meta } = await readPdf(bytes));
  } else if (format === 'docx') {
    const { readDocx } = await import('./docx.ts');
    ({ text, meta } = await readDocx(bytes));
  } else {
    const declared = charsetOf(hint.mediaType) ?? (format === 'html' ? metaCharset(bytes) : undefined);
    const decoded = decodeBytes(bytes, declared);
    encoding = decoded.encoding;
    if (format === 'html') {
      const { readHtml } = await import('./html.ts');
      ({ text, meta } = readHtml(decoded.text));
    } else if (format === 'markdown') {
      const md = stripMarkdown(decoded.text);
      text = dropDebrisTail(normalizeText(md.text));
      meta = { ...headMeta(text, { title: false }), ...md.meta };
      if (!meta.title && md.heading) meta.title = md.heading;
    } else {
      text = dropDebrisTail(normalizeText(decoded.text));
      meta = headMeta(text, { title: true });
    }
  }
  return encoding ? { text, meta, encoding } : { text, meta };
}

/** The charset an HTML page declares in its first kilobyte (`<meta charset>` or http-equiv). */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replaceAll('\u0000', '');
  return head.match(/<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
}
