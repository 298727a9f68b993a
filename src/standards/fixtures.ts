// Builders that speak the domain, for the standards tests: a case reads like its story.
import { evaluateCase } from './index.ts';
import type { CareRequestRecord, CaseEvent, CaseFile, RuleId, RuleResult, Settings } from './types.ts';
import type { EventType } from '../domain/vocabularies.ts';

export function buildCase(parts: Partial<CaseFile> = {}): CaseFile {
  return {
    caseId: 'case-1',
    status: 'detained',
    detentionPeriods: [],
    events: [],
    healthConditions: [],
    careRequests: [],
    visits: [],
    ...parts,
  };
}

export function buildEvent(
  id: string,
  type: EventType,
  date: string | null,
  attributes: Record<string, unknown> = {},
): CaseEvent {
  return { id, type, date, placeId: null, attributes };
}

export function buildCareRequest(
  id: string,
  requestedOn: string,
  parts: Partial<CareRequestRecord> = {},
): CareRequestRecord {
  return {
    id,
    conditionId: null,
    requestedOn,
    urgency: 'routine',
    status: 'open',
    answeredByEventIds: [],
    ownDoctor: null,
    ...parts,
  };
}

export function buildDetention(id: string, start: string, end: string | null = null): CaseFile['detentionPeriods'][number] {
  return { id, start, end, facilityId: null };
}

export function buildCondition(
  id: string,
  name: string,
  onset: string | null,
  specialistCareNeeded: boolean | null = true,
): CaseFile['healthConditions'][number] {
  return { id, name, onset, severity: null, specialistCareNeeded };
}

export function buildVisit(id: string, date: string, documentsInjuries: boolean | null = null): CaseFile['visits'][number] {
  return { id, date, findings: [{ documentsInjuries }] };
}

/** The result of one rule for a case. */
export function check(
  ruleId: RuleId,
  file: CaseFile,
  options: { today?: string; settings?: Partial<Settings> } = {},
): RuleResult {
  const results = evaluateCase(file, { today: options.today ?? '2024-06-30', settings: options.settings });
  return results.find((r) => r.ruleId === ruleId)!;
}
