// DOCX: the document's raw text through mammoth (paragraphs as blank-line separated blocks), and
// title, author, creation date and language from its core properties (docProps/core.xml).
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { IntakeError } from './errors.ts';
import { dateValue, type DocumentMeta } from './meta.ts';

export interface DocxResult {
  text: string;
  meta: DocumentMeta;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxResult> {
  let text: string;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    text = result.value;
  } catch (error) {
    throw new IntakeError('malformed', `This DOCX document is damaged and cannot be read${error instanceof Error ? ` (${error.message.split('\n')[0]})` : ''}.`, { cause: error });
  }
  return { text, meta: coreProperties(bytes) };
}

function coreProperties(bytes: Uint8Array): DocumentMeta {
  const meta: DocumentMeta = {};
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' && f.originalSize < 1_000_000 });
    const core = files['docProps/core.xml'];
    if (!core) return meta;
    xml = strFromU8(core);
  } catch {
    return meta;
  }
  const tag = (name: string) => {
    const m = xml.match(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`));
    const v = m ? unescapeXml(m[1]!).trim() : '';
    return v || undefined;
  };
  const title = tag('dc:title');
  if (title) meta.title = title;
  const author = tag('dc:creator');
  if (author) meta.author = author;
  const published = dateValue(tag('dcterms:created'));
  if (published) meta.published = published;
  const language = tag('dc:language');
  if (language) meta.language = language;
  return meta;
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!;
  });
}
