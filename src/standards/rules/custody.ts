// Custody: before a judge within 48 hours, family told of transfers, no incommunicado detention,
// and a monitor's visit at least every 90 days.
import type { PreciseDate } from '../../domain/dates.ts';
import { PROVISIONS as P } from '../provisions.ts';
import { capitalise, defineRule, explainOutcome, outcomeFinding } from '../rule.ts';
import { breachSince, breachMinDays, dayCount, formatLimit, gapDays, judgeGap, metMaxDays, timeToAnswer, type Bounds } from '../time.ts';
import type { Finding, Limit } from '../types.ts';
import { asAnswer } from './care.ts';

export const judge48h = defineRule(
  {
    id: 'judge-48h',
    title: 'Before a judge within 48 hours of arrest',
    provisions: [P.iccpr9_3, P.gc35_33],
    severity: 'high',
    defaultLimit: { hours: 48 },
    unit: ['arrest', 'arrests'],
    notApplicable: 'The case records no arrest.',
  },
  (ctx, limit, make) => {
    const hearings = ctx.events('hearing').map((e) => asAnswer(ctx, e));
    // Sources often name a trial but not the first appearance before a judge: with no hearing on
    // record the rule cannot decide; a hearing on record that is surely too late is a breach.
    return ctx.events('arrest')
      .filter((e) => !ctx.afterEnd(ctx.bounds(e.date)))
      .map((e) => {
        const trigger = ctx.bounds(e.date);
        const outcome = timeToAnswer(trigger, hearings, limit, 'no-record');
        return outcomeFinding(ctx, make, e.id, trigger, outcome, [e.id], `the arrest ${ctx.dated(e.date)}`, 'hearing', limit);
      });
  },
);

export const familyNotified = defineRule(
  {
    id: 'family-notified',
    title: 'Family notified of a transfer within 24 hours',
    provisions: [P.mandela68, P.mandela69],
    severity: 'medium',
    defaultLimit: { hours: 24 },
    unit: ['transfer', 'transfers'],
    notApplicable: 'The case records no transfer.',
  },
  (ctx, limit, make) => {
    const contacts = ctx.events('family_contact').map((e) => asAnswer(ctx, e));
    return ctx.events('transfer')
      .filter((e) => !ctx.afterEnd(ctx.bounds(e.date)))
      .map((e) => {
        const trigger = ctx.bounds(e.date);
        const subject = `the ${e.attributes.toHospital === true ? 'transfer to hospital' : 'transfer'} ${ctx.dated(e.date)}`;
        if (e.attributes.familyNotified === false) {
          return make(e.id, 'breached', [e.id], `The family was not notified of ${subject}.`, breachSince(trigger.latest, limit));
        }
        if (e.attributes.familyNotified === true) {
          return make(e.id, 'met', [e.id], `The family was notified of ${subject}.`);
        }
        // A family contact on record within the limit shows notice; a later one does not show its absence.
        const outcome = timeToAnswer(trigger, contacts, limit, 'no-record');
        if (outcome.kind === 'met') {
          return outcomeFinding(ctx, make, e.id, trigger, outcome, [e.id], subject, 'family contact', limit);
        }
        const explanation =
          outcome.kind === 'late'
            ? `Whether the family was notified of ${subject} is not on record; the first family contact on record came more than ${formatLimit(limit)} later.`
            : outcome.kind === 'unclear'
              ? explainOutcome(ctx, outcome, subject, 'family contact', limit)
              : `Whether the family was notified of ${subject} is not on record.`;
        return make(e.id, 'undetermined', [e.id], explanation);
      });
  },
);

export const incommunicado = defineRule(
  {
    id: 'incommunicado',
    title: 'Contact with a lawyer or family within 10 days',
    provisions: [P.body15, P.body18],
    severity: 'critical',
    defaultLimit: { days: 10 },
    unit: ['start of custody', 'starts of custody'],
    notApplicable: 'The case records no arrest and no detention period.',
  },
  (ctx, limit, make) => {
    const arrests = ctx.events('arrest');
    const arrestDates = arrests.map((a) => ctx.date(a.date)).filter((d): d is PreciseDate => d !== null);
    // A detention period that may begin within the limit after an arrest is the custody that
    // arrest began (one finding); a later period without an arrest of its own is a new start.
    const periods = ctx.file.detentionPeriods.filter((p) => {
      const start = ctx.date(p.start);
      return !start || !arrestDates.some((a) => sameCustody(a, start, limit));
    });
    const starts = [
      ...arrests.map((e) => ({ id: e.id, date: e.date, what: 'the arrest' })),
      ...periods.map((p) => ({ id: p.id, date: p.start, what: 'the start of detention' })),
    ];
    const contacts = ctx.events('lawyer_contact', 'family_contact').map((e) => asAnswer(ctx, e));
    return starts
      .filter((s) => !ctx.afterEnd(ctx.bounds(s.date)))
      .map((s) => {
        const trigger = ctx.bounds(s.date);
        // No contact on record at all is not proof of none: undetermined.
        const outcome = timeToAnswer(trigger, contacts, limit, 'no-record');
        return outcomeFinding(ctx, make, s.id, trigger, outcome, [s.id], `${s.what} ${ctx.dated(s.date)}`,
          'contact with a lawyer or family', limit);
      });
  },
);

function sameCustody(arrest: PreciseDate, start: PreciseDate, limit: Limit): boolean {
  const arrestSurelyLater = arrest.earliest !== null && start.latest !== null && arrest.earliest > start.latest;
  return !arrestSurelyLater && judgeGap(gapDays(arrest, start), limit) !== 'breached';
}

export const noMonitoring = defineRule(
  {
    id: 'no-monitoring',
    title: 'A monitoring visit at least every 90 days',
    provisions: [P.npmPractice],
    severity: 'medium',
    defaultLimit: { days: 90 },
    unit: ['current detention', 'current detentions'],
    notApplicable: 'The person is not held now, so no visit is due.',
  },
  (ctx, limit, make) => {
    if (ctx.file.status !== 'detained') return [];
    const period = ctx.lastPeriod();
    const firstArrest = ctx.events('arrest').find((e) => ctx.date(e.date) !== null);
    const startText = period?.start ?? firstArrest?.date ?? null;
    const startId = period?.id ?? firstArrest?.id ?? null;
    const start = ctx.date(startText);
    const visits = [
      ...ctx.file.visits.map((v) => ({ id: v.id, text: v.date as string | null })),
      ...ctx.events('visit').map((e) => ({ id: e.id, text: e.date })),
    ].filter((v) => {
      // Visits surely before the current detention began do not count.
      const b = ctx.bounds(v.text);
      return !(start && start.earliest !== null && b.latest !== null && b.latest < start.earliest);
    });
    // The last visit (or the start, if none came since) is no earlier than any of these.
    const marks: { id: string; bounds: Bounds }[] = visits.map((v) => ({ id: v.id, bounds: ctx.bounds(v.text) }));
    if (start && startId) marks.push({ id: startId, bounds: start });
    const key = ctx.file.caseId;
    const today: Bounds = { earliest: ctx.today, latest: ctx.today };
    const within = formatLimit(limit);
    if (marks.length === 0) {
      return [make(key, 'undetermined', [], `Neither the start of detention nor any monitoring visit is on record, so the ${within} cannot be counted.`)];
    }
    const gaps = marks.map((m) => ({ ...m, gap: gapDays(m.bounds, today) }));
    const ids = gaps.map((g) => g.id);
    const last = visits.length === 0 ? 'no visit is on record since detention began' : `the last visit on record is ${ctx.dated(latestText(ctx, visits))}`;
    if (gaps.some((g) => g.gap.max <= metMaxDays(limit))) {
      return [make(key, 'met', ids, `${capitalise(last)}, within ${within} of today.`)];
    }
    if (gaps.every((g) => g.gap.min >= breachMinDays(limit))) {
      const latest = gaps.map((g) => g.bounds.latest!).reduce((a, b) => (b > a ? b : a));
      const least = Math.min(...gaps.map((g) => g.gap.min));
      const finding: Finding = make(key, 'breached', ids,
        `No monitoring visit in the last ${within}: ${last}, at least ${dayCount(least)} ago.`, breachSince(latest, limit));
      return [finding];
    }
    return [make(key, 'undetermined', ids, `The dates do not allow a decision whether a monitor visited in the last ${within}: ${last}.`)];
  },
);

function latestText(ctx: { bounds(t: string | null): Bounds }, visits: { text: string | null }[]): string | null {
  let best: string | null = null;
  let key = '';
  for (const v of visits) {
    const b = ctx.bounds(v.text);
    const k = b.latest ?? '9999-12-31';
    if (v.text !== null && k >= key) [best, key] = [v.text, k];
  }
  return best;
}
