// What each record form asks for, kind by kind. The server's schemas stay the judge (its 400 names
// the field, shown next to it); the vocabularies come from the domain so the choices cannot drift.
import {
  CARE_STATUSES, CARE_URGENCIES, CASE_STATUSES, CONFIDENTIALITY_LEVELS, DETENTION_BASES, EVENT_TYPES, SEVERITIES,
  SOURCE_RELIABILITY,
} from '../../../src/domain/vocabularies.ts';

/** Records a reference field chooses from. */
export type RefKind = 'facility' | 'place' | 'organization' | 'condition';

export type Field =
  | { name: string; type: 'text' | 'textarea' | 'date' | 'country'; required?: boolean }
  | { name: string; type: 'number' }
  | { name: string; type: 'select'; options: readonly string[]; required?: boolean }
  | { name: string; type: 'yesno' }
  | { name: string; type: 'tags' }
  | { name: string; type: 'ref'; ref: RefKind }
  | { name: string; type: 'findings' };

export type FormKind = 'case' | 'person' | 'detention_period' | 'event' | 'health_condition' | 'care_request' | 'visit' | 'source';

/** The API path of each kind's records. */
export const PATH: Record<FormKind, string> = {
  case: 'cases',
  person: 'persons',
  detention_period: 'detention-periods',
  event: 'events',
  health_condition: 'health-conditions',
  care_request: 'care-requests',
  visit: 'visits',
  source: 'sources',
};

const statusField: Field = { name: 'status', type: 'select', options: CASE_STATUSES, required: true };
const confidentialityField: Field = { name: 'confidentiality', type: 'select', options: CONFIDENTIALITY_LEVELS, required: true };

export const FIELDS: Record<FormKind, Field[]> = {
  person: [
    { name: 'canonicalName', type: 'text', required: true },
    { name: 'aliases', type: 'tags' },
    { name: 'nationality', type: 'country' },
    { name: 'birthYear', type: 'number' },
  ],
  case: [
    statusField,
    confidentialityField,
    { name: 'country', type: 'country' },
    { name: 'tags', type: 'tags' },
    { name: 'summary', type: 'textarea' },
  ],
  detention_period: [
    { name: 'start', type: 'date', required: true },
    { name: 'end', type: 'date' },
    { name: 'facilityId', type: 'ref', ref: 'facility' },
    { name: 'basis', type: 'select', options: DETENTION_BASES },
    { name: 'notes', type: 'textarea' },
  ],
  event: [
    { name: 'type', type: 'select', options: EVENT_TYPES, required: true },
    { name: 'date', type: 'date' },
    { name: 'placeId', type: 'ref', ref: 'place' },
    { name: 'description', type: 'textarea' },
  ],
  health_condition: [
    { name: 'name', type: 'text', required: true },
    { name: 'onset', type: 'date' },
    { name: 'severity', type: 'select', options: SEVERITIES },
    { name: 'specialistCareNeeded', type: 'yesno' },
    { name: 'description', type: 'textarea' },
  ],
  care_request: [
    { name: 'requestedOn', type: 'date', required: true },
    { name: 'conditionId', type: 'ref', ref: 'condition' },
    { name: 'urgency', type: 'select', options: CARE_URGENCIES, required: true },
    { name: 'status', type: 'select', options: CARE_STATUSES, required: true },
    { name: 'ownDoctor', type: 'yesno' },
    { name: 'description', type: 'textarea' },
  ],
  // A source's text is what its claims quote: it is not edited (a corrected text is a new source).
  source: [
    { name: 'title', type: 'text', required: true },
    { name: 'publisher', type: 'text' },
    { name: 'author', type: 'text' },
    { name: 'url', type: 'text' },
    { name: 'publishedDate', type: 'date' },
    { name: 'language', type: 'text' },
    { name: 'reliability', type: 'select', options: SOURCE_RELIABILITY },
  ],
  visit: [
    { name: 'date', type: 'date', required: true },
    { name: 'facilityId', type: 'ref', ref: 'facility' },
    { name: 'visitingBodyId', type: 'ref', ref: 'organization' },
    { name: 'findings', type: 'findings' },
  ],
};

/** Attributes an event of each type may carry (the domain's EVENT_ATTRIBUTES, as form fields). */
export const EVENT_ATTRIBUTE_FIELDS: Record<string, Field[]> = {
  charge: [{ name: 'attributes.article', type: 'text' }, { name: 'attributes.offence', type: 'text' }],
  hearing: [
    { name: 'attributes.subjectPresent', type: 'yesno' },
    { name: 'attributes.subjectAbsentReason', type: 'text' },
    { name: 'attributes.courtDecision', type: 'textarea' },
  ],
  verdict: [
    { name: 'attributes.outcome', type: 'select', options: ['convicted', 'acquitted', 'partially_convicted', 'dismissed'] },
    { name: 'attributes.courtDecision', type: 'textarea' },
  ],
  sentence: [
    { name: 'attributes.lengthMonths', type: 'number' },
    { name: 'attributes.sentenceKind', type: 'select', options: ['prison', 'suspended', 'fine', 'death', 'other'] },
  ],
  appeal: [{ name: 'attributes.courtDecision', type: 'textarea' }],
  annulment: [{ name: 'attributes.courtDecision', type: 'textarea' }],
  retrial: [{ name: 'attributes.courtDecision', type: 'textarea' }],
  release: [{ name: 'attributes.releaseKind', type: 'select', options: ['acquitted', 'served', 'conditional', 'pardon', 'bail', 'medical', 'other'] }],
  transfer: [{ name: 'attributes.toHospital', type: 'yesno' }, { name: 'attributes.familyNotified', type: 'yesno' }],
  travel_permission: [{ name: 'attributes.destination', type: 'text' }, { name: 'attributes.purpose', type: 'text' }],
  health_decline: [{ name: 'attributes.tooIllToAttendTrial', type: 'yesno' }],
  medical_denied: [{ name: 'attributes.deniedByNonMedicalAuthority', type: 'yesno' }],
  solitary_confinement: [{ name: 'attributes.days', type: 'number' }],
};

/** The fields a form shows for a record as it is being edited (an event's depend on its type). */
export function fieldsFor(kind: FormKind, values: Record<string, unknown>): Field[] {
  if (kind !== 'event') return FIELDS[kind];
  return [...FIELDS.event, ...(EVENT_ATTRIBUTE_FIELDS[String(values.type)] ?? [])];
}
