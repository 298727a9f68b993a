// Factories that speak the domain: each creates a record through the API and returns it.
import { expect } from 'vitest';
import type { Client } from './server.ts';

type Rec = Record<string, any>;

async function created(client: Client, path: string, body: Rec): Promise<Rec> {
  const res = await client.post(path, body);
  expect(res.status, `POST ${path}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
}

export const buildPerson = (c: Client, fields: Rec = {}) =>
  created(c, '/api/persons', { canonicalName: 'Nadia Karimova', ...fields });

export const buildOrganization = (c: Client, fields: Rec = {}) =>
  created(c, '/api/organizations', { name: 'Committee for Fair Trials', kind: 'ngo', ...fields });

export const buildFacility = (c: Client, fields: Rec = {}) =>
  created(c, '/api/places', { name: 'Penal Colony No. 3', kind: 'facility', facilityType: 'prison_colony', ...fields });

export async function buildCase(c: Client, fields: Rec = {}, person: Rec = {}): Promise<Rec> {
  const subject = fields.subjectPersonId ? null : await buildPerson(c, person);
  return created(c, '/api/cases', {
    subjectPersonId: subject?.id,
    status: 'detained',
    confidentiality: 'internal',
    ...fields,
  });
}

export const buildDetention = (c: Client, caseId: string, fields: Rec = {}) =>
  created(c, '/api/detention-periods', { caseId, start: '2021-04-02', ...fields });

export const buildEvent = (c: Client, caseId: string, fields: Rec = {}) =>
  created(c, '/api/events', { caseId, type: 'hearing', ...fields });

export const buildCondition = (c: Client, caseId: string, fields: Rec = {}) =>
  created(c, '/api/health-conditions', { caseId, name: 'hypertension', ...fields });

export const buildCareRequest = (c: Client, caseId: string, fields: Rec = {}) =>
  created(c, '/api/care-requests', { caseId, requestedOn: '2022-06-01', urgency: 'routine', status: 'open', ...fields });

export const SOURCE_TEXT =
  'On 3 June 2022 the monitoring group said the prisoner had been refused a cardiologist. ' +
  'Guards told relatives that no doctor was available in the colony.';

export const buildSource = (c: Client, fields: Rec = {}) =>
  created(c, '/api/sources', {
    title: 'Monitoring group statement',
    text: `${SOURCE_TEXT} (${Math.random().toString(36).slice(2)})`,
    reliability: 'B',
    publishedDate: '2022-06-03',
    language: 'en',
    ...fields,
  });

/** A claim quoting `phrase` from the source's text. */
export function claimFor(source: Rec, phrase: string, fields: Rec) {
  const start = (source.text as string).indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the source`);
  return { sourceId: source.id, start, end: start + phrase.length, quote: phrase, stance: 'supports', credibility: 2, ...fields };
}
