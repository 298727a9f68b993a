// The reference case of DESIGN.md (Almazbek Atambayev) as demo data: an ordered list of steps,
// each one record to create. Records refer to each other by a local key (`ref('case')`), which
// `resolveRefs` turns into the id the store gave the earlier record.
//
// Everything here is written in our own words. The two source texts are our SUMMARIES of the
// documents in shared/seeds, not their text; claims point at spans of these summaries. Dates keep
// the precision the documents give: "in 2019" is '2019', "by 14 May 2022" is '../2022-05-14', and
// no day appears that the documents do not state (31 March 2022, 14 May 2022, 5 March 2023).
import type { Fields, KindName } from '../domain/entities.ts';
import type { ClaimRecordType, ParticipantRole } from '../domain/vocabularies.ts';

// ---------------------------------------------------------------------------------------------
// Keys and references

const KEY = /^[a-z0-9][a-z0-9._-]*$/;
const MARKER = /^@([a-z0-9][a-z0-9._-]*)$/;

/** A reference to the record created by an earlier step, as a marker string '@key'. */
export function ref(key: string): string {
  if (!KEY.test(key)) throw new Error(`"${key}" is not a valid demo key`);
  return `@${key}`;
}

/** Deep copy of `value` with every '@key' marker replaced by the id created for that key. */
export function resolveRefs<T>(value: T, ids: ReadonlyMap<string, string>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const m = MARKER.exec(v);
      if (!m) return v;
      const id = ids.get(m[1] as string);
      if (id === undefined) throw new Error(`unknown demo key "${m[1]}" (referenced as ${v})`);
      return id;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** The keys an object refers to, in order of appearance. */
export function refsIn(value: unknown): string[] {
  if (typeof value === 'string') {
    const m = MARKER.exec(value);
    return m ? [m[1] as string] : [];
  }
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(refsIn);
  return [];
}

/**
 * One record to create. `fields` has the type of the kind's fields; every field that holds an id
 * (caseId, participants[].personId, answeredByEventIds, …) holds a `ref(key)` marker instead.
 */
export interface DemoRecord<K extends KindName> {
  key: string;
  kind: K;
  fields: Fields<K>;
}
export type DemoStep = { [K in KindName]: DemoRecord<K> }[KindName];

const step = <K extends KindName>(key: string, kind: K, fields: Fields<K>): DemoRecord<K> => {
  if (!KEY.test(key)) throw new Error(`"${key}" is not a valid demo key`);
  return { key, kind, fields };
};

// ---------------------------------------------------------------------------------------------
// Spans of the source texts

export interface Span {
  start: number;
  end: number;
  quote: string;
}

/** The one place `phrase` occurs in `sourceText`; throws when it is missing or occurs twice. */
export function span(sourceText: string, phrase: string): Span {
  if (phrase === '') throw new Error('an empty phrase has no span');
  const start = sourceText.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not found in the source text: "${phrase}"`);
  if (sourceText.indexOf(phrase, start + 1) >= 0) {
    throw new Error(`phrase occurs more than once in the source text: "${phrase}"`);
  }
  const end = start + phrase.length;
  return { start, end, quote: sourceText.slice(start, end) };
}

// ---------------------------------------------------------------------------------------------
// The two sources, summarised in our words (5–10 sentences each).

/** Summary of the news article of 5 March 2023 (seed 000). */
export const NEWS_SUMMARY = [
  'According to a news report from early March 2023, the Pervomaisk court, a district court in Bishkek, has let the former head of state Almazbek Atambayev go abroad for medical care.',
  'The report recalls that he led Kyrgyzstan from 2011 until 2017, after which Sooronbai Jeenbekov, once his ally, took over and pushed his allies out of government.',
  'Parliament then lifted the immunity he enjoyed as an ex-president; in 2019 special forces stormed his estate and led him away in handcuffs, because he had ignored an earlier summons from the police.',
  'One member of the special forces was killed in that operation, and a charge of conspiracy to murder over the death could still await him should he come back.',
  'He had been given eleven years in prison for corruption and abuse of power connected with the early freeing of a crime boss; the Supreme Court then quashed that sentence and sent the case back for a new trial.',
  'The report gives the year 2020 for this, without making clear whether it belongs to the sentence or to its annulment.',
  'While he was held, his supporters complained that the care he got for heart trouble and gastritis was inadequate.',
  'Jeenbekov was later ousted, and his successor, President Japarov, said he would not interfere with what the courts had decided.',
  'After the ruling, Atambayev walked out of the Moldovanovka prison colony, greeted his supporters and went home to his estate.',
  'There he said he was done with politics and would give his time to his family, that he would travel to Spain for treatment, and that he meant to come back to Kyrgyzstan.',
].join(' ');

/** Summary of the Socialist International statement of 14 May 2022 (seed 001). */
export const SI_SUMMARY = [
  'In a statement dated 14 May 2022, the Socialist International repeats its demand that Almazbek Atambayev, the former Kyrgyz president and former head of the SDPK, be given medical attention without delay.',
  'By its count he had by then spent more than a thousand days behind bars.',
  'The organisation recalls the public call it issued on 31 March 2022 for justice and for his health, and says that its Secretary General has since seen him in his prison cell and found his physical condition badly worsened.',
  'It says it has asked the Kyrgyz government several times to get him urgent treatment, yet he had still been given no medical care whatsoever, and his family fear for his life.',
  'It argues that his detention, trial and sentencing broke Kyrgyz criminal procedure and international fair-trial standards, and that he has had no chance to defend himself.',
  'He is now, it says, too sick to be present in person at his trial, which is still under way.',
  "The statement also reports ill-treatment and abuse in custody, pointing to bruising on his arms and legs recorded by Kyrgyzstan's National Center for the Prevention of Torture.",
  "It cites the UN Basic Principles for the Treatment of Prisoners of 1990 on prisoners' access to health care, and calls once more on the government to arrange urgent care at once.",
  'The SI says it will keep following the case.',
].join(' ');

const TEXTS = { 'source.news': NEWS_SUMMARY, 'source.si': SI_SUMMARY } as const;
type SourceKey = keyof typeof TEXTS;

const claim = (
  key: string,
  recordType: ClaimRecordType,
  recordKey: string,
  sourceKey: SourceKey,
  phrase: string,
  opts: { stance?: 'supports' | 'disputes'; credibility: 1 | 2 | 3 | 4 | 5 | 6; field?: string },
): DemoRecord<'claim'> =>
  step(key, 'claim', {
    recordType,
    recordId: ref(recordKey),
    field: opts.field ?? null,
    sourceId: ref(sourceKey),
    ...span(TEXTS[sourceKey], phrase),
    stance: opts.stance ?? 'supports',
    credibility: opts.credibility,
  });

// ---------------------------------------------------------------------------------------------
// The steps, in an order where every key is created before it is referred to.

const subject = { personId: ref('person.atambayev'), role: 'subject' } as const;
const org = (key: string, role: ParticipantRole) => ({ organizationId: ref(key), role });

const PLACES: DemoStep[] = [
  step('place.kyrgyzstan', 'place', {
    name: 'Kyrgyzstan',
    aliases: ['Kyrgyz Republic', 'Кыргызстан'],
    kind: 'country',
    country: 'KG',
  }),
  step('place.bishkek', 'place', {
    name: 'Bishkek',
    aliases: ['Бишкек'],
    kind: 'city',
    parentId: ref('place.kyrgyzstan'),
    country: 'KG',
  }),
  // The sources name the colony but not its region, so its parent is the country.
  step('place.moldovanovka', 'place', {
    name: 'Moldovanovka prison colony',
    kind: 'facility',
    facilityType: 'prison_colony',
    parentId: ref('place.kyrgyzstan'),
    country: 'KG',
  }),
  step('place.spain', 'place', { name: 'Spain', aliases: ['España'], kind: 'country', country: 'ES' }),
  // His estate is left out as a place: the sources call it only "his estate" and never name it.
];

const ORGANIZATIONS: DemoStep[] = [
  // The SI is a worldwide federation of political parties. Of the closed list, 'party' fits it
  // best: it acts as a political family of parties, whereas 'international' sits beside
  // 'government' and reads as an intergovernmental body (UN, OSCE), which the SI is not.
  step('org.si', 'organization', { name: 'Socialist International', aliases: ['SI'], kind: 'party', country: null }),
  step('org.sdpk', 'organization', {
    name: 'Social Democratic Party of Kyrgyzstan',
    aliases: ['SDPK', 'СДПК'],
    kind: 'party',
    country: 'KG',
  }),
  step('org.supreme-court', 'organization', {
    name: 'Supreme Court of Kyrgyzstan',
    aliases: ['Supreme Court of the Kyrgyz Republic'],
    kind: 'court',
    country: 'KG',
  }),
  step('org.pervomaisk-court', 'organization', {
    name: 'Pervomaisk District Court of Bishkek',
    aliases: ['Pervomaisk district court'],
    kind: 'court',
    country: 'KG',
  }),
  step('org.ncpt', 'organization', {
    name: 'National Center for the Prevention of Torture',
    aliases: ['NCPT', 'National Centre for the Prevention of Torture'],
    kind: 'monitoring_body',
    country: 'KG',
  }),
  step('org.special-forces', 'organization', { name: 'Kyrgyz special forces', kind: 'government', country: 'KG' }),
  step('org.government', 'organization', {
    name: 'Government of Kyrgyzstan',
    aliases: ['Kyrgyz government'],
    kind: 'government',
    country: 'KG',
  }),
];

const PERSONS: DemoStep[] = [
  step('person.atambayev', 'person', {
    canonicalName: 'Almazbek Atambayev',
    aliases: ['Atambaev', 'Almazbek Atambaev', 'Атамбаев', 'Алмазбек Атамбаев', 'Almazbek Sharshenovich Atambayev'],
    gender: 'male',
    nationality: 'KG',
    positions: [
      { title: 'President of Kyrgyzstan', from: '2011', to: '2017' },
      // The sources give no dates for his party leadership.
      { title: 'Leader of the Social Democratic Party of Kyrgyzstan', organizationId: ref('org.sdpk') },
    ],
  }),
  step('person.jeenbekov', 'person', {
    canonicalName: 'Sooronbai Jeenbekov',
    aliases: ['Sooronbay Jeenbekov', 'Сооронбай Жээнбеков'],
    nationality: 'KG',
    positions: [{ title: 'President of Kyrgyzstan', from: '2017', to: '2020' }],
  }),
  step('person.japarov', 'person', {
    canonicalName: 'Sadyr Japarov',
    aliases: ['Sadyr Zhaparov', 'Садыр Жапаров'],
    nationality: 'KG',
    positions: [{ title: 'President of Kyrgyzstan', from: '2021' }],
  }),
  // The SI Secretary General who visited him is not named in the sources, so no person record:
  // the visit event names the SI as the visitor.
];

const CASE: DemoStep[] = [
  step('case', 'case', {
    subjectPersonId: ref('person.atambayev'),
    status: 'abroad_for_treatment',
    confidentiality: 'public',
    country: 'KG',
    tags: ['former head of state', 'political opposition', 'health'],
    summary:
      'Almazbek Atambayev, head of state of Kyrgyzstan from 2011 to 2017 and leader of the SDPK, ' +
      'lost his immunity as a former president and was detained in 2019 after special forces raided ' +
      'his estate, an operation in which one of the troopers was killed. An eleven-year prison term ' +
      'for corruption and abuse of power was later annulled by the Supreme Court and the case sent ' +
      'for retrial, while his health worsened in custody (heart trouble, gastritis) and the Socialist ' +
      'International said he was getting no medical care at all. A Bishkek district court let him go ' +
      'abroad for treatment in early 2023; he said he would go to Spain, and a conspiracy-to-murder ' +
      "charge over the trooper's death may await him if he returns.",
  }),
];

const SOURCES: DemoStep[] = [
  step('source.news', 'source', {
    // Titles are bibliographic metadata and are kept as published.
    title: 'Imprisoned President Allowed Medical Treatment in Kyrgyzstan',
    publisher: null,
    author: 'Allan Millward',
    url: null,
    publishedDate: '2023-03-05',
    language: 'en',
    text: NEWS_SUMMARY,
    // C: a blog-hosted news piece relaying others' claims; not known to be unreliable.
    reliability: 'C',
    caseIds: [ref('case')],
  }),
  step('source.si', 'source', {
    title: 'The SI reiterates urgent call for medical attention for Almazbek Atambayev',
    publisher: 'Socialist International',
    author: null,
    url: null,
    publishedDate: '2022-05-14',
    language: 'en',
    text: SI_SUMMARY,
    // B: a known organisation speaking from its own contact with him, but an advocate in the case.
    reliability: 'B',
    caseIds: [ref('case')],
  }),
];

const DETENTION: DemoStep[] = [
  step('detention.main', 'detention_period', {
    caseId: ref('case'),
    start: '2019',
    // He left the colony after the court's decision, which the article of 5 March 2023 reports
    // and DESIGN.md places in March 2023.
    end: '2023-03',
    facilityId: ref('place.moldovanovka'),
    basis: null,
    notes:
      'One period, because the sources do not separate pre-trial custody from time served under ' +
      'the eleven-year sentence (which was later annulled). The start is known only as 2019; the SI ' +
      'counted more than a thousand days in custody by 14 May 2022, which fits. The news report ' +
      'names Moldovanovka as the colony he left; whether he was held anywhere else first is not stated.',
  }),
];

const CONDITIONS: DemoStep[] = [
  step('condition.heart', 'health_condition', {
    caseId: ref('case'),
    name: 'heart trouble',
    onset: null,
    severity: 'unknown',
    // A judgement: no source grades the condition, but the court later let him go abroad for
    // medical treatment, which supports a need for care beyond what the prison offered.
    specialistCareNeeded: true,
    description: 'Reported by his supporters while he was in custody; no diagnosis or grading is given.',
  }),
  step('condition.gastritis', 'health_condition', {
    caseId: ref('case'),
    name: 'gastritis',
    onset: null,
    severity: 'unknown',
    description: 'Reported by his supporters while he was in custody, alongside the heart trouble.',
  }),
];

const EVENTS: DemoStep[] = [
  // The lifting of his immunity has no event type of its own; the case summary mentions it.
  step('event.arrest', 'event', {
    caseId: ref('case'),
    type: 'arrest',
    date: '2019',
    placeId: null,
    participants: [subject, org('org.special-forces', 'perpetrator')],
    description:
      'Special forces raided his estate and took him away in handcuffs, because he had ignored an ' +
      'earlier summons from the police. A member of the assault team was killed in the operation; ' +
      'a conspiracy-to-murder charge over that death may still await him.',
  }),
  step('event.detention', 'event', {
    caseId: ref('case'),
    type: 'detention',
    date: '2019',
    // Where he was first held is not stated.
    placeId: null,
    participants: [subject],
    description: 'Held in custody after the raid; the sources give only the year.',
  }),
  step('event.charge', 'event', {
    caseId: ref('case'),
    type: 'charge',
    date: '2019/2020',
    participants: [subject],
    attributes: { offence: 'corruption and abuse of power over the early release of a crime boss' },
    description: 'Charged with corruption and abuse of power in connection with a crime boss being freed early.',
  }),
  step('event.sentence', 'event', {
    caseId: ref('case'),
    type: 'sentence',
    // After the 2019 arrest, by 2020: the source's 2020 may date this sentence or only its annulment.
    date: '2019/2020',
    participants: [subject],
    attributes: { lengthMonths: 132, sentenceKind: 'prison' },
    description: 'Sentenced to eleven years in prison on the corruption and abuse-of-power charges.',
  }),
  step('event.annulment', 'event', {
    caseId: ref('case'),
    type: 'annulment',
    date: '2020',
    participants: [subject, org('org.supreme-court', 'decision_maker')],
    attributes: { courtDecision: 'The eleven-year sentence was annulled and the case sent back for retrial.' },
    description:
      'The Supreme Court annulled the eleven-year sentence. The only source gives the year 2020 ' +
      'without saying whether it dates the sentence or the annulment, so this date is uncertain.',
  }),
  step('event.retrial', 'event', {
    caseId: ref('case'),
    type: 'retrial',
    date: '2020',
    participants: [subject, org('org.supreme-court', 'decision_maker')],
    attributes: { courtDecision: 'Case returned for a new trial.' },
    description: 'With the annulment, the Supreme Court ordered that the case be tried again (year uncertain, as for the annulment).',
  }),
  step('event.si-appeal', 'event', {
    caseId: ref('case'),
    type: 'public_appeal',
    date: '2022-03-31',
    participants: [subject, org('org.si', 'advocate')],
    description: 'The Socialist International publicly called for justice for him and for his health to be protected.',
  }),
  step('event.si-visit', 'event', {
    caseId: ref('case'),
    type: 'visit',
    date: '2022-03-31/2022-05-14',
    placeId: ref('place.kyrgyzstan'),
    participants: [subject, org('org.si', 'visitor')],
    description:
      'The SI Secretary General (not named in the sources) saw him in his prison cell, some time ' +
      'between the public call of 31 March 2022 and the statement of 14 May 2022.',
  }),
  step('event.health-decline', 'event', {
    caseId: ref('case'),
    type: 'health_decline',
    date: '2022-03-31/2022-05-14',
    participants: [subject, org('org.si', 'witness')],
    attributes: { tooIllToAttendTrial: true },
    description:
      'During the visit the SI Secretary General found his physical health sharply worse; by mid-May ' +
      '2022 the SI said he was too ill to attend his own trial in person.',
  }),
  step('event.si-statement', 'event', {
    caseId: ref('case'),
    type: 'statement',
    date: '2022-05-14',
    participants: [subject, org('org.si', 'advocate')],
    description:
      'The SI renewed its call for urgent medical attention, counting more than a thousand days in ' +
      'custody, and said his detention and trial had not followed Kyrgyz criminal procedure or ' +
      'international fair-trial norms.',
  }),
  step('event.hearing', 'event', {
    caseId: ref('case'),
    type: 'hearing',
    date: '../2022-05-14',
    participants: [subject],
    attributes: { subjectPresent: false, subjectAbsentReason: 'too ill to attend' },
    description: 'His trial was continuing while, according to the SI, he was too ill to take part in person.',
  }),
  step('event.medical-denied', 'event', {
    caseId: ref('case'),
    type: 'medical_denied',
    date: '../2022-05-14',
    participants: [subject],
    description:
      'The SI said that despite its repeated appeals to the government he had not been treated at ' +
      'all. The news report says only that his supporters found his treatment inadequate.',
  }),
  step('event.injury-documented', 'event', {
    caseId: ref('case'),
    type: 'injury_documented',
    date: '../2022-05-14',
    participants: [subject, org('org.ncpt', 'witness')],
    description: "Bruises on his legs and arms were recorded by Kyrgyzstan's National Center for the Prevention of Torture.",
  }),
  step('event.mistreatment', 'event', {
    caseId: ref('case'),
    type: 'mistreatment',
    date: '../2022-05-14',
    participants: [subject],
    description: 'The SI reported ill-treatment and abuse in prison, pointing to the bruises the NCPT recorded. Who was responsible is not stated.',
  }),
  step('event.travel-permission', 'event', {
    caseId: ref('case'),
    type: 'travel_permission',
    // March 2023 (DESIGN.md), on or before the article's date: the article reports it undated.
    date: '2023-03/2023-03-05',
    placeId: ref('place.bishkek'),
    participants: [subject, org('org.pervomaisk-court', 'decision_maker')],
    attributes: { destination: 'Spain', purpose: 'medical treatment' },
    description: 'The Pervomaisk district court in Bishkek gave him leave to go abroad to be treated.',
  }),
  step('event.release', 'event', {
    caseId: ref('case'),
    type: 'release',
    // After the court's decision and by the article of 5 March 2023 (DESIGN.md: March 2023).
    date: '2023-03/2023-03-05',
    placeId: ref('place.moldovanovka'),
    participants: [subject],
    attributes: { releaseKind: 'medical' },
    description: 'Following the court decision he left the Moldovanovka prison colony, met supporters and went back to his estate.',
  }),
  step('event.japarov-statement', 'event', {
    caseId: ref('case'),
    type: 'statement',
    date: '../2023-03-05',
    // The vocabulary has no "speaker" role; the head of state chose not to intervene in the
    // courts' decision, so he is recorded as decision_maker.
    participants: [subject, { personId: ref('person.japarov'), role: 'decision_maker' }],
    description: 'President Japarov said he would not interfere with what the courts had decided.',
  }),
  step('event.atambayev-statement', 'event', {
    caseId: ref('case'),
    type: 'statement',
    date: '2023-03',
    participants: [subject],
    description:
      'Back at his estate he told supporters he was leaving politics for his family, would go to ' +
      'Spain for treatment and intended to return to Kyrgyzstan.',
  }),
];

const CARE_REQUESTS: DemoStep[] = [
  step('care.si-urgent', 'care_request', {
    caseId: ref('case'),
    // The SI does not name a condition; linked to the heart trouble, the more serious of the two
    // conditions the other source names.
    conditionId: ref('condition.heart'),
    requestedOn: '../2022-05-14',
    requestedByOrganizationId: ref('org.si'),
    addressedToOrganizationId: ref('org.government'),
    urgency: 'urgent',
    status: 'unanswered',
    answeredByEventIds: [],
    description: 'Several SI appeals to the government to have him treated urgently; by 14 May 2022 none had led to any care.',
  }),
  step('care.travel', 'care_request', {
    caseId: ref('case'),
    conditionId: null,
    requestedOn: '../2023-03-05',
    // The court granted him leave to go, so the request was his (implied, not quoted).
    requestedByPersonId: ref('person.atambayev'),
    addressedToOrganizationId: ref('org.pervomaisk-court'),
    urgency: 'soon',
    status: 'granted',
    answeredByEventIds: [ref('event.travel-permission')],
    description: 'Leave to travel abroad (Spain) for medical treatment, granted by the Pervomaisk district court.',
  }),
];

const VISITS: DemoStep[] = [
  step('visit.ncpt', 'visit', {
    // Where he was held when the bruises were recorded is not stated.
    facilityId: null,
    date: '../2022-05-14',
    visitingBodyId: ref('org.ncpt'),
    visitorPersonIds: [],
    caseIds: [ref('case')],
    findings: [
      {
        description: 'Bruises on his legs and arms, which the SI cites as evidence of ill-treatment in prison.',
        documentsInjuries: true,
        evidenceSourceIds: [ref('source.si')],
      },
    ],
    recommendations: [],
  }),
];

const CLAIMS: DemoStep[] = [
  // From the news summary (source C).
  claim('claim.news.arrest', 'event', 'event.arrest', 'source.news',
    'in 2019 special forces stormed his estate and led him away in handcuffs', { credibility: 2 }),
  claim('claim.news.arrest-date', 'event', 'event.arrest', 'source.news', 'in 2019', { credibility: 2, field: 'date' }),
  claim('claim.news.detention', 'detention_period', 'detention.main', 'source.news',
    'the Moldovanovka prison colony', { credibility: 2, field: 'facilityId' }),
  claim('claim.news.charge', 'event', 'event.charge', 'source.news',
    'for corruption and abuse of power connected with the early freeing of a crime boss', { credibility: 2 }),
  claim('claim.news.sentence', 'event', 'event.sentence', 'source.news',
    'He had been given eleven years in prison', { credibility: 2 }),
  claim('claim.news.annulment', 'event', 'event.annulment', 'source.news',
    'the Supreme Court then quashed that sentence', { credibility: 2 }),
  claim('claim.news.retrial', 'event', 'event.retrial', 'source.news',
    'sent the case back for a new trial', { credibility: 2 }),
  // The one "2020" in the source, which may date either the sentence or its annulment.
  claim('claim.news.sentence-date', 'event', 'event.sentence', 'source.news', 'the year 2020', { credibility: 3, field: 'date' }),
  claim('claim.news.annulment-date', 'event', 'event.annulment', 'source.news', 'the year 2020', { credibility: 3, field: 'date' }),
  claim('claim.news.heart', 'health_condition', 'condition.heart', 'source.news', 'heart trouble', { credibility: 3 }),
  claim('claim.news.gastritis', 'health_condition', 'condition.gastritis', 'source.news', 'gastritis', { credibility: 3 }),
  // "Inadequate" care implies some care: this disputes the SI's "no medical care of any kind".
  claim('claim.news.care-inadequate', 'event', 'event.medical-denied', 'source.news',
    'his supporters complained that the care he got for heart trouble and gastritis was inadequate',
    { stance: 'disputes', credibility: 4, field: 'description' }),
  claim('claim.news.travel', 'event', 'event.travel-permission', 'source.news',
    'has let the former head of state Almazbek Atambayev go abroad for medical care', { credibility: 2 }),
  claim('claim.news.release', 'event', 'event.release', 'source.news',
    'After the ruling, Atambayev walked out of the Moldovanovka prison colony', { credibility: 2 }),
  claim('claim.news.japarov', 'event', 'event.japarov-statement', 'source.news',
    'said he would not interfere with what the courts had decided', { credibility: 2 }),
  claim('claim.news.atambayev', 'event', 'event.atambayev-statement', 'source.news',
    'he was done with politics', { credibility: 2 }),
  claim('claim.news.case-status', 'case', 'case', 'source.news',
    'he would travel to Spain for treatment', { credibility: 3, field: 'status' }),
  // From the SI summary (source B).
  claim('claim.si.statement', 'event', 'event.si-statement', 'source.si',
    'In a statement dated 14 May 2022, the Socialist International repeats its demand', { credibility: 2 }),
  claim('claim.si.days', 'detention_period', 'detention.main', 'source.si',
    'more than a thousand days behind bars', { credibility: 2, field: 'start' }),
  claim('claim.si.appeal', 'event', 'event.si-appeal', 'source.si',
    'the public call it issued on 31 March 2022 for justice and for his health', { credibility: 2 }),
  claim('claim.si.visit', 'event', 'event.si-visit', 'source.si',
    'its Secretary General has since seen him in his prison cell', { credibility: 2 }),
  claim('claim.si.decline', 'event', 'event.health-decline', 'source.si',
    'found his physical condition badly worsened', { credibility: 3 }),
  claim('claim.si.care-request', 'care_request', 'care.si-urgent', 'source.si',
    'it has asked the Kyrgyz government several times to get him urgent treatment', { credibility: 2 }),
  claim('claim.si.no-care', 'event', 'event.medical-denied', 'source.si',
    'he had still been given no medical care whatsoever', { credibility: 3, field: 'description' }),
  claim('claim.si.hearing', 'event', 'event.hearing', 'source.si',
    'too sick to be present in person at his trial, which is still under way', { credibility: 3 }),
  claim('claim.si.mistreatment', 'event', 'event.mistreatment', 'source.si',
    'ill-treatment and abuse in custody', { credibility: 3 }),
  claim('claim.si.injuries', 'event', 'event.injury-documented', 'source.si',
    "bruising on his arms and legs recorded by Kyrgyzstan's National Center for the Prevention of Torture",
    { credibility: 2 }),
  claim('claim.si.ncpt-visit', 'visit', 'visit.ncpt', 'source.si',
    "bruising on his arms and legs recorded by Kyrgyzstan's National Center for the Prevention of Torture",
    { credibility: 2 }),
];

export interface ReferenceCase {
  /** The key of the case record among the steps. */
  caseKey: string;
  /** The key of the detained person. */
  subjectKey: string;
  /** Every record, in an order where each key is created before it is referred to. */
  steps: readonly DemoStep[];
}

export const REFERENCE_CASE: ReferenceCase = {
  caseKey: 'case',
  subjectKey: 'person.atambayev',
  steps: [
    ...PLACES,
    ...ORGANIZATIONS,
    ...PERSONS,
    ...CASE,
    ...SOURCES,
    ...DETENTION,
    ...CONDITIONS,
    ...EVENTS,
    ...CARE_REQUESTS,
    ...VISITS,
    ...CLAIMS,
  ],
};

/**
 * Creates every record of the reference case in order through `create` (the store's create)
 * and returns the id each key received.
 */
export async function loadReferenceCase(
  create: (kind: KindName, fields: Record<string, unknown>) => Promise<{ id: string }>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const s of REFERENCE_CASE.steps) {
    if (ids.has(s.key)) throw new Error(`demo key "${s.key}" is used twice`);
    const fields = resolveRefs(s.fields, ids) as Record<string, unknown>;
    const { id } = await create(s.kind, fields);
    ids.set(s.key, id);
  }
  return ids;
}
