// A document into the store: read (intake), kept once (the same bytes, or the same text, find the
// source that holds them), stored with its original bytes and what extraction suggests it says.
import { readDocument } from '../intake/index.ts';
import { Problem } from '../server/errors.ts';
import type { Db } from './db.ts';
import { createRecordIn, type Actor } from './records.ts';
import { suggestFrom } from './suggestions.ts';
import { visibleSql } from './visibility.ts';

export interface ImportInput {
  bytes: Uint8Array;
  filename?: string;
  mediaType?: string;
  caseIds?: string[];
}

export interface ImportResult {
  sourceId: string;
  duplicate: boolean;
  title: string;
  suggestions: { added: number; known: number };
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export async function importDocument(db: Db, actor: Actor, input: ImportInput): Promise<ImportResult> {
  const read = await readDocument(input.bytes, { filename: input.filename, mediaType: input.mediaType });
  const [same] = await db.query<{ id: string; title: string }>(
    `SELECT t.id, t.title FROM sources t WHERE t.sha256 = $2 AND t.retracted_at IS NULL AND ${visibleSql('cases')} LIMIT 1`,
    [actor.userId, read.sha256],
  );
  if (same) return { sourceId: same.id, duplicate: true, title: same.title, suggestions: { added: 0, known: 0 } };
  const title = (read.title ?? input.filename ?? 'Untitled document').trim().slice(0, 1_000) || 'Untitled document';
  try {
    // One transaction: a document is in the store with its suggestions, or not at all.
    return await db.transaction(async (tx) => {
      const source = await createRecordIn(tx, actor, 'source', {
        title,
        author: read.author?.slice(0, 300) ?? null,
        publisher: read.publisher?.slice(0, 300) ?? null,
        publishedDate: read.published ?? null,
        language: read.language && LANGUAGE.test(read.language) ? read.language : null,
        text: read.text,
        caseIds: input.caseIds ?? [],
      });
      // The source is known by its original bytes from now on, and keeps them.
      await tx.query(
        'UPDATE sources SET original = $2, original_filename = $3, media_type = $4, sha256 = $5 WHERE id = $1',
        [source.id, Buffer.from(input.bytes), input.filename ?? null, read.mediaType, read.sha256],
      );
      const suggestions = await suggestFrom(tx, actor, source);
      return { sourceId: source.id as string, duplicate: false, title, suggestions };
    });
  } catch (error) {
    // The same words from another file (a PDF of a web page already imported) are the same source.
    const existingId = error instanceof Problem && error.type === 'conflict' ? error.extra?.existingId : undefined;
    if (typeof existingId === 'string') return { sourceId: existingId, duplicate: true, title, suggestions: { added: 0, known: 0 } };
    throw error;
  }
}
