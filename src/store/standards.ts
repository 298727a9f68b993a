// The standards engine against the store: a case's records read as the rules take them, the
// limits in force for it, and alerts opened and closed to follow what the rules find. Called in
// the transaction of every write that can change a finding, and on a schedule (time alone can
// breach a rule).
import { randomUUID } from 'node:crypto';
import { evaluateCase, RULES, DEFAULT_SETTINGS, type CaseFile, type Finding, type Limit, type RuleId, type RuleResult, type Settings } from '../standards/index.ts';
import type { EventType } from '../domain/vocabularies.ts';
import { todayUtc } from '../domain/dates.ts';
import type { Queryable } from './db.ts';
import { appendAudit, auditTogether } from './audit.ts';
import { ALERT_COLUMNS, alertOut } from './alerts.ts';

/** The record kinds whose changes can change what the rules find. */
export const STANDARDS_KINDS = new Set(['case', 'detention_period', 'event', 'health_condition', 'care_request', 'visit']);

/** The event types some rule looks at; the others (statements, appeals…) are not read. */
const RULE_EVENT_TYPES: EventType[] = [
  'arrest', 'hearing', 'release', 'transfer', 'medical_request', 'medical_treatment', 'medical_examination', 'medical_denied',
  'travel_permission', 'health_decline', 'mistreatment', 'injury_documented', 'investigation',
  'solitary_confinement', 'visit', 'family_contact', 'lawyer_contact', 'death_in_custody',
];

const RULE_IDS = new Set<string>(RULES.map((r) => r.id));
export const isRuleId = (id: string): id is RuleId => RULE_IDS.has(id);

/** `null`: every case not retracted. */
type Which = string[] | null;

const inCases = (column: string, which: Which) => (which ? `AND ${column} = ANY($1::uuid[])` : 'AND ($1::uuid[] IS NULL OR TRUE)');

/**
 * The records of the given cases as the rules read them. One statement, so that they come from
 * one snapshot (on PostgreSQL each statement sees what was committed when it began): a care
 * request and the event that answers it are never read from two different moments.
 */
export async function loadCaseFiles(q: Queryable, which: Which): Promise<Map<string, CaseFile>> {
  // Plain columns in a shared shape (no JSON built per row): tens of thousands of events for a
  // full check. k: which table; t1–t4: text fields; j: a jsonb; ids: a uuid[]; b: a boolean.
  const rows = await q.query<{ k: 'c' | 'd' | 'e' | 'h' | 'r' | 'v'; case_id: string | null; id: string;
    t1: string | null; t2: string | null; t3: string | null; t4: string | null; j: any; ids: string[] | null; b: boolean | null }>(
    `SELECT 'c' AS k, id AS case_id, id, status AS t1, NULL::text AS t2, NULL::text AS t3, NULL::text AS t4, NULL::jsonb AS j,
         NULL::uuid[] AS ids, NULL::boolean AS b
       FROM cases WHERE retracted_at IS NULL ${inCases('id', which)}
     UNION ALL SELECT 'd', case_id, id, start, "end", facility_id::text, NULL, NULL, NULL, NULL
       FROM detention_periods WHERE retracted_at IS NULL ${inCases('case_id', which)}
     UNION ALL SELECT 'e', case_id, id, type, date, place_id::text, NULL, attributes, NULL, NULL
       FROM events WHERE retracted_at IS NULL AND type = ANY($2::text[]) ${inCases('case_id', which)}
     UNION ALL SELECT 'h', case_id, id, name, onset, severity, NULL, NULL, NULL, specialist_care_needed
       FROM health_conditions WHERE retracted_at IS NULL ${inCases('case_id', which)}
     UNION ALL SELECT 'r', case_id, id, condition_id::text, requested_on, urgency, status, NULL, answered_by_event_ids, own_doctor
       FROM care_requests WHERE retracted_at IS NULL ${inCases('case_id', which)}
     UNION ALL SELECT 'v', NULL, id, NULL, date, NULL, NULL, findings, case_ids, NULL
       FROM visits WHERE retracted_at IS NULL ${which ? 'AND case_ids && $1::uuid[]' : 'AND ($1::uuid[] IS NULL OR TRUE)'}`,
    [which, RULE_EVENT_TYPES],
  );
  const files = new Map<string, CaseFile>();
  for (const r of rows) {
    if (r.k === 'c') files.set(r.id, { caseId: r.id, status: r.t1 as CaseFile['status'], detentionPeriods: [], events: [], healthConditions: [], careRequests: [], visits: [] });
  }
  for (const r of rows) {
    const file = r.case_id ? files.get(r.case_id) : undefined;
    if (r.k === 'd') file?.detentionPeriods.push({ id: r.id, start: r.t1!, end: r.t2, facilityId: r.t3 });
    else if (r.k === 'e') file?.events.push({ id: r.id, type: r.t1 as EventType, date: r.t2, placeId: r.t3, attributes: r.j ?? {} });
    else if (r.k === 'h') file?.healthConditions.push({ id: r.id, name: r.t1!, onset: r.t2, severity: r.t3, specialistCareNeeded: r.b });
    else if (r.k === 'r') {
      file?.careRequests.push({
        id: r.id, conditionId: r.t1, requestedOn: r.t2!, urgency: r.t3 as CaseFile['careRequests'][number]['urgency'],
        status: r.t4 as CaseFile['careRequests'][number]['status'], answeredByEventIds: r.ids ?? [], ownDoctor: r.b,
      });
    } else if (r.k === 'v') {
      const findings = ((r.j ?? []) as Array<{ documentsInjuries?: boolean | null }>).map((f) => ({ documentsInjuries: f.documentsInjuries ?? null }));
      for (const caseId of r.ids ?? []) files.get(caseId)?.visits.push({ id: r.id, date: r.t2!, findings });
    }
  }
  return files;
}

/** The limits in force: the defaults, then the deployment's, then each case's own. */
export async function loadSettings(q: Queryable, which: Which): Promise<{ deployment: Settings; forCase: (caseId: string) => Settings }> {
  const rows = await q.query<{ rule_id: string; case_id: string | null; amount: number; unit: 'hours' | 'days' }>(
    `SELECT rule_id, case_id, amount, unit FROM rule_limits WHERE case_id IS NULL ${which ? 'OR case_id = ANY($1::uuid[])' : 'OR ($1::uuid[] IS NULL)'}`,
    [which],
  );
  const limit = (r: (typeof rows)[number]): Limit => (r.unit === 'hours' ? { hours: r.amount } : { days: r.amount });
  const deployment: Settings = { ...DEFAULT_SETTINGS };
  const overrides = new Map<string, Partial<Settings>>();
  for (const r of rows) {
    if (!isRuleId(r.rule_id)) continue;
    if (r.case_id === null) deployment[r.rule_id] = limit(r);
    else overrides.set(r.case_id, { ...overrides.get(r.case_id), [r.rule_id]: limit(r) });
  }
  return { deployment, forCase: (caseId) => ({ ...deployment, ...overrides.get(caseId) }) };
}

/** Every rule's result for one case (the compliance report). */
export async function complianceOf(q: Queryable, caseId: string, today = todayUtc()): Promise<RuleResult[]> {
  const files = await loadCaseFiles(q, [caseId]);
  const settings = await loadSettings(q, [caseId]);
  const file = files.get(caseId);
  return file ? evaluateCase(file, { today, settings: settings.forCase(caseId) }) : [];
}

export interface Reconciled {
  opened: number;
  closed: number;
}

/**
 * Evaluates the cases and makes their alerts follow the findings: a breach without an open alert
 * opens one; an open alert whose breach no longer holds closes. Each opening and closing is
 * audited, in the caller's transaction. `actorId`: whose write caused it (null: the schedule).
 */
export async function reevaluateCases(tx: Queryable, which: Which, actorId: string | null, today = todayUtc()): Promise<Reconciled> {
  if (which && which.length === 0) return { opened: 0, closed: 0 };
  // The open alerts first, then the records: each statement sees what was committed when it began
  // (PostgreSQL, READ COMMITTED), so an alert read here has its records in what is read next, and
  // is never closed for a record that another transaction committed in between.
  const open = await tx.query<{ id: string; case_id: string; finding_key: string; rule_id: string }>(
    `SELECT id, case_id, finding_key, rule_id FROM alerts WHERE closed_at IS NULL ${inCases('case_id', which)}`, [which]);
  const files = await loadCaseFiles(tx, which);
  const settings = await loadSettings(tx, which);
  const openByCase = new Map<string, Map<string, { id: string; rule_id: string }>>();
  for (const a of open) {
    const byKey = openByCase.get(a.case_id) ?? new Map();
    byKey.set(a.finding_key, a);
    openByCase.set(a.case_id, byKey);
  }
  const toOpen: Array<{ caseId: string; finding: Finding }> = [];
  const toClose: Array<{ caseId: string; id: string; ruleId: string; key: string }> = [];
  for (const [caseId, file] of files) {
    const breached = new Map<string, Finding>();
    for (const result of evaluateCase(file, { today, settings: settings.forCase(caseId) })) {
      for (const finding of result.findings) if (finding.status === 'breached') breached.set(finding.key, finding);
    }
    const already = openByCase.get(caseId) ?? new Map();
    for (const [key, finding] of breached) if (!already.has(key)) toOpen.push({ caseId, finding });
    for (const [key, alert] of already) if (!breached.has(key)) toClose.push({ caseId, id: alert.id, ruleId: alert.rule_id, key });
  }
  // A retracted case keeps no open alert.
  for (const [caseId, byKey] of openByCase) {
    if (files.has(caseId)) continue;
    for (const [key, alert] of byKey) toClose.push({ caseId, id: alert.id, ruleId: alert.rule_id, key });
  }
  // Written in one statement each way, their audit entries together: the first check of a large
  // store opens tens of thousands of alerts.
  let opened = 0;
  let closedCount = 0;
  await auditTogether(tx, async (held) => {
    for (let i = 0; i < toOpen.length; i += ALERTS_PER_STATEMENT) {
      const rows = toOpen.slice(i, i + ALERTS_PER_STATEMENT).map(({ caseId, finding }) => ({
        id: randomUUID(), case_id: caseId, rule_id: finding.ruleId, finding_key: finding.key, severity: finding.severity,
        explanation: finding.explanation, evidence: uuidsOnly(finding.recordIds), since: finding.since,
      }));
      const inserted = await held.query<Record<string, unknown>>(
        `INSERT INTO alerts AS a (id, case_id, rule_id, finding_key, severity, explanation, evidence, since)
         SELECT r.id, r.case_id, r.rule_id, r.finding_key, r.severity, r.explanation,
           ARRAY(SELECT jsonb_array_elements_text(r.evidence))::uuid[], r.since
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, case_id uuid, rule_id text, finding_key text, severity text,
           explanation text, evidence jsonb, since date)
         -- Another transaction (the schedule, a write on PostgreSQL) may have opened it meanwhile.
         ON CONFLICT (case_id, finding_key) WHERE closed_at IS NULL DO NOTHING
         RETURNING ${ALERT_COLUMNS}`,
        [JSON.stringify(rows)],
      );
      opened += inserted.length;
      for (const row of inserted) {
        await appendAudit(held, {
          actorId, action: 'alert-open', recordType: 'alert', recordId: row.id as string, after: alertOut(row), caseIds: [row.case_id as string],
        });
      }
    }
    const closed = toClose.length === 0 ? new Set<string>() : new Set((await held.query<{ id: string }>(
      'UPDATE alerts SET closed_at = now() WHERE id = ANY($1::uuid[]) AND closed_at IS NULL RETURNING id', [toClose.map((a) => a.id)],
    )).map((r) => r.id));
    closedCount = closed.size;
    for (const alert of toClose.filter((a) => closed.has(a.id))) {
      await appendAudit(held, {
        actorId, action: 'alert-close', recordType: 'alert', recordId: alert.id,
        after: { ruleId: alert.ruleId, findingKey: alert.key, reason: 'the records no longer show the breach' }, caseIds: [alert.caseId],
      });
    }
  });
  return { opened, closed: closedCount };
}

const ALERTS_PER_STATEMENT = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidsOnly = (ids: string[]) => [...new Set(ids.filter((id) => UUID.test(id)))];
