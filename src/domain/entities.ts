// One definition per record kind serves as runtime validation, TypeScript type and OpenAPI schema.
// Each kind has `fields` (the writable shape, without cross-field rules, so that PATCH can use
// `.partial()`) and `rules` (checks over the whole merged record, run on create and on update).
import { z } from 'zod';
import { compareDates, tryParsePreciseDate } from './dates.ts';
import * as V from './vocabularies.ts';

export const id = z.uuid();
const name = z.string().trim().min(1).max(300);
const text = (max: number) => z.string().max(max);
const country = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 country code such as KG' });
export const preciseDate = z
  .string()
  .superRefine((value, ctx) => {
    const parsed = tryParsePreciseDate(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  .meta({
    description:
      'A date at its precision (EDTF): 2019, 2022-03, 2022-03-31, approximate 2019~, range 2011/2017, open ../2023-03',
    examples: ['2019', '2022-03', '2022-05-14', '2011/2017', '../2023-03'],
  });
const ids = z.array(id).max(200);

export type Issue = { path: string; message: string };
type Rules<T> = (record: T) => Issue[];

/** An issue when `to` is certainly before `from`; partial dates that may overlap are allowed. */
function orderIssue(from: unknown, to: unknown, path: string): Issue[] {
  if (typeof from !== 'string' || typeof to !== 'string') return [];
  const a = tryParsePreciseDate(from);
  const b = tryParsePreciseDate(to);
  if (!a.ok || !b.ok) return [];
  return compareDates(b.value, a.value) === 'before'
    ? [{ path, message: `${to} is before the start ${from}` }]
    : [];
}

// ---------------------------------------------------------------------------------------------
export const personFields = z.object({
  canonicalName: name,
  aliases: z.array(name).max(50).optional().meta({ description: 'Other spellings, in any script' }),
  birthYear: z.int().min(1850).max(2100).nullable().optional(),
  gender: z.enum(V.GENDERS).nullable().optional(),
  nationality: country.nullable().optional(),
  positions: z
    .array(
      z.object({
        title: name,
        organizationId: id.nullable().optional(),
        from: preciseDate.nullable().optional(),
        to: preciseDate.nullable().optional(),
      }),
    )
    .max(50)
    .optional(),
});
export type PersonFields = z.infer<typeof personFields>;
const personRules: Rules<PersonFields> = (p) =>
  (p.positions ?? []).flatMap((pos, i) => orderIssue(pos.from, pos.to, `positions.${i}.to`));

export const organizationFields = z.object({
  name,
  aliases: z.array(name).max(50).optional(),
  kind: z.enum(V.ORGANIZATION_KINDS),
  country: country.nullable().optional(),
});

export const placeFields = z.object({
  name,
  aliases: z.array(name).max(50).optional(),
  kind: z.enum(V.PLACE_KINDS),
  parentId: id.nullable().optional(),
  facilityType: z.enum(V.FACILITY_TYPES).nullable().optional(),
  country: country.nullable().optional(),
});
type PlaceFields = z.infer<typeof placeFields>;
const placeRules: Rules<PlaceFields> = (p) =>
  p.facilityType && p.kind !== 'facility'
    ? [{ path: 'facilityType', message: 'only a place of kind facility has a facility type' }]
    : [];

export const caseFields = z.object({
  subjectPersonId: id,
  status: z.enum(V.CASE_STATUSES),
  confidentiality: z.enum(V.CONFIDENTIALITY_LEVELS),
  country: country.nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  summary: text(10_000).nullable().optional(),
  teamUserIds: ids.optional().meta({ description: 'Users who follow this case' }),
});

export const detentionPeriodFields = z.object({
  caseId: id,
  start: preciseDate,
  end: preciseDate.nullable().optional().meta({ description: 'Null while the person is still held' }),
  facilityId: id.nullable().optional(),
  basis: z.enum(V.DETENTION_BASES).nullable().optional(),
  notes: text(5_000).nullable().optional(),
});
type DetentionPeriodFields = z.infer<typeof detentionPeriodFields>;
const detentionPeriodRules: Rules<DetentionPeriodFields> = (d) => orderIssue(d.start, d.end, 'end');

// Type-specific event attributes: only the listed keys are accepted for each type.
const decision = z.string().max(2_000);
export const EVENT_ATTRIBUTES = {
  charge: z.strictObject({ article: z.string().max(200).optional(), offence: z.string().max(500).optional() }),
  hearing: z.strictObject({
    courtDecision: decision.optional(),
    subjectPresent: z.boolean().optional(),
    subjectAbsentReason: z.string().max(500).optional(),
  }),
  verdict: z.strictObject({
    outcome: z.enum(['convicted', 'acquitted', 'partially_convicted', 'dismissed']).optional(),
    courtDecision: decision.optional(),
  }),
  sentence: z.strictObject({
    lengthMonths: z.int().min(0).max(1_200).optional(),
    sentenceKind: z.enum(['prison', 'suspended', 'fine', 'death', 'other']).optional(),
  }),
  appeal: z.strictObject({ courtDecision: decision.optional() }),
  annulment: z.strictObject({ courtDecision: decision.optional() }),
  retrial: z.strictObject({ courtDecision: decision.optional() }),
  release: z.strictObject({
    releaseKind: z.enum(['acquitted', 'served', 'conditional', 'pardon', 'bail', 'medical', 'other']).optional(),
  }),
  transfer: z.strictObject({
    fromPlaceId: id.optional(),
    toPlaceId: id.optional(),
    toHospital: z.boolean().optional(),
    familyNotified: z.boolean().optional(),
  }),
  travel_permission: z.strictObject({
    destination: z.string().max(200).optional(),
    purpose: z.string().max(500).optional(),
  }),
  health_decline: z.strictObject({ tooIllToAttendTrial: z.boolean().optional() }),
  medical_denied: z.strictObject({ deniedByNonMedicalAuthority: z.boolean().optional() }),
  solitary_confinement: z.strictObject({ days: z.int().min(0).max(100_000).optional() }),
} satisfies Partial<Record<V.EventType, z.ZodObject>>;

export const participant = z
  .object({
    personId: id.nullable().optional(),
    organizationId: id.nullable().optional(),
    role: z.enum(V.PARTICIPANT_ROLES),
  })
  .refine((p) => Boolean(p.personId) !== Boolean(p.organizationId), {
    error: 'a participant is either a person (personId) or an organisation (organizationId)',
  });

export const eventFields = z.object({
  caseId: id,
  type: z.enum(V.EVENT_TYPES),
  date: preciseDate.nullable().optional(),
  placeId: id.nullable().optional(),
  participants: z.array(participant).max(100).optional(),
  attributes: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({ description: 'Type-specific attributes, e.g. a charge article or a sentence length' }),
  description: text(10_000).nullable().optional(),
});
type EventFields = z.infer<typeof eventFields>;
const eventRules: Rules<EventFields> = (e) => {
  const attributes = e.attributes ?? {};
  const schema = (EVENT_ATTRIBUTES as Record<string, z.ZodObject>)[e.type] ?? z.strictObject({});
  const parsed = schema.safeParse(attributes);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: ['attributes', ...issue.path.map(String), ...('keys' in issue ? [String(issue.keys[0])] : [])].join('.'),
    message: issue.code === 'unrecognized_keys'
      ? `not an attribute of a ${e.type} event`
      : issue.message,
  }));
};

export const healthConditionFields = z.object({
  caseId: id,
  name,
  onset: preciseDate.nullable().optional(),
  severity: z.enum(V.SEVERITIES).optional(),
  specialistCareNeeded: z.boolean().optional(),
  description: text(5_000).nullable().optional(),
});

export const careRequestFields = z.object({
  caseId: id,
  conditionId: id.nullable().optional(),
  requestedOn: preciseDate,
  requestedByPersonId: id.nullable().optional(),
  requestedByOrganizationId: id.nullable().optional(),
  addressedToOrganizationId: id.nullable().optional(),
  urgency: z.enum(V.CARE_URGENCIES),
  status: z.enum(V.CARE_STATUSES),
  answeredByEventIds: ids.optional().meta({ description: 'Events of the same case that answer the request' }),
  ownDoctor: z.boolean().optional().meta({ description: "A request to see one's own doctor or for a second opinion" }),
  description: text(5_000).nullable().optional(),
});

export const visitFields = z.object({
  facilityId: id.nullable().optional(),
  date: preciseDate,
  visitingBodyId: id.nullable().optional(),
  visitorPersonIds: ids.optional(),
  caseIds: ids.optional().meta({ description: 'Cases of the people seen during the visit' }),
  findings: z
    .array(
      z.object({
        description: text(10_000),
        documentsInjuries: z.boolean().optional(),
        evidenceSourceIds: ids.optional(),
      }),
    )
    .max(200)
    .optional(),
  recommendations: z
    .array(
      z.object({
        text: text(5_000),
        addresseeOrganizationId: id.nullable().optional(),
        dueDate: preciseDate.nullable().optional(),
        followUpStatus: z.enum(V.RECOMMENDATION_STATUSES).optional(),
      }),
    )
    .max(200)
    .optional(),
});

export const sourceFields = z.object({
  title: z.string().trim().min(1).max(1_000),
  publisher: z.string().max(300).nullable().optional(),
  author: z.string().max(300).nullable().optional(),
  url: z.url({ protocol: /^https?$/ }).max(2_000).nullable().optional(),
  publishedDate: preciseDate.nullable().optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'must be a language tag such as en or ru' })
    .nullable()
    .optional(),
  text: z.string().max(2_000_000).optional(),
  reliability: z.enum(V.SOURCE_RELIABILITY).optional(),
  caseIds: ids.optional().meta({ description: 'Cases this source is about' }),
});

export const claimFields = z.object({
  recordType: z.enum(V.CLAIM_RECORD_TYPES),
  recordId: id,
  field: z.string().max(60).nullable().optional().meta({ description: 'The part of the record the claim is about, e.g. date or status' }),
  sourceId: id,
  start: z.int().min(0),
  end: z.int().min(0),
  quote: z.string().max(10_000),
  stance: z.enum(V.CLAIM_STANCES),
  credibility: z.union(V.CREDIBILITY.map((c) => z.literal(c))),
});
type ClaimFields = z.infer<typeof claimFields>;
const claimRules: Rules<ClaimFields> = (c) =>
  c.end <= c.start ? [{ path: 'end', message: 'must be greater than start' }] : [];

export const userFields = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, {
    error: 'use 2–63 lower-case letters, digits, dots, dashes or underscores',
  }),
  displayName: z.string().trim().max(200).nullable().optional(),
  role: z.enum(V.ROLES),
  email: z.email({ error: 'must be an e-mail address' }).max(254).nullable().optional()
    .meta({ description: 'Where alert e-mails and the daily digest go, for the cases the user is on the team of' }),
});
export const password = z.string().min(12, { error: 'must be at least 12 characters' }).max(1_000);

/** A record kind as the API and the store see it. */
export interface KindSpec<F extends z.ZodObject = z.ZodObject> {
  fields: F;
  rules: (record: z.infer<F>) => Issue[];
}
const spec = <F extends z.ZodObject>(fields: F, rules?: (r: z.infer<F>) => Issue[]): KindSpec<F> => ({
  fields,
  rules: rules ?? (() => []),
});

export const KINDS = {
  person: spec(personFields, personRules),
  organization: spec(organizationFields),
  place: spec(placeFields, placeRules),
  case: spec(caseFields),
  detention_period: spec(detentionPeriodFields, detentionPeriodRules),
  event: spec(eventFields, eventRules),
  health_condition: spec(healthConditionFields),
  care_request: spec(careRequestFields),
  visit: spec(visitFields),
  source: spec(sourceFields),
  claim: spec(claimFields, claimRules),
};
export type KindName = keyof typeof KINDS;
export type Fields<K extends KindName> = z.infer<(typeof KINDS)[K]['fields']>;

export const recordMeta = z.object({
  id,
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: id.nullable(),
});
