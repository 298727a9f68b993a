// The standards engine's contract: one case's records in, findings out. The store builds a
// CaseFile from its tables; the server and the reports read RuleResults and Findings.
import type { CaseStatus, EventType } from '../domain/vocabularies.ts';

export type RuleId =
  | 'urgent-care'
  | 'care-unanswered'
  | 'care-denied'
  | 'admission-exam'
  | 'health-decline'
  | 'specialist-transfer'
  | 'own-doctor'
  | 'ill-treatment-documented'
  | 'solitary-15-days'
  | 'judge-48h'
  | 'family-notified'
  | 'incommunicado'
  | 'trial-in-absence'
  | 'no-monitoring';

export interface CaseEvent {
  id: string;
  type: EventType;
  date: string | null;
  placeId: string | null;
  attributes: Record<string, unknown>;
}

export interface CareRequestRecord {
  id: string;
  conditionId: string | null;
  requestedOn: string;
  urgency: 'routine' | 'soon' | 'urgent';
  status: 'open' | 'granted' | 'denied' | 'fulfilled' | 'unanswered';
  answeredByEventIds: string[];
  ownDoctor: boolean | null;
}

/** One case's records, as the store has them (dates as EDTF text). */
export interface CaseFile {
  caseId: string;
  status: CaseStatus;
  detentionPeriods: { id: string; start: string; end: string | null; facilityId: string | null }[];
  events: CaseEvent[];
  healthConditions: {
    id: string;
    name: string;
    onset: string | null;
    severity: string | null;
    specialistCareNeeded: boolean | null;
  }[];
  careRequests: CareRequestRecord[];
  visits: { id: string; date: string; findings: { documentsInjuries: boolean | null }[] }[];
}

/**
 * A waiting time. Hour limits are checked honestly against dates of day precision (see time.ts):
 * a same-day answer meets 24 h, two days or more breaches it, the next day cannot be decided.
 */
export type Limit = { hours: number } | { days: number };
export type Settings = Record<RuleId, Limit>;
export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type FindingStatus = 'breached' | 'met' | 'undetermined';

export interface Finding {
  ruleId: RuleId;
  /** Stable identity of this occurrence, e.g. `urgent-care:<careRequestId>`: alerts open and close by it. */
  key: string;
  status: FindingStatus;
  severity: Severity;
  /** The records it rests on. */
  recordIds: string[];
  /** YYYY-MM-DD from which a breach surely holds; null if not breached or unknown. */
  since: string | null;
  /** One English sentence a monitor understands, with dates at their precision. */
  explanation: string;
}

/** A provision to cite, with a short summary in our own words (never the instrument's text). */
export interface Provision {
  citation: string;
  summary: string;
}

export interface RuleResult {
  ruleId: RuleId;
  title: string;
  provisions: Provision[];
  status: FindingStatus | 'not_applicable';
  findings: Finding[];
  why: string;
}
