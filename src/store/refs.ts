// Every id a record refers to is checked before the write, so that a dangling or invisible
// reference is answered with the exact field that holds it (the foreign keys are the backstop).
import type { KindName } from '../domain/entities.ts';
import { Problem, type FieldIssue } from '../server/errors.ts';
import type { Queryable } from './db.ts';
import { ALWAYS_VISIBLE, hiddenCase, hiddenSubject, hidesAnyCase } from './visibility.ts';

type Rec = Record<string, unknown>;
type Target = 'cases' | 'persons' | 'organizations' | 'places' | 'events' | 'health_conditions' |
  'sources' | 'users' | 'detention_periods' | 'care_requests' | 'visits';

export interface Ref {
  path: string;
  table: Target;
  id: string;
  /** The referred record must belong to this case (a care request answered by another case's event is wrong). */
  caseId?: string;
}

const CASE_SCOPED = new Set<Target>(['events', 'health_conditions', 'detention_periods', 'care_requests']);

function collect(refs: Ref[], path: string, table: Target, value: unknown, caseId?: string) {
  if (typeof value === 'string') refs.push({ path, table, id: value, caseId });
  else if (Array.isArray(value)) value.forEach((v, i) => collect(refs, `${path}.${i}`, table, v, caseId));
}

export function refsOf(kind: KindName, r: Rec): Ref[] {
  const refs: Ref[] = [];
  const add = (path: string, table: Target, value: unknown, caseId?: string) =>
    collect(refs, path, table, value, caseId);
  const caseId = typeof r.caseId === 'string' ? r.caseId : undefined;
  add('caseId', 'cases', r.caseId);
  switch (kind) {
    case 'person':
      ((r.positions as Rec[]) ?? []).forEach((p, i) => add(`positions.${i}.organizationId`, 'organizations', p.organizationId));
      break;
    case 'place':
      add('parentId', 'places', r.parentId);
      break;
    case 'case':
      add('subjectPersonId', 'persons', r.subjectPersonId);
      add('teamUserIds', 'users', r.teamUserIds);
      break;
    case 'detention_period':
      add('facilityId', 'places', r.facilityId);
      break;
    case 'event': {
      add('placeId', 'places', r.placeId);
      ((r.participants as Rec[]) ?? []).forEach((p, i) => {
        add(`participants.${i}.personId`, 'persons', p.personId);
        add(`participants.${i}.organizationId`, 'organizations', p.organizationId);
      });
      const attributes = (r.attributes as Rec) ?? {};
      add('attributes.fromPlaceId', 'places', attributes.fromPlaceId);
      add('attributes.toPlaceId', 'places', attributes.toPlaceId);
      break;
    }
    case 'care_request':
      add('conditionId', 'health_conditions', r.conditionId, caseId);
      add('requestedByPersonId', 'persons', r.requestedByPersonId);
      add('requestedByOrganizationId', 'organizations', r.requestedByOrganizationId);
      add('addressedToOrganizationId', 'organizations', r.addressedToOrganizationId);
      add('answeredByEventIds', 'events', r.answeredByEventIds, caseId);
      break;
    case 'visit':
      add('facilityId', 'places', r.facilityId);
      add('visitingBodyId', 'organizations', r.visitingBodyId);
      add('visitorPersonIds', 'persons', r.visitorPersonIds);
      add('caseIds', 'cases', r.caseIds);
      ((r.findings as Rec[]) ?? []).forEach((f, i) => add(`findings.${i}.evidenceSourceIds`, 'sources', f.evidenceSourceIds));
      ((r.recommendations as Rec[]) ?? []).forEach((x, i) =>
        add(`recommendations.${i}.addresseeOrganizationId`, 'organizations', x.addresseeOrganizationId));
      break;
    case 'source':
      add('caseIds', 'cases', r.caseIds);
      break;
    case 'claim':
      add('sourceId', 'sources', r.sourceId);
      break;
  }
  return refs;
}

/** Which refs are missing, retracted, in another case, or hidden from the asking user. */
export async function checkRefs(tx: Queryable, userId: string, refs: Ref[]): Promise<void> {
  const issues: FieldIssue[] = [];
  const byTable = new Map<Target, Ref[]>();
  for (const ref of refs) byTable.set(ref.table, [...(byTable.get(ref.table) ?? []), ref]);
  for (const [table, list] of byTable) {
    const alive = table === 'users' ? 't.disabled_at IS NULL' : 't.retracted_at IS NULL';
    const visible =
      table === 'cases' ? `NOT ${hiddenCase('t.id')}`
      : CASE_SCOPED.has(table) ? `NOT ${hiddenCase('t.case_id')}`
      : table === 'sources' ? `NOT ${hidesAnyCase('t.case_ids')}`
      : table === 'persons' ? `NOT ${hiddenSubject('t.id')}`
      : table === 'visits' ? `NOT ${hidesAnyCase('t.case_ids')}`
      : ALWAYS_VISIBLE;
    const caseColumn = CASE_SCOPED.has(table) ? 't.case_id' : 'NULL::uuid';
    const rows = await tx.query<{ id: string; case_id: string | null }>(
      `SELECT t.id, ${caseColumn} AS case_id FROM ${table} t
       WHERE t.id = ANY($2::uuid[]) AND ${alive} AND ${visible}`,
      [userId, [...new Set(list.map((r) => r.id))]],
    );
    const found = new Map(rows.map((row) => [row.id, row.case_id]));
    for (const ref of list) {
      const label = table.replace(/s$/, '').replace('_', ' ');
      if (!found.has(ref.id)) issues.push({ field: ref.path, message: `no ${label} with id ${ref.id}` });
      else if (ref.caseId && found.get(ref.id) !== ref.caseId) {
        issues.push({ field: ref.path, message: `${label} ${ref.id} belongs to another case` });
      }
    }
  }
  if (issues.length) {
    throw new Problem('unprocessable-reference', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
  }
}
