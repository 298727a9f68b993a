// An export read back into an empty store: every record with its own id and times, checked as an
// API write is (schema, rules, references), in one transaction — a file with one bad record
// writes nothing and names the record. Alerts are worked out once at the end, not per record.
import { z } from 'zod';
import { id as uuid, KINDS, type KindName } from '../domain/entities.ts';
import { Problem } from '../server/errors.ts';
import type { Db, Queryable } from './db.ts';
import { createRecordIn, type Actor } from './records.ts';
import { reevaluateCases } from './standards.ts';
import { TABLES } from './tables.ts';

type Rec = Record<string, unknown>;

export interface RecordToRestore {
  kind: string;
  record: Rec;
  /** Where it came from, for messages: "line 12", "event.csv row 4". */
  at: string;
}

const strict = Object.fromEntries(
  (Object.keys(KINDS) as KindName[]).map((kind) => [kind, z.strictObject(KINDS[kind].fields.shape)]),
) as unknown as Record<KindName, z.ZodType<Rec>>;
const timestamp = z.iso.datetime({ offset: true }).optional();

const located = (at: string, problem: Problem) =>
  new Problem(problem.type, `${at}: ${problem.message}`, problem.errors?.map((e) => ({ ...e, field: `${at}: ${e.field}` })), problem.extra);

/** True when the store holds no case-file records at all (retracted ones count). */
export async function storeIsEmpty(db: Queryable): Promise<boolean> {
  const counts = await db.query<{ n: number }>(
    `SELECT ${Object.values(TABLES).map((t) => `(SELECT count(*) FROM ${t.table})`).join(' + ')} AS n`,
  );
  return Number(counts[0]!.n) === 0;
}

export async function restoreRecords(
  db: Db,
  actor: Actor,
  records: AsyncIterable<RecordToRestore>,
  onRecord: (kind: KindName) => void = () => {},
): Promise<Partial<Record<KindName, number>>> {
  return db.transaction(async (tx) => {
    if (!(await storeIsEmpty(tx))) {
      throw new Problem('conflict', 'This store already holds case records: an export is restored only into an empty store (start a new one with HABEAS_DEMO=false).');
    }
    const users = new Set((await tx.query<{ id: string }>('SELECT id FROM users')).map((u) => u.id));
    const counts: Partial<Record<KindName, number>> = {};
    const caseIds: string[] = [];
    for await (const { kind, record, at } of records) {
      if (!(kind in KINDS)) throw new Problem('validation-failed', `${at}: "${kind}" is not a kind of record`);
      const k = kind as KindName;
      const { id, createdAt, updatedAt, ...rest } = record;
      const fields: Rec = {};
      for (const field of Object.keys(KINDS[k].fields.shape)) if (rest[field] !== undefined && rest[field] !== null) fields[field] = rest[field];
      // Team members are accounts of the exporting deployment; those not here are left out.
      if (Array.isArray(fields.teamUserIds)) fields.teamUserIds = fields.teamUserIds.filter((u) => users.has(String(u)));
      const ids = uuid.safeParse(id);
      const times = z.object({ createdAt: timestamp, updatedAt: timestamp }).safeParse({ createdAt: createdAt ?? undefined, updatedAt: updatedAt ?? undefined });
      const parsed = strict[k].safeParse(fields);
      if (!ids.success || !times.success || !parsed.success) {
        const issues = [
          ...(ids.success ? [] : [{ field: `${at}: id`, message: 'must be a UUID' }]),
          ...(times.success ? [] : times.error.issues.map((i) => ({ field: `${at}: ${i.path.join('.')}`, message: i.message }))),
          ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: `${at}: ${i.path.join('.')}`, message: i.message }))),
        ];
        throw new Problem('validation-failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
      }
      try {
        await createRecordIn(tx, actor, k, parsed.data, {}, { id: ids.data, createdAt: times.data.createdAt, updatedAt: times.data.updatedAt, deferStandards: true });
      } catch (error) {
        throw error instanceof Problem ? located(`${at} (${k} ${ids.data})`, error) : error;
      }
      if (k === 'case') caseIds.push(ids.data);
      counts[k] = (counts[k] ?? 0) + 1;
      onRecord(k);
    }
    for (let i = 0; i < caseIds.length; i += 500) await reevaluateCases(tx, caseIds.slice(i, i + 500), actor.userId);
    return counts;
  });
}
