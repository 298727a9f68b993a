// Which reader a document goes to: its magic bytes first, then the media type it came with, then
// its file name's extension; text without any of these is sniffed for HTML.
import { unzipSync } from 'fflate';
import { IntakeError } from './errors.ts';

export type Format = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

export const MEDIA_TYPES: Record<Format, string> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const BY_MEDIA_TYPE: Record<string, Format> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  [MEDIA_TYPES.docx]: 'docx',
};

const BY_EXTENSION: Record<string, Format> = {
  txt: 'text', text: 'text',
  md: 'markdown', markdown: 'markdown', mdown: 'markdown', mkd: 'markdown',
  html: 'html', htm: 'html', xhtml: 'html', shtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
};

/** Formats people often try that intake cannot read, named so the message can say what they are. */
const UNSUPPORTED_EXTENSIONS: Record<string, string> = {
  doc: 'an old Word document (.doc): save it as .docx or PDF',
  rtf: 'an RTF document: save it as .docx or PDF',
  odt: 'an OpenDocument text: save it as .docx or PDF',
  pages: 'a Pages document: export it as .docx or PDF',
  xls: 'a spreadsheet', xlsx: 'a spreadsheet', ods: 'a spreadsheet', csv: 'a spreadsheet',
  ppt: 'a presentation', pptx: 'a presentation', odp: 'a presentation',
  epub: 'an e-book', mobi: 'an e-book',
  jpg: 'an image', jpeg: 'an image', png: 'an image', gif: 'an image', webp: 'an image', tif: 'an image', tiff: 'an image', heic: 'an image', bmp: 'an image',
  mp3: 'audio', wav: 'audio', m4a: 'audio', ogg: 'audio', mp4: 'a video', mov: 'a video', webm: 'a video',
  zip: 'an archive', gz: 'an archive', tgz: 'an archive', '7z': 'an archive', rar: 'an archive',
  eml: 'an e-mail message', msg: 'an e-mail message',
  json: 'JSON data', xml: 'XML data',
  exe: 'a program', dll: 'a program',
};

const SUPPORTED = 'plain text, Markdown, HTML, PDF and DOCX';

/** The media type without parameters, lower-cased: `text/html; charset=x` → `text/html`. */
export function essence(mediaType: string | undefined): string | undefined {
  const e = mediaType?.split(';')[0]?.trim().toLowerCase();
  return e || undefined;
}

/** The `charset` parameter of a media type, if it has one. */
export function charsetOf(mediaType: string | undefined): string | undefined {
  return mediaType?.match(/;\s*charset\s*=\s*"?([^";\s]+)"?/i)?.[1];
}

export function extensionOf(filename: string | undefined): string | undefined {
  const base = filename?.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : undefined;
}

export function formatOfMediaType(mediaType: string | undefined): Format | undefined {
  const e = essence(mediaType);
  return e ? BY_MEDIA_TYPE[e] : undefined;
}

interface Magic {
  format?: Format;
  unsupported?: string;
}

function magic(b: Uint8Array): Magic | null {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  const ascii = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  // PDF readers accept the header anywhere in the first kilobyte.
  if (/%PDF-\d/.test(ascii)) return { format: 'pdf' };
  if (starts(0x50, 0x4b, 0x03, 0x04)) return zipKind(b);
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return { unsupported: 'an old Microsoft Office document (.doc, .xls, .ppt): save it as .docx or PDF' };
  if (ascii.startsWith('{\\rtf')) return { unsupported: 'an RTF document: save it as .docx or PDF' };
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a) || starts(0xff, 0xd8, 0xff) || /^GIF8[79]a/.test(ascii) || (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP')
    || starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) {
    return { unsupported: 'an image: intake reads text, it does not recognise text in pictures' };
  }
  if (starts(0x1f, 0x8b) || ascii.startsWith('7z\xbc\xaf') || ascii.startsWith('Rar!')) return { unsupported: 'a compressed archive: unpack it and add the documents inside' };
  if (ascii.startsWith('\x7fELF')) return { unsupported: 'a program, not a document' };
  if ((ascii.startsWith('ID3') && b[3]! < 0x10) || (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WAVE') || ascii.startsWith('OggS') || ascii.slice(4, 8) === 'ftyp') {
    return { unsupported: 'audio or video: intake reads text' };
  }
  return null;
}

function zipKind(b: Uint8Array): Magic {
  const names: string[] = [];
  try {
    unzipSync(b, { filter: (file) => (names.push(file.name), false) });
  } catch (error) {
    throw new IntakeError('malformed', 'This ZIP container (DOCX or similar) is damaged and cannot be opened.', { cause: error });
  }
  if (names.includes('word/document.xml')) return { format: 'docx' };
  if (names.includes('xl/workbook.xml')) return { unsupported: 'a spreadsheet (XLSX)' };
  if (names.includes('ppt/presentation.xml')) return { unsupported: 'a presentation (PPTX)' };
  if (names.includes('content.xml') && names.includes('mimetype')) return { unsupported: 'an OpenDocument file: save it as .docx or PDF' };
  if (names.includes('META-INF/container.xml')) return { unsupported: 'an e-book (EPUB)' };
  return { unsupported: 'a ZIP archive: unpack it and add the documents inside' };
}

function unsupported(what: string): IntakeError {
  return new IntakeError('unsupported-format', `This is ${what}. Intake reads ${SUPPORTED}.`);
}

/** The reader for these bytes, or an 'unsupported-format' / 'malformed' error naming what they are. */
export function detectFormat(bytes: Uint8Array, hint: { filename?: string; mediaType?: string }): Format {
  const declared = formatOfMediaType(hint.mediaType);
  const ext = extensionOf(hint.filename);
  const byExt = ext ? BY_EXTENSION[ext] : undefined;

  const m = magic(bytes);
  if (m?.format) return m.format;
  if (m?.unsupported) throw unsupported(m.unsupported);

  // No binary signature: a file that says it is PDF or DOCX but has not the bytes of one.
  const claimed = declared ?? byExt;
  if (claimed === 'pdf') throw new IntakeError('malformed', 'This file is said to be a PDF but does not start like one (no %PDF header).');
  if (claimed === 'docx') throw new IntakeError('malformed', 'This file is said to be a DOCX document but is not a ZIP container as DOCX files are.');

  if (declared) return declared;
  const e = essence(hint.mediaType);
  if (e && e !== 'application/octet-stream' && !e.startsWith('text/')) throw unsupported(`of type ${e}`);
  if (byExt) return byExt;
  if (ext && UNSUPPORTED_EXTENSIONS[ext]) throw unsupported(UNSUPPORTED_EXTENSIONS[ext]);
  return sniffText(bytes);
}

/** Text without a declared format: HTML if it starts like HTML, otherwise plain text. */
function sniffText(bytes: Uint8Array): Format {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replaceAll('\u0000', '').replace(/^[\s\ufeff\u00ef\u00bb\u00bf\u00fe\u00ff]+/, '');
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head) ? 'html' : 'text';
}
