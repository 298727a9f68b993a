// A PDF's text layer, through pdf.js (as unpdf packages it for servers): lines rebuilt from the
// positioned text items, paragraphs from the gaps between lines, words broken by a hyphen at a
// line's end joined again. A PDF that is only scanned images has no text layer and says so.
import { getDocumentProxy, getMeta } from 'unpdf';
import { IntakeError } from './errors.ts';
import { dateValue, type DocumentMeta } from './meta.ts';

export interface PdfResult {
  text: string;
  meta: DocumentMeta;
}

interface Item {
  str: string;
  hasEOL?: boolean;
  transform: number[];
  width: number;
  height: number;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

type Proxy = Awaited<ReturnType<typeof getDocumentProxy>>;

export async function readPdf(bytes: Uint8Array): Promise<PdfResult> {
  let pdf: Proxy;
  try {
    // pdf.js takes the buffer it is given: a copy keeps the caller's bytes intact.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, stopAtErrors: false });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new IntakeError('unsupported-format', 'This PDF is password-protected: open it with the password and save an unprotected copy.', { cause: error });
    }
    throw new IntakeError('malformed', `This PDF is damaged and cannot be read${error instanceof Error ? ` (${error.message})` : ''}.`, { cause: error });
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.filter((i) => 'str' in i) as Item[]));
      page.cleanup();
    }
    const text = pages.filter(Boolean).join('\n\n');
    if ((text.match(/\p{L}/gu)?.length ?? 0) < 10) {
      throw new IntakeError('no-text-layer', `This PDF has no text layer (${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'} of images, as a scan has): run it through OCR first.`);
    }
    return { text, meta: await pdfMeta(pdf) };
  } catch (error) {
    if (error instanceof IntakeError) throw error;
    throw new IntakeError('malformed', `This PDF is damaged and its text cannot be read${error instanceof Error ? ` (${error.message})` : ''}.`, { cause: error });
  } finally {
    await pdf.loadingTask.destroy();
  }
}

function pageText(items: Item[]): string {
  const lines: Line[] = [];
  let current: Line | null = null;
  let lastEnd = 0;
  let breakNext = true;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const height = Math.abs(item.height) || Math.abs(item.transform[3] ?? 0) || 10;
    if (!current || breakNext || Math.abs(y - current.y) > height * 0.5) {
      if (item.str.trim() || item.hasEOL) {
        current = { text: '', y, height };
        lines.push(current);
      }
    } else if (x - lastEnd > height * 0.2 && !/\s$/.test(current.text) && !/^\s/.test(item.str)) {
      current.text += ' ';
    }
    if (current) current.text += item.str;
    lastEnd = x + item.width;
    breakNext = Boolean(item.hasEOL);
  }
  const kept = lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.text && !/^(page\s+)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i.test(l.text));
  if (!kept.length) return '';

  // The usual distance between lines; a clearly larger one starts a new paragraph.
  const gaps = kept.slice(1).map((l, i) => Math.abs(kept[i]!.y - l.y)).filter((g) => g > 0);
  const usual = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : 0;
  let text = kept[0]!.text;
  for (let i = 1; i < kept.length; i++) {
    const prev = kept[i - 1]!;
    const line = kept[i]!;
    const gap = Math.abs(prev.y - line.y);
    const newParagraph = gap > Math.max(usual * 1.4, prev.height * 1.8) || line.y > prev.y + prev.height;
    if (newParagraph) text += `\n\n${line.text}`;
    else if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line.text)) text = text.slice(0, -1) + line.text;
    else text += ` ${line.text}`;
  }
  return text;
}

async function pdfMeta(pdf: Proxy): Promise<DocumentMeta> {
  const meta: DocumentMeta = {};
  try {
    const { info, metadata } = await getMeta(pdf);
    const field = (key: string): string | undefined => {
      const v = (info as Record<string, unknown>)[key];
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
    };
    const xmp = (key: string): string | undefined => {
      const v = metadata?.get?.(key);
      return typeof v === 'string' && v.trim() ? v.trim() : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
    };
    const title = field('Title') ?? xmp('dc:title');
    // Word and other producers write the file name as the title: that is no title.
    if (title && !/^(microsoft (word|powerpoint) - |untitled\b)|\.(docx?|pdf|odt|rtf|txt)$/i.test(title)) meta.title = title;
    const author = field('Author') ?? xmp('dc:creator');
    if (author) meta.author = author;
    const published = dateValue(field('CreationDate')) ?? dateValue(xmp('xmp:createdate'));
    if (published) meta.published = published;
    const language = field('Language');
    if (language) meta.language = language;
  } catch {
    // Metadata is a bonus: a broken info dictionary does not stop the text.
  }
  return meta;
}
