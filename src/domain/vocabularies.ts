// The controlled vocabularies of DESIGN.md. Every list here is closed: the API rejects any other
// value, and the database keeps the same lists as CHECK constraints (see store/migrations).

export const EVENT_TYPES = [
  'arrest', 'detention', 'charge', 'hearing', 'verdict', 'sentence', 'appeal', 'annulment',
  'retrial', 'release', 'transfer', 'medical_request', 'medical_denied', 'medical_treatment',
  'medical_examination', 'travel_permission', 'health_decline', 'mistreatment',
  'injury_documented', 'investigation', 'solitary_confinement', 'visit', 'recommendation',
  'family_contact', 'lawyer_contact', 'public_appeal', 'statement', 'hunger_strike',
  'death_in_custody',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The kind an event belongs to decides its colour everywhere (timeline, badges, charts). */
export const EVENT_KINDS = ['custody', 'legal', 'health', 'advocacy', 'monitoring'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_OF: Record<EventType, EventKind> = {
  arrest: 'custody', detention: 'custody', release: 'custody', transfer: 'custody',
  solitary_confinement: 'custody', family_contact: 'custody', lawyer_contact: 'custody',
  death_in_custody: 'custody',
  charge: 'legal', hearing: 'legal', verdict: 'legal', sentence: 'legal', appeal: 'legal',
  annulment: 'legal', retrial: 'legal', travel_permission: 'legal',
  medical_request: 'health', medical_denied: 'health', medical_treatment: 'health',
  medical_examination: 'health', health_decline: 'health', hunger_strike: 'health',
  mistreatment: 'monitoring', injury_documented: 'monitoring', investigation: 'monitoring',
  visit: 'monitoring', recommendation: 'monitoring',
  public_appeal: 'advocacy', statement: 'advocacy',
};

export const PARTICIPANT_ROLES = [
  'subject', 'perpetrator', 'decision_maker', 'advocate', 'visitor', 'witness', 'medical',
  'lawyer', 'relative',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ORGANIZATION_KINDS = [
  'court', 'ngo', 'party', 'government', 'prison_service', 'monitoring_body', 'international',
  'media', 'other',
] as const;

export const PLACE_KINDS = ['country', 'region', 'city', 'facility'] as const;

export const FACILITY_TYPES = [
  'pre_trial_centre', 'prison_colony', 'prison', 'police_station', 'hospital',
  'psychiatric_hospital', 'immigration_centre', 'military_facility', 'other',
] as const;

export const CASE_STATUSES = [
  'detained', 'released', 'abroad_for_treatment', 'conditional_release', 'deceased', 'unknown',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CONFIDENTIALITY_LEVELS = ['public', 'internal', 'restricted'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

export const DETENTION_BASES = ['pre_trial', 'sentence', 'administrative'] as const;

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

export const CARE_URGENCIES = ['routine', 'soon', 'urgent'] as const;
export const CARE_STATUSES = ['open', 'granted', 'denied', 'fulfilled', 'unanswered'] as const;

export const SEVERITIES = ['mild', 'moderate', 'severe', 'critical', 'unknown'] as const;

export const RECOMMENDATION_STATUSES = [
  'pending', 'implemented', 'partially_implemented', 'not_implemented', 'unknown',
] as const;

/** Admiralty scale: how reliable the source is, A (reliable) … F (cannot be judged). */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/** Admiralty scale: how credible the information is, 1 (confirmed) … 6 (cannot be judged). */
export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;

export const CLAIM_STANCES = ['supports', 'disputes'] as const;

/** The records a claim can rest on a source for. */
export const CLAIM_RECORD_TYPES = [
  'case', 'person', 'organization', 'place', 'detention_period', 'event', 'health_condition', 'care_request', 'visit',
] as const;
export type ClaimRecordType = (typeof CLAIM_RECORD_TYPES)[number];

export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
