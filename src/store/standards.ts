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

/** The records of the given cases as the rules read them, in one query per table. */
export async function loadCaseFiles(q: Queryable, which: Which): Promise<Map<string, CaseFile>> {
  const params = [which];
  // One after another: a transaction is one connection, which runs one query at a time.
  const cases = await q.query<{ id: string; status: CaseFile['status'] }>(
    `SELECT id, status FROM cases WHERE retracted_at IS NULL ${inCases('id', which)}`, params);
  const periods = await q.query<{ id: string; case_id: string; start: string; end: string | null; facility_id: string | null }>(
    `SELECT id, case_id, start, "end", facility_id FROM detention_periods WHERE retracted_at IS NULL ${inCases('case_id', which)}`, params);
  const events = await q.query<{ id: string; case_id: string; type: EventType; date: string | null; place_id: string | null; attributes: Record<string, unknown> }>(
    `SELECT id, case_id, type, date, place_id, attributes FROM events
     WHERE retracted_at IS NULL AND type = ANY($2::text[]) ${inCases('case_id', which)}`, [which, RULE_EVENT_TYPES]);
  const conditions = await q.query<{ id: string; case_id: string; name: string; onset: string | null; severity: string | null; specialist_care_needed: boolean | null }>(
    `SELECT id, case_id, name, onset, severity, specialist_care_needed FROM health_conditions
     WHERE retracted_at IS NULL ${inCases('case_id', which)}`, params);
  const requests = await q.query<{ id: string; case_id: string; condition_id: string | null; requested_on: string; urgency: CaseFile['careRequests'][number]['urgency'];
    status: CaseFile['careRequests'][number]['status']; answered_by_event_ids: string[]; own_doctor: boolean | null }>(
    `SELECT id, case_id, condition_id, requested_on, urgency, status, answered_by_event_ids, own_doctor FROM care_requests
     WHERE retracted_at IS NULL ${inCases('case_id', which)}`, params);
  const visits = await q.query<{ id: string; case_ids: string[]; date: string; findings: Array<{ documentsInjuries?: boolean | null }> }>(
    `SELECT id, case_ids, date, findings FROM visits WHERE retracted_at IS NULL
     ${which ? 'AND case_ids && $1::uuid[]' : 'AND ($1::uuid[] IS NULL OR TRUE)'}`, params);
  const files = new Map<string, CaseFile>();
  for (const c of cases) {
    files.set(c.id, { caseId: c.id, status: c.status, detentionPeriods: [], events: [], healthConditions: [], careRequests: [], visits: [] });
  }
  for (const p of periods) files.get(p.case_id)?.detentionPeriods.push({ id: p.id, start: p.start, end: p.end, facilityId: p.facility_id });
  for (const e of events) files.get(e.case_id)?.events.push({ id: e.id, type: e.type, date: e.date, placeId: e.place_id, attributes: e.attributes ?? {} });
  for (const h of conditions) {
    files.get(h.case_id)?.healthConditions.push({
      id: h.id, name: h.name, onset: h.onset, severity: h.severity, specialistCareNeeded: h.specialist_care_needed,
    });
  }
  for (const r of requests) {
    files.get(r.case_id)?.careRequests.push({
      id: r.id, conditionId: r.condition_id, requestedOn: r.requested_on, urgency: r.urgency, status: r.status,
      answeredByEventIds: r.answered_by_event_ids ?? [], ownDoctor: r.own_doctor,
    });
  }
  for (const v of visits) {
    for (const caseId of v.case_ids) {
      files.get(caseId)?.visits.push({ id: v.id, date: v.date, findings: (v.findings ?? []).map((f) => ({ documentsInjuries: f.documentsInjuries ?? null })) });
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
  const files = await loadCaseFiles(tx, which);
  const settings = await loadSettings(tx, which);
  const open = await tx.query<{ id: string; case_id: string; finding_key: string; rule_id: string }>(
    `SELECT id, case_id, finding_key, rule_id FROM alerts WHERE closed_at IS NULL ${inCases('case_id', which)}`, [which]);
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
         RETURNING ${ALERT_COLUMNS}`,
        [JSON.stringify(rows)],
      );
      for (const row of inserted) {
        await appendAudit(held, {
          actorId, action: 'alert-open', recordType: 'alert', recordId: row.id as string, after: alertOut(row), caseIds: [row.case_id as string],
        });
      }
    }
    if (toClose.length > 0) await held.query('UPDATE alerts SET closed_at = now() WHERE id = ANY($1::uuid[])', [toClose.map((a) => a.id)]);
    for (const alert of toClose) {
      await appendAudit(held, {
        actorId, action: 'alert-close', recordType: 'alert', recordId: alert.id,
        after: { ruleId: alert.ruleId, findingKey: alert.key, reason: 'the records no longer show the breach' }, caseIds: [alert.caseId],
      });
    }
  });
  return { opened: toOpen.length, closed: toClose.length };
}

const ALERTS_PER_STATEMENT = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidsOnly = (ids: string[]) => [...new Set(ids.filter((id) => UUID.test(id)))];
