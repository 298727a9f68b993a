// Requests for medical care: answered in time, answered at all, refused, and a doctor of one's own.
import type { CaseContext } from '../context.ts';
import { PROVISIONS as P } from '../provisions.ts';
import { capitalise, defineRule, eventLabel, outcomeFinding, type FindingMaker } from '../rule.ts';
import { formatLimit, timeToAnswer, type Answer } from '../time.ts';
import type { CareRequestRecord, CaseEvent, Finding, Limit } from '../types.ts';

/** The events recorded as answering a request (unknown ids are ignored). */
function answersOf(ctx: CaseContext, cr: CareRequestRecord): CaseEvent[] {
  return cr.answeredByEventIds.map((id) => ctx.event(id)).filter((e): e is CaseEvent => e !== undefined);
}

export function asAnswer(ctx: CaseContext, e: CaseEvent, linked = false): Answer {
  const d = ctx.date(e.date);
  return { id: e.id, label: eventLabel(e.type, e.attributes), text: e.date, bounds: d, linked };
}

function requestIds(cr: CareRequestRecord): string[] {
  return cr.conditionId ? [cr.id, cr.conditionId] : [cr.id];
}

/** The earliest day by which one of these events surely happened, or null. */
function firstSureDay(ctx: CaseContext, events: CaseEvent[]): string | null {
  const days = events.map((e) => ctx.date(e.date)?.latest ?? null).filter((d): d is string => d !== null);
  return days.length ? days.reduce((a, b) => (b < a ? b : a)) : null;
}

function cannotDecide(subject: string, why: string, limit: Limit): string {
  return `${capitalise(subject)} ${why}, so whether it came within ${formatLimit(limit)} cannot be decided.`;
}

/**
 * A request's time to its answer. Dated answering records decide; undated ones, or a status that
 * says it was answered without a record of when, leave it undetermined; an open or unanswered
 * request runs to the end of observation.
 */
function requestFinding(
  ctx: CaseContext,
  make: FindingMaker,
  cr: CareRequestRecord,
  limit: Limit,
  answering: CaseEvent[],
  subject: string,
  answerNoun: string,
  waitingStatuses: readonly CareRequestRecord['status'][],
): Finding {
  const trigger = ctx.bounds(cr.requestedOn);
  const dated = answering.filter((e) => ctx.date(e.date) !== null);
  const ids = requestIds(cr);
  if (dated.length > 0) {
    const outcome = timeToAnswer(trigger, dated.map((e) => asAnswer(ctx, e, true)), limit, 'no-record');
    return outcomeFinding(ctx, make, cr.id, trigger, outcome, ids, subject, answerNoun, limit);
  }
  if (answering.length > 0) {
    const why = `was answered by ${eventLabel(answering[0]!.type, answering[0]!.attributes)} of unknown date`;
    return make(cr.id, 'undetermined', [...ids, ...answering.map((e) => e.id)], cannotDecide(subject, why, limit));
  }
  if (waitingStatuses.includes(cr.status)) {
    const outcome = timeToAnswer(trigger, [], limit, { end: ctx.end.bounds });
    return outcomeFinding(ctx, make, cr.id, trigger, outcome, ids, subject, answerNoun, limit);
  }
  return make(cr.id, 'undetermined', ids, cannotDecide(subject, `is marked ${cr.status} but no dated ${answerNoun} is on record`, limit));
}

const URGENCY = { routine: 'routine', soon: 'needed soon', urgent: 'urgent' } as const;

const isCare = (e: CaseEvent) =>
  e.type === 'medical_treatment' ||
  e.type === 'medical_examination' ||
  (e.type === 'transfer' && e.attributes.toHospital !== false);

export const urgentCare = defineRule(
  {
    id: 'urgent-care',
    title: 'Urgent medical need answered within 24 hours',
    provisions: [P.mandela27_1],
    severity: 'critical',
    defaultLimit: { hours: 24 },
    unit: ['urgent care request', 'urgent care requests'],
    notApplicable: 'The case has no urgent care request.',
  },
  (ctx, limit, make) =>
    ctx.file.careRequests
      .filter((cr) => cr.urgency === 'urgent' && !ctx.afterEnd(ctx.bounds(cr.requestedOn)))
      .map((cr) =>
        requestFinding(ctx, make, cr, limit, answersOf(ctx, cr).filter(isCare),
          `the urgent care request ${ctx.dated(cr.requestedOn)} (${cr.status})`,
          'medical treatment, examination or hospital transfer',
          ['open', 'unanswered', 'denied'])),
);

export const careUnanswered = defineRule(
  {
    id: 'care-unanswered',
    title: 'Request for medical care answered within 14 days',
    provisions: [P.mandela24, P.mandela31, P.basic9],
    severity: 'high',
    defaultLimit: { days: 14 },
    unit: ['care request', 'care requests'],
    notApplicable: 'The case has no request for medical care.',
  },
  (ctx, limit, make) =>
    ctx.file.careRequests
      .filter((cr) => !ctx.afterEnd(ctx.bounds(cr.requestedOn)))
      .map((cr) =>
        requestFinding(ctx, make, cr, limit, answersOf(ctx, cr),
          `the care request ${ctx.dated(cr.requestedOn)} (${URGENCY[cr.urgency]}, ${cr.status})`,
          'answer',
          ['open', 'unanswered'])),
);

const nonMedical = (e: CaseEvent) => e.attributes.deniedByNonMedicalAuthority === true;

export const careDenied = defineRule(
  {
    id: 'care-denied',
    title: 'Medical care not refused, clinical decisions not overruled',
    provisions: [P.basic9, P.mandela24_1, P.mandela27_2],
    severity: 'high',
    defaultLimit: { days: 0 },
    unit: ['care record', 'care records'],
    notApplicable: 'The case has no care request and no medical record.',
  },
  (ctx, _limit, make) => {
    const out: Finding[] = [];
    const counted = new Set<string>();
    for (const cr of ctx.file.careRequests) {
      if (cr.status !== 'denied') continue;
      const denials = answersOf(ctx, cr).filter((e) => e.type === 'medical_denied');
      denials.forEach((e) => counted.add(e.id));
      const request = `the care request ${ctx.dated(cr.requestedOn)}`;
      out.push(make(cr.id, 'breached', [...requestIds(cr), ...denials.map((e) => e.id)],
        denials.some(nonMedical)
          ? `A non-medical authority overruled a clinical decision and refused ${request}.`
          : `${capitalise(request)} was refused.`,
        firstSureDay(ctx, denials)));
    }
    for (const e of ctx.events('medical_denied')) {
      if (counted.has(e.id)) continue;
      out.push(make(e.id, 'breached', [e.id],
        nonMedical(e)
          ? `A non-medical authority overruled a clinical decision and refused care (record ${ctx.dated(e.date)}).`
          : `A refusal of medical care is on record, ${ctx.dated(e.date)}.`,
        ctx.date(e.date)?.latest ?? null));
    }
    if (out.length > 0) return out;
    const medical = ctx.events('medical_request', 'medical_treatment', 'medical_examination');
    const records = [...ctx.file.careRequests.map((cr) => cr.id), ...medical.map((e) => e.id)];
    if (records.length === 0) return [];
    return [make(ctx.file.caseId, 'met', records,
      `No refusal of medical care is on record among ${records.length} care ${records.length === 1 ? 'record' : 'records'}.`)];
  },
);

export const ownDoctor = defineRule(
  {
    id: 'own-doctor',
    title: 'Own doctor or second opinion not refused',
    provisions: [P.mandela118, P.body25],
    severity: 'medium',
    defaultLimit: { days: 0 },
    unit: ['request to see an own doctor', 'requests to see an own doctor'],
    notApplicable: 'The case has no request to see an own doctor or for a second opinion.',
  },
  (ctx, _limit, make) =>
    ctx.file.careRequests
      .filter((cr) => cr.ownDoctor === true)
      .map((cr) => {
        const answers = answersOf(ctx, cr);
        const ids = [...requestIds(cr), ...answers.map((e) => e.id)];
        const subject = `the request ${ctx.dated(cr.requestedOn)} to see an own doctor or get a second opinion`;
        if (cr.status === 'denied') {
          return make(cr.id, 'breached', ids, `${capitalise(subject)} was refused.`, firstSureDay(ctx, answers));
        }
        if (cr.status === 'granted' || cr.status === 'fulfilled') {
          return make(cr.id, 'met', ids, `${capitalise(subject)} was ${cr.status}.`);
        }
        return make(cr.id, 'undetermined', ids, `${capitalise(subject)} is ${cr.status}: no decision on it is on record.`);
      }),
);
