// Dates at their precision, bylines and date lines: the metadata a text states about itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bylineOf, dateLine, dateValue } from './meta.ts';
import { IntakeError, readDocument } from './index.ts';

describe('dateValue', () => {
  it('keeps the precision and the day as written', () => {
    expect(dateValue('2023-11-08T18:45:00+06:00')).toBe('2023-11-08');
    expect(dateValue('2024-03-02T23:10:00-05:00')).toBe('2024-03-02');
    expect(dateValue('2022-05')).toBe('2022-05');
    expect(dateValue('2019')).toBe('2019');
    expect(dateValue('D:20220514093000Z')).toBe('2022-05-14');
    expect(dateValue('D:202205')).toBe('2022-05');
    expect(dateValue('20220514')).toBe('2022-05-14');
    expect(dateValue('14 May 2022')).toBe('2022-05-14');
    expect(dateValue('Tue, 14 May 2022 10:00:00 GMT')).toBe('2022-05-14');
    expect(dateValue('2022-02-30')).toBeUndefined();
    expect(dateValue('14 May')).toBeUndefined();
    expect(dateValue('soon')).toBeUndefined();
  });
});

describe('dateLine and bylineOf', () => {
  it('read lines that state only a date', () => {
    expect(dateLine('14 May 2022')).toBe('2022-05-14');
    expect(dateLine('March 5, 2023')).toBe('2023-03-05');
    expect(dateLine('Published: Monday, 14 May 2022 10:32 BST')).toBe('2022-05-14');
    expect(dateLine('Posted on 05/03/2023')).toBe('2023-03-05');
    expect(dateLine('Bishkek, 14 May 2022')).toBe('2022-05-14');
    expect(dateLine('May 2022')).toBe('2022-05');
    expect(dateLine('2021')).toBe('2021');
    expect(dateLine('He was arrested on 14 May 2022')).toBeUndefined();
    expect(dateLine('14 May')).toBeUndefined();
  });

  it('read bylines, with a date after them', () => {
    expect(bylineOf('By Jane Doe')).toEqual({ author: 'Jane Doe' });
    expect(bylineOf('Written by Allan van der Berg')).toEqual({ author: 'Allan van der Berg' });
    expect(bylineOf('By Ali Karimov and Jane Doe | 14 May 2022')).toEqual({ author: 'Ali Karimov and Jane Doe', published: '2022-05-14' });
    expect(bylineOf('By JANE DOE, Human Rights Watch')).toEqual({ author: 'JANE DOE' });
    expect(bylineOf('Автор: Дина Каримова')).toBeUndefined();
    expect(bylineOf('By the time he was freed, he had lost weight.')).toBeUndefined();
    expect(bylineOf('By Tuesday')).toBeUndefined();
  });
});

describe('readDocument on any bytes', () => {
  it('either reads them or refuses them with an IntakeError', async () => {
    const asBytes = (s: string) => new TextEncoder().encode(s);
    const inputs = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      fc.string({ maxLength: 500, unit: 'binary' }).map(asBytes),
      fc.array(fc.constantFrom('<p>', '</p>', '<div class="share">', '</div>', '<h1>', 'Share this:', 'Leave a Reply', '14 May 2022', 'By Jane Doe', '\n', '&nbsp;', 'Ali Karimov was held.', '<meta charset="koi8-r">', '# ', '**', '[a](b)', '%PDF-1.4', '\u0000', '\ufeff'), { maxLength: 60 }).map((parts) => asBytes(parts.join(''))),
    );
    const hints = fc.constantFrom({}, { filename: 'a.html' }, { filename: 'a.md' }, { filename: 'a.txt' }, { mediaType: 'text/html; charset=windows-1251' }, { filename: 'a.pdf' }, { filename: 'a.docx' });
    await fc.assert(fc.asyncProperty(inputs, hints, async (bytes, hint) => {
      try {
        const doc = await readDocument(bytes, hint);
        expect(doc.text.trim()).toBe(doc.text);
        expect(doc.text.length).toBeGreaterThan(0);
        expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
      } catch (error) {
        if (!(error instanceof IntakeError)) throw error;
      }
    }), { numRuns: 300 });
  });
});
