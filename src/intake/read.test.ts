// readDocument on every format, from fixtures written for Habeas (test/fixtures/intake; the binary
// ones come from make-fixtures.ts there), and on the bad input it must refuse with a clear code.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IntakeError, MAX_DOCUMENT_BYTES, readDocument } from './index.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/intake/${name}`, import.meta.url)));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function refusal(bytes: Uint8Array, hint: { filename?: string; mediaType?: string } = {}): Promise<IntakeError> {
  try {
    await readDocument(bytes, hint);
  } catch (error) {
    expect(error).toBeInstanceOf(IntakeError);
    return error as IntakeError;
  }
  throw new Error('expected an IntakeError');
}

const CYRILLIC = 'Правозащитник Тимур Бекназаров задержан в Бишкеке 3 марта 2024 года.';

describe('plain text', () => {
  it('reads a dispatch with its title, byline and date line, and hashes the original bytes', async () => {
    const bytes = fixture('dispatch.txt');
    const doc = await readDocument(bytes, { filename: 'dispatch.txt' });
    expect(doc).toMatchObject({
      format: 'text', mediaType: 'text/plain', encoding: 'UTF-8',
      title: 'Lawyer denied access to detained blogger', author: 'Aigerim Sadykova', published: '2022-05-14',
      sha256: sha256(bytes),
    });
    expect(doc.text).toMatch(/^Lawyer denied access to detained blogger\n\nBy Aigerim Sadykova\n14 May 2022\n\nAlmaty-based blogger Rustam Nazarov/);
    expect(doc.text.split('\n\n')).toHaveLength(4);
  });

  it('normalises spaces and line breaks but keeps paragraphs', async () => {
    const doc = await readDocument(new TextEncoder().encode('\ufeff  Ali\u00a0Karimov was held.\u200b\r\nHe was beaten.\r\n\r\n\r\n   \r\n\r\nHis lawyer\u2009said so.\t\n\n'), {});
    expect(doc.text).toBe('Ali Karimov was held.\nHe was beaten.\n\nHis lawyer said so.');
  });

  it('takes a byline and date only from lines that say nothing else', async () => {
    const dated = await readDocument(new TextEncoder().encode('Court extends detention\n\nWritten by Jane Doe | Posted on March 5, 2023\n\nThe court met on 2 March 2023 and extended the detention of Ali Karimov by two months.'), {});
    expect(dated).toMatchObject({ author: 'Jane Doe', published: '2023-03-05' });
    const month = await readDocument(new TextEncoder().encode('Monitoring report\nMarch 2023\n\nMonitors visited three colonies.'), {});
    expect(month.published).toBe('2023-03');
    const dateline = await readDocument(new TextEncoder().encode('BISHKEK, 14 May 2022 — Police detained the blogger Timur Aliyev at his home on Tuesday, his lawyer said.'), {});
    expect(dateline.published).toBe('2022-05-14');
    const prose = await readDocument(new TextEncoder().encode('By the time he was released on 3 March 2021, Ali Karimov had lost twenty kilograms.\n\nHe was arrested in 2019.'), {});
    expect(prose.author).toBeUndefined();
    expect(prose.published).toBeUndefined();
  });

  it('drops the comment form and blog footer a text copied from a blog ends with', async () => {
    const article = 'Free at last\n\nWritten by Jane Doe\n\n' + 'Ali Karimov left the colony on 3 March 2023 after four years in detention. '.repeat(8);
    const doc = await readDocument(new TextEncoder().encode(`${article}\n\nLeave a Reply\n\nFill in your details below or click an icon to log in:\n\nBlog at\n\nUp ↑\n\n%d bloggers like this:`), {});
    expect(doc.text).toBe(article.trim());
  });
});

describe('encodings', () => {
  it('decodes Windows-1251, UTF-16 LE and BE (with BOM) and KOI8-R to the same Cyrillic', async () => {
    for (const [name, encoding] of [['report-cp1251.txt', 'windows-1251'], ['report-utf16le.txt', 'UTF-16LE'], ['report-utf16be.txt', 'UTF-16BE']] as const) {
      const doc = await readDocument(fixture(name), { filename: name });
      expect(doc.encoding, name).toBe(encoding);
      expect(doc.text, name).toMatch(new RegExp(`^${CYRILLIC}\\n\\nЕго адвокат сообщил`));
    }
    const koi8 = await readDocument(iconv.encode(CYRILLIC, 'koi8-r'), {});
    expect(koi8).toMatchObject({ encoding: 'KOI8-R', text: CYRILLIC });
  });

  it('decodes UTF-16 without a BOM and short Cyrillic inside Latin text', async () => {
    expect((await readDocument(iconv.encode(CYRILLIC, 'utf16le'), {})).text).toBe(CYRILLIC);
    expect((await readDocument(iconv.encode('Ali Karimov was detained.', 'utf16be'), {})).text).toBe('Ali Karimov was detained.');
    expect((await readDocument(iconv.encode('Kazakh activist Ержан Ахметов was held', 'win1251'), {})).text).toBe('Kazakh activist Ержан Ахметов was held');
  });

  it('decodes Latin-1 / Windows-1252', async () => {
    const doc = await readDocument(fixture('note-latin1.txt'), { filename: 'note.txt' });
    expect(doc.encoding).toBe('windows-1252');
    expect(doc.text).toBe('Le journaliste José Müller a été arrêté à Genève le 3 mars 2024; sa sœur déclare qu’il a été frappé.');
  });

  it('honours the charset of <meta charset> and of the media type', async () => {
    const page = await readDocument(fixture('page-cp1251.html'), { filename: 'page.html' });
    expect(page).toMatchObject({ format: 'html', encoding: 'windows-1251', title: 'Задержан правозащитник', language: 'ru' });
    expect(page.text).toContain(CYRILLIC);
    const header = await readDocument(iconv.encode('<p>Задержан</p>', 'win1251'), { mediaType: 'text/html; charset=windows-1251' });
    expect(header.text).toBe('Задержан');
  });
});

describe('Markdown', () => {
  it('keeps heading, emphasis and link texts and drops the markup; front matter gives the metadata', async () => {
    const doc = await readDocument(fixture('hunger-strike.md'), { filename: 'hunger-strike.md' });
    expect(doc).toMatchObject({ format: 'markdown', mediaType: 'text/markdown', title: 'Hunger strike enters its third week', author: 'Dina Karimova', published: '2023-03-05', language: 'en' });
    expect(doc.text).toContain('Bishkek — Human rights defender Nurlan Abdyrakhmanov has refused food since 14 February 2023 in protest');
    expect(doc.text).toContain('"He is very weak," his wife told the Kyrgyz Helsinki Group.');
    expect(doc.text).toContain('\n\nWhat the authorities say\n\nThe prison service denies');
    expect(doc.text).toContain('A monitoring visit was requested on 2 March 2023.');
    expect(doc.text).toContain('Complaint filed with the ombudsman.');
    expect(doc.text).not.toMatch(/[*#`>]|\]\(|https?:|\[x\]|khg\]|---/);
  });

  it('without front matter, takes the first heading as title and a byline line as author', async () => {
    const doc = await readDocument(new TextEncoder().encode('# Lawyer barred\n\n*By Jane Doe*\n\n_14 May 2022_\n\nThe lawyer of **Ali Karimov** was turned away.'), { mediaType: 'text/markdown' });
    expect(doc).toMatchObject({ title: 'Lawyer barred', author: 'Jane Doe', published: '2022-05-14' });
  });
});

describe('PDF', () => {
  it('reads the text layer with its paragraphs and the info dictionary', async () => {
    const bytes = fixture('statement.pdf');
    const before = sha256(bytes);
    const doc = await readDocument(bytes, { filename: 'statement.pdf' });
    expect(doc).toMatchObject({
      format: 'pdf', mediaType: 'application/pdf', title: 'Statement on the detention of Rustam Nazarov',
      author: 'Steppe Watch', published: '2022-05-14', sha256: before,
    });
    expect(doc.encoding).toBeUndefined();
    expect(doc.text).toBe([
      'Statement on the detention of Rustam Nazarov',
      "Blogger Rustam Nazarov was detained in Almaty on 11 May 2022. He is held in the city's pre-trial detention centre, where his lawyer was refused access twice and his inhaler was taken from him.",
      'We call on the authorities to release Mr Nazarov and to let an independent doctor examine him without delay.',
      'Steppe Watch, 14 May 2022',
    ].join('\n\n'));
    // pdf.js takes over the buffer it reads: the caller's bytes must be left as they were.
    expect(sha256(bytes)).toBe(before);
  });

  it('refuses a scanned PDF without a text layer, and a damaged one', async () => {
    expect((await refusal(fixture('scan.pdf'))).code).toBe('no-text-layer');
    expect((await refusal(fixture('statement.pdf').subarray(0, 900))).code).toBe('malformed');
    expect((await refusal(new TextEncoder().encode('%PDF-1.7\nnot a PDF after all\n'))).code).toBe('malformed');
  });
});

describe('DOCX', () => {
  it('reads the paragraphs and the core properties', async () => {
    const doc = await readDocument(fixture('letter.docx'), {});
    expect(doc).toMatchObject({
      format: 'docx', title: 'Appeal for urgent medical care', author: 'Karaganda Legal Aid & Advocacy', published: '2024-02-14', language: 'en-GB',
    });
    expect(doc.text).toContain('Dear Prosecutor,\n\nWe write about Gulnara Iskakova, a trade union organiser held in the Karaganda pre-trial detention centre since 9 January 2024.\n\nMs Iskakova');
  });

  it('refuses a damaged DOCX and other ZIP files', async () => {
    expect((await refusal(fixture('letter.docx').subarray(0, 700))).code).toBe('malformed');
    const sheet = await refusal(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), { filename: 'cases.docx' });
    expect(sheet.code).toBe('unsupported-format');
    expect(sheet.message).toMatch(/spreadsheet/);
  });
});

describe('detection and bad input', () => {
  it('goes by magic bytes first, then media type, then extension, then sniffs HTML', async () => {
    expect((await readDocument(fixture('statement.pdf'), { filename: 'statement.txt', mediaType: 'text/plain' })).format).toBe('pdf');
    expect((await readDocument(fixture('letter.docx'), { mediaType: 'application/octet-stream' })).format).toBe('docx');
    const html = new TextEncoder().encode('<!DOCTYPE html><html><body><p>Ali Karimov was held.</p></body></html>');
    expect((await readDocument(html, { filename: 'page.txt', mediaType: 'text/html' })).format).toBe('html');
    expect((await readDocument(html, { filename: 'page.txt' })).format).toBe('text');
    expect((await readDocument(html, {})).format).toBe('html');
    expect((await readDocument(new TextEncoder().encode('# Heading\n\nText.'), { filename: 'notes.md' })).format).toBe('markdown');
  });

  it('refuses empty, whitespace-only, binary and over-50-MB input with their codes', async () => {
    expect((await refusal(new Uint8Array(0))).code).toBe('empty');
    expect((await refusal(new TextEncoder().encode(' \n\t\r\n '), { filename: 'a.txt' })).code).toBe('empty');
    // Deterministic "random" bytes: a linear congruential generator.
    const garbage = new Uint8Array(4096);
    for (let i = 0, x = 7; i < garbage.length; i++) garbage[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    const binary = await refusal(garbage, { filename: 'notes.txt' });
    expect(binary.code).toBe('binary');
    expect(binary.message).toMatch(/binary/);
    expect((await refusal(new Uint8Array([0x48, 0x69, 0, 0, 0, 1, 2, 3, 0, 0x20, 0, 0]))).code).toBe('binary');
    // 50 MB of zero bytes would be 'binary' if parsed: the size is checked first.
    const huge = await refusal(new Uint8Array(MAX_DOCUMENT_BYTES));
    expect(huge.code).toBe('too-large');
    expect(huge.message).toMatch(/50 MB/);
  });

  it('stays fast on pathological input: deep nesting, unmatched markup on one huge line', async () => {
    const started = Date.now();
    const deep = await readDocument(new TextEncoder().encode(`<html><body>${'<div>'.repeat(20_000)}Ali Karimov was held.</body></html>`), { filename: 'deep.html' });
    expect(deep.text).toBe('Ali Karimov was held.');
    for (const line of ['**a '.repeat(50_000), '['.repeat(100_000), '[a]('.repeat(50_000), `# ${' '.repeat(100_000)}Heading`]) {
      await expect(readDocument(new TextEncoder().encode(line), { filename: 'notes.md' })).resolves.toHaveProperty('format', 'markdown');
    }
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('names what an unsupported document is', async () => {
    const png = await refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    expect(png).toMatchObject({ code: 'unsupported-format' });
    expect(png.message).toMatch(/image/);
    expect((await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { filename: 'old.doc' })).message).toMatch(/\.docx or PDF/);
    expect((await refusal(new TextEncoder().encode('{\\rtf1\\ansi Hello}'))).code).toBe('unsupported-format');
    expect((await refusal(new TextEncoder().encode('{"a":1}'), { mediaType: 'application/json' })).code).toBe('unsupported-format');
    expect((await refusal(new TextEncoder().encode('name,date'), { filename: 'list.csv' })).code).toBe('unsupported-format');
    // Said to be a PDF, but has not the bytes of one.
    expect((await refusal(new TextEncoder().encode('hello'), { filename: 'report.pdf' })).code).toBe('malformed');
  });
});
