// The store (or one case) as a stream of records, kind by kind in an order where everything a
// record refers to comes before it, so that importing the stream in order can check every
// reference. Only what the exporting user may see, only records in force (retracted ones live on
// in the audit log). A page at a time: a store of any size is exported in constant memory.
import type { KindName } from '../domain/entities.ts';
import type { Queryable } from './db.ts';
import { getRecord, loadChildren, type Actor } from './records.ts';
import { refsOf } from './refs.ts';
import { decodeRow, selectList, TABLES } from './tables.ts';
import { visibleSql } from './visibility.ts';

type Rec = Record<string, unknown>;

/** References point backwards in this order (claims, which may be about any record, come last). */
export const EXPORT_ORDER: KindName[] = [
  'organization', 'place', 'person', 'case', 'source', 'detention_period', 'health_condition', 'event',
  'care_request', 'visit', 'claim',
];

export interface ExportedRecord {
  kind: KindName;
  record: Rec;
}

const PAGE = 500;

/** Rows of one kind under `where` (with `$2…` parameters), oldest first, a page at a time. */
async function* rows(db: Queryable, actor: Actor, kind: KindName, where = 'TRUE', params: unknown[] = []): AsyncGenerator<Rec> {
  const spec = TABLES[kind];
  let after: [Date, string] | null = null;
  for (;;) {
    const args: unknown[] = [actor.userId, ...params];
    let keyset = '';
    if (after) {
      args.push(after[0], after[1]);
      keyset = `AND (t.created_at, t.id) > ($${args.length - 1}::timestamptz, $${args.length}::uuid)`;
    }
    args.push(PAGE);
    const page = await db.query<Rec>(
      `SELECT ${selectList(kind)}, t.created_at AS page_key FROM ${spec.table} t
       WHERE t.retracted_at IS NULL AND ${visibleSql(spec.scope)} AND (${where}) ${keyset}
       ORDER BY t.created_at, t.id LIMIT $${args.length}`,
      args,
    );
    const records = page.map(({ page_key: _, ...row }) => decodeRow(kind, row));
    await loadChildren(db, kind, records);
    yield* records;
    if (page.length < PAGE) return;
    const last = page.at(-1)!;
    after = [last.page_key as Date, last.id as string];
  }
}

/** Every record the user may see. */
export async function* exportStore(db: Queryable, actor: Actor): AsyncGenerator<ExportedRecord> {
  for (const kind of EXPORT_ORDER) {
    for await (const record of rows(db, actor, kind)) yield { kind, record };
  }
}

const TABLE_KIND: Record<string, KindName> = { persons: 'person', organizations: 'organization', places: 'place' };

/**
 * One case: its records, the sources and visits about it, the claims on any of them, and the
 * people, organisations and places they refer to (with the places those lie in), so that the
 * export imports on its own. A case the user may not see is not found.
 */
export async function* exportCase(db: Queryable, actor: Actor, caseId: string): AsyncGenerator<ExportedRecord> {
  const own = new Map<KindName, Rec[]>();
  own.set('case', [await getRecord(db, actor, 'case', caseId)]);
  const collect = async (kind: KindName, where: string) => {
    const found: Rec[] = [];
    for await (const record of rows(db, actor, kind, where, [caseId])) found.push(record);
    own.set(kind, found);
  };
  for (const kind of ['detention_period', 'health_condition', 'event', 'care_request'] as const) await collect(kind, 't.case_id = $2');
  for (const kind of ['visit', 'source'] as const) await collect(kind, '$2::uuid = ANY(t.case_ids)');

  // The entities they name, and what those name in turn (a place's parent, a person's organisation).
  const wanted: Record<'person' | 'organization' | 'place', Set<string>> = { person: new Set(), organization: new Set(), place: new Set() };
  const note = (kind: KindName, record: Rec) => {
    for (const ref of refsOf(kind, record)) {
      const target = TABLE_KIND[ref.table];
      if (target === 'person' || target === 'organization' || target === 'place') wanted[target].add(ref.id);
    }
  };
  for (const [kind, records] of own) for (const record of records) note(kind, record);
  const entities = new Map<KindName, Map<string, Rec>>([['person', new Map()], ['organization', new Map()], ['place', new Map()]]);
  // Persons first: their positions name organisations. Places until no parent is missing.
  for (const kind of ['person', 'organization', 'place'] as const) {
    const tried = new Set<string>();
    for (let pending = [...wanted[kind]]; pending.length > 0; pending = [...wanted[kind]].filter((id) => !tried.has(id))) {
      pending.forEach((id) => tried.add(id));
      for await (const record of rows(db, actor, kind, 't.id = ANY($2::uuid[])', [pending])) {
        entities.get(kind)!.set(record.id as string, record);
        note(kind, record);
      }
    }
  }
  const ids = [...[...own.values()].flat(), ...entities.get('person')!.values()].map((r) => r.id as string);
  const claims: Rec[] = [];
  for await (const record of rows(db, actor, 'claim', 't.case_id = $2 OR t.record_id = ANY($3::uuid[])', [caseId, ids])) claims.push(record);
  own.set('claim', claims);

  for (const kind of EXPORT_ORDER) {
    const records = entities.has(kind) ? [...entities.get(kind)!.values()] : own.get(kind) ?? [];
    // Within a kind, oldest first, as the whole-store export does (a place's parent before it).
    records.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
    for (const record of records) yield { kind, record };
  }
}
