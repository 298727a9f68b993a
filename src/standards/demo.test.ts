import { describe, expect, it } from 'vitest';
import { REFERENCE_CASE, resolveRefs, type DemoStep } from '../demo/reference-case.ts';
import { breaches, evaluateCase } from './index.ts';
import type { CaseFile } from './types.ts';

/** The reference case as the store would hand it over, each key standing for its record's id. */
function referenceCaseFile(): CaseFile {
  const ids = new Map(REFERENCE_CASE.steps.map((s) => [s.key, `id:${s.key}`]));
  const steps = REFERENCE_CASE.steps.map((s) => ({ ...s, fields: resolveRefs(s.fields, ids) }) as DemoStep);
  const caseId = ids.get(REFERENCE_CASE.caseKey)!;
  const idOf = (s: DemoStep) => ids.get(s.key)!;
  const file: CaseFile = {
    caseId,
    status: 'unknown',
    detentionPeriods: [],
    events: [],
    healthConditions: [],
    careRequests: [],
    visits: [],
  };
  for (const s of steps) {
    switch (s.kind) {
      case 'case':
        file.status = s.fields.status;
        break;
      case 'detention_period':
        if (s.fields.caseId === caseId) {
          file.detentionPeriods.push({ id: idOf(s), start: s.fields.start, end: s.fields.end ?? null, facilityId: s.fields.facilityId ?? null });
        }
        break;
      case 'event':
        if (s.fields.caseId === caseId) {
          file.events.push({ id: idOf(s), type: s.fields.type, date: s.fields.date ?? null, placeId: s.fields.placeId ?? null, attributes: s.fields.attributes ?? {} });
        }
        break;
      case 'health_condition':
        if (s.fields.caseId === caseId) {
          file.healthConditions.push({
            id: idOf(s), name: s.fields.name, onset: s.fields.onset ?? null,
            severity: s.fields.severity ?? null, specialistCareNeeded: s.fields.specialistCareNeeded ?? null,
          });
        }
        break;
      case 'care_request':
        if (s.fields.caseId === caseId) {
          file.careRequests.push({
            id: idOf(s), conditionId: s.fields.conditionId ?? null, requestedOn: s.fields.requestedOn,
            urgency: s.fields.urgency, status: s.fields.status, answeredByEventIds: s.fields.answeredByEventIds ?? [],
            ownDoctor: null,
          });
        }
        break;
      case 'visit':
        if (s.fields.caseIds?.includes(caseId)) {
          file.visits.push({
            id: idOf(s), date: s.fields.date,
            findings: (s.fields.findings ?? []).map((f) => ({ documentsInjuries: f.documentsInjuries ?? null })),
          });
        }
        break;
      default:
        break;
    }
  }
  return file;
}

describe('the reference case (Atambayev), seen on 23 November 2026', () => {
  const results = evaluateCase(referenceCaseFile(), { today: '2026-11-23' });
  const status = Object.fromEntries(results.map((r) => [r.ruleId, r.status]));

  it('breaches exactly: care denied, care unanswered, urgent care, health decline, ill-treatment, trial in absence', () => {
    const breached = results.filter((r) => r.status === 'breached').map((r) => r.ruleId);
    expect(breached.sort()).toEqual(
      ['care-denied', 'care-unanswered', 'health-decline', 'ill-treatment-documented', 'trial-in-absence', 'urgent-care'].sort(),
    );
  });

  it('raises no alarm its partial dates cannot support', () => {
    // Arrest and detention known only as "2019", a hearing "before 14 May 2022", no examination
    // or contact on record, a condition with no onset: the engine says it cannot decide.
    expect(status).toMatchObject({
      'admission-exam': 'undetermined',
      'judge-48h': 'undetermined',
      incommunicado: 'undetermined',
      'specialist-transfer': 'undetermined',
      'family-notified': 'not_applicable',
      'no-monitoring': 'not_applicable', // abroad for treatment, not held now
      'own-doctor': 'not_applicable',
      'solitary-15-days': 'not_applicable',
    });
  });

  it('dates each breach from the day it surely held', () => {
    const since = Object.fromEntries(breaches(results).map((f) => [f.key, f.since]));
    expect(since).toEqual({
      // The SI's urgent requests were made by 14 May 2022 at the latest.
      'urgent-care:id:care.si-urgent': '2022-05-16',
      'care-unanswered:id:care.si-urgent': '2022-05-29',
      'care-denied:id:event.medical-denied': '2022-05-14',
      'health-decline:id:event.health-decline': '2022-05-22',
      'ill-treatment-documented:id:event.mistreatment': '2022-05-22',
      'ill-treatment-documented:id:event.injury-documented': '2022-05-22',
      'ill-treatment-documented:id:visit.ncpt': '2022-05-22',
      'trial-in-absence:id:event.hearing': '2022-05-14',
    });
  });

  it('stops the clock when he left the colony in March 2023, and says so at the dates\' precision', () => {
    const urgent = breaches(results).find((f) => f.ruleId === 'urgent-care')!;
    expect(urgent.explanation).toBe(
      'The urgent care request dated before 14 May 2022 (unanswered) had no medical treatment, examination or ' +
        'hospital transfer within 24 hours: none is on record by the end of custody (March 2023), at least 291 days later.',
    );
  });

  it('cites the provisions of each breached rule', () => {
    const urgent = results.find((r) => r.ruleId === 'urgent-care')!;
    expect(urgent.provisions.map((p) => p.citation)).toEqual(['Mandela Rules 27(1)']);
    const trial = results.find((r) => r.ruleId === 'trial-in-absence')!;
    expect(trial.provisions.map((p) => p.citation)).toEqual(['ICCPR 14(3)(d)']);
  });
});
