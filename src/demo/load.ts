// Loads the reference case through the same store functions the API uses, so the demo data are
// validated, audited and searchable like anything a monitor enters.
import { KINDS, type KindName } from '../domain/entities.ts';
import type { Db } from '../store/db.ts';
import { createRecord } from '../store/records.ts';
import { loadReferenceCase, REFERENCE_CASE } from './reference-case.ts';

/** Returns the id of the demo case. */
export async function loadDemo(db: Db, actorId: string): Promise<string> {
  const ids = await loadReferenceCase(async (kind: KindName, fields: Record<string, unknown>) => {
    const parsed = KINDS[kind].fields.parse(fields) as Record<string, unknown>;
    return (await createRecord(db, { userId: actorId }, kind, parsed)) as { id: string };
  });
  return ids.get(REFERENCE_CASE.caseKey)!;
}
