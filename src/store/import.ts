// A document into the store: read (intake), kept once (the same bytes, or the same text, find the
// source that holds them), stored with its original bytes and what extraction suggests it says.
import { readDocument, type IntakeResult } from '../intake/index.ts';
import { Problem } from '../server/errors.ts';
import { auditTogether } from './audit.ts';
import { inSavepoint, type Db, type Queryable } from './db.ts';
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

const read = (input: ImportInput) => readDocument(input.bytes, { filename: input.filename, mediaType: input.mediaType });

/** One document, in a transaction of its own: it is in the store with its suggestions, or not at all. */
export async function importDocument(db: Db, actor: Actor, input: ImportInput): Promise<ImportResult> {
  const document = await read(input);
  // The audit entries of the source and of its suggestions are written together, at the end.
  return db.transaction((tx) => auditTogether(tx, (tx) => storeDocument(tx, actor, input, document)));
}

/** Documents per transaction in a batch: enough to spread a commit's cost, few to redo after a crash. */
export const IMPORT_PER_TRANSACTION = 20;

export type ImportOutcome<T> = { item: T; result: ImportResult } | { item: T; error: unknown };

/**
 * Many documents, several to a transaction (fewer commits, and one turn at the audit chain for
 * all of them), each in a savepoint of its own: a document is in the store with its suggestions
 * or not at all, and one that fails takes no other along. `load` turns an item into its bytes
 * (reading a file may fail too: that item fails). Outcomes are reported in order, each once its
 * transaction has committed.
 */
export async function importDocuments<T>(
  db: Db,
  actor: Actor,
  items: T[],
  load: (item: T) => ImportInput,
  report: (outcome: ImportOutcome<T>) => void,
  { perTransaction = IMPORT_PER_TRANSACTION } = {},
): Promise<void> {
  for (let start = 0; start < items.length; start += perTransaction) {
    // Intake before the transaction opens: a slow PDF does not hold a connection.
    const outcomes: Array<ImportOutcome<T> | { item: T; input: ImportInput; document: IntakeResult }> = [];
    for (const item of items.slice(start, start + perTransaction)) {
      try {
        const input = load(item);
        outcomes.push({ item, input, document: await read(input) });
      } catch (error) {
        outcomes.push({ item, error });
      }
    }
    try {
      await db.transaction((tx) => auditTogether(tx, async (tx) => {
        for (const [i, outcome] of outcomes.entries()) {
          if (!('document' in outcome)) continue;
          const { item, input, document } = outcome;
          try {
            const result = await inSavepoint(tx, (tx) => auditTogether(tx, (tx) => storeDocument(tx, actor, input, document)));
            outcomes[i] = { item, result };
          } catch (error) {
            outcomes[i] = { item, error };
          }
        }
      }));
    } catch (error) {
      // The commit failed: nothing of this transaction is in the store.
      for (const [i, outcome] of outcomes.entries()) if (!('error' in outcome)) outcomes[i] = { item: outcome.item, error };
    }
    for (const outcome of outcomes) report(outcome as ImportOutcome<T>);
  }
}

const noSuggestions = () => ({ added: 0, known: 0 });

/** The document into the store, in the caller's transaction. */
async function storeDocument(tx: Queryable, actor: Actor, input: ImportInput, document: IntakeResult): Promise<ImportResult> {
  const [same] = await tx.query<{ id: string; title: string }>(
    `SELECT t.id, t.title FROM sources t WHERE t.sha256 = $2 AND t.retracted_at IS NULL AND ${visibleSql('cases')} LIMIT 1`,
    [actor.userId, document.sha256],
  );
  if (same) return { sourceId: same.id, duplicate: true, title: same.title, suggestions: noSuggestions() };
  const title = (document.title ?? input.filename ?? 'Untitled document').trim().slice(0, 1_000) || 'Untitled document';
  let source: Record<string, unknown>;
  try {
    source = await createRecordIn(tx, actor, 'source', {
      title,
      author: document.author?.slice(0, 300) ?? null,
      publisher: document.publisher?.slice(0, 300) ?? null,
      publishedDate: document.published ?? null,
      language: document.language && LANGUAGE.test(document.language) ? document.language : null,
      text: document.text,
      caseIds: input.caseIds ?? [],
    }, {
      // The source is known by its original bytes from now on, and keeps them.
      original: Buffer.from(input.bytes), originalFilename: input.filename ?? null, mediaType: document.mediaType, sha256: document.sha256,
    });
  } catch (error) {
    // The same words from another file (a PDF of a web page already imported) are the same
    // source. createRecordIn finds that before it writes anything, so the transaction goes on.
    const existingId = error instanceof Problem && error.type === 'conflict' ? error.extra?.existingId : undefined;
    if (typeof existingId === 'string') return { sourceId: existingId, duplicate: true, title, suggestions: noSuggestions() };
    throw error;
  }
  const suggestions = await suggestFrom(tx, actor, source);
  return { sourceId: source.id as string, duplicate: false, title, suggestions };
}
