// `habeas extract FILE` reads every format through intake (the process-level test is test/cli.test.ts).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExtract } from '../cli/extract.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/intake/${name}`, import.meta.url));

describe('runExtract through intake', () => {
  it('extracts from PDF, DOCX and HTML, dating relative dates by the document', async () => {
    const pdf = JSON.parse(await runExtract(fixture('statement.pdf'), { format: 'json' }));
    expect(pdf.events).toContainEqual(expect.objectContaining({ type: 'detention', date: '2022-05-11', subject: 'Rustam Nazarov' }));
    const docx = JSON.parse(await runExtract(fixture('letter.docx'), { format: 'json' }));
    expect(docx.persons).toContainEqual(expect.objectContaining({ name: 'Gulnara Iskakova' }));
    const html = JSON.parse(await runExtract(fixture('blog.html'), { format: 'json' }));
    expect(html.persons.map((p: { name: string }) => p.name)).toContain('Yerlan Dzhaksybekov');
    expect(html.persons.map((p: { name: string }) => p.name)).not.toContain('Samat Ibraimov');
  });

  it('names the file and the reason when intake refuses it', async () => {
    await expect(runExtract(fixture('scan.pdf'), { format: 'json' })).rejects.toThrow(/scan\.pdf: This PDF has no text layer/);
    await expect(runExtract(fixture('make-fixtures.ts'), { format: 'table' })).resolves.toMatch(/^persons/);
  });
});
