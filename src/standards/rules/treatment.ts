// Treatment in custody: signs of ill-treatment investigated, solitary confinement not prolonged,
// no trial going on while the person is too ill to attend.
import type { PreciseDate } from '../../domain/dates.ts';
import type { CaseContext } from '../context.ts';
import { PROVISIONS as P } from '../provisions.ts';
import { capitalise, defineRule, outcomeFinding } from '../rule.ts';
import { breachSince, dayCount, formatLimit, gapDays, judgeGap, timeToAnswer, type Bounds } from '../time.ts';
import type { CaseEvent, Finding } from '../types.ts';
import { asAnswer } from './care.ts';

export const illTreatmentDocumented = defineRule(
  {
    id: 'ill-treatment-documented',
    title: 'Signs of ill-treatment investigated within 7 days',
    provisions: [P.mandela34, P.mandela71],
    severity: 'critical',
    defaultLimit: { days: 7 },
    unit: ['sign of ill-treatment', 'signs of ill-treatment'],
    notApplicable: 'The case records no sign of ill-treatment.',
  },
  (ctx, limit, make) => {
    const signs: { id: string; date: string | null; what: string }[] = [
      ...ctx.events('mistreatment').map((e) => ({ id: e.id, date: e.date, what: 'the report of ill-treatment' })),
      ...ctx.events('injury_documented').map((e) => ({ id: e.id, date: e.date, what: 'the record of injuries' })),
      ...ctx.file.visits
        .filter((v) => v.findings.some((f) => f.documentsInjuries === true))
        .map((v) => ({ id: v.id, date: v.date, what: 'the injuries found on the monitoring visit' })),
    ];
    const investigations = ctx.events('investigation').map((e) => asAnswer(ctx, e));
    return signs
      .filter((s) => !ctx.afterEnd(ctx.bounds(s.date)))
      .map((s) => {
        const trigger = ctx.bounds(s.date);
        const outcome = timeToAnswer(trigger, investigations, limit, { end: ctx.end.bounds });
        return outcomeFinding(ctx, make, s.id, trigger, outcome, [s.id], `${s.what} ${ctx.dated(s.date)}`,
          'investigation', limit);
      });
  },
);

/** The two sides of a date read as a period ('2022-03-01/2022-04-10'); a single date is both. */
function sides(ctx: CaseContext, d: PreciseDate): { start: Bounds | null; end: Bounds | null } {
  if (!d.isRange) return { start: d, end: d };
  const [a = '..', b = '..'] = d.text.split('/');
  return { start: a === '..' ? null : ctx.date(a), end: b === '..' ? null : ctx.date(b) };
}

export const solitary15Days = defineRule(
  {
    id: 'solitary-15-days',
    title: 'Solitary confinement no longer than 15 consecutive days',
    provisions: [P.mandela43_1b, P.mandela44, P.mandela45],
    severity: 'high',
    defaultLimit: { days: 15 },
    unit: ['solitary confinement', 'solitary confinements'],
    notApplicable: 'The case records no solitary confinement.',
  },
  (ctx, limit, make) =>
    ctx.events('solitary_confinement').map((e) => {
      const d = ctx.date(e.date);
      const s = d ? sides(ctx, d) : { start: null, end: null };
      const subject = `the solitary confinement ${ctx.dated(e.date)}`;
      const within = formatLimit(limit);
      const since = breachSince(s.start?.latest ?? null, limit);
      const days = e.attributes.days;
      if (typeof days === 'number' && Number.isFinite(days)) {
        const verdict = judgeGap({ min: days, max: days }, limit);
        const length = `lasted ${dayCount(days)}`;
        return verdict === 'breached'
          ? make(e.id, 'breached', [e.id], `${capitalise(subject)} ${length}, more than ${within}.`, since)
          : verdict === 'met'
            ? make(e.id, 'met', [e.id], `${capitalise(subject)} ${length}, within ${within}.`)
            : make(e.id, 'undetermined', [e.id], `${capitalise(subject)} ${length}; whether that exceeds ${within} cannot be decided.`);
      }
      // Without a length, only a period whose two sides are on record tells how long it lasted.
      if (d?.isRange && s.start && s.end) {
        const length = gapDays(s.start, s.end);
        const verdict = judgeGap(length, limit);
        if (verdict === 'breached') {
          return make(e.id, 'breached', [e.id], `${capitalise(subject)} lasted at least ${dayCount(length.min)}, more than ${within}.`, since);
        }
        if (verdict === 'met') return make(e.id, 'met', [e.id], `${capitalise(subject)} lasted at most ${dayCount(length.max)}, within ${within}.`);
      }
      return make(e.id, 'undetermined', [e.id], `How long ${subject} lasted is not on record, so whether it exceeded ${within} cannot be decided.`);
    }),
);

const ILL_HEALTH = /\b(ill|illness|sick|sickness|unwell|health|hospitali[sz]ed|hospital|medical|disease|injur(y|ies|ed))\b/i;

export const trialInAbsence = defineRule(
  {
    id: 'trial-in-absence',
    title: 'No hearing while the person is too ill to attend',
    provisions: [P.iccpr14_3d],
    severity: 'high',
    defaultLimit: { days: 0 },
    unit: ['hearing', 'hearings'],
    notApplicable: 'The case records no hearing.',
  },
  (ctx, _limit, make) => {
    const tooIll = ctx.events('health_decline').filter((e) => e.attributes.tooIllToAttendTrial === true);
    const out: Finding[] = [];
    for (const h of ctx.events('hearing')) {
      const hd = ctx.date(h.date);
      const present = h.attributes.subjectPresent;
      const reason = typeof h.attributes.subjectAbsentReason === 'string' ? h.attributes.subjectAbsentReason : null;
      const subject = `the hearing ${ctx.dated(h.date)}`;
      const since = hd?.latest ?? null;
      if (present === false && reason !== null && ILL_HEALTH.test(reason)) {
        out.push(make(h.id, 'breached', [h.id, ...overlapping(ctx, hd, tooIll).map((e) => e.id)],
          `${capitalise(subject)} went on without the person, who was absent for reasons of health (“${reason}”).`, since));
        continue;
      }
      if (present === true) {
        out.push(make(h.id, 'met', [h.id], `The person attended ${subject}.`));
        continue;
      }
      // Recorded as too ill to attend trial, and the hearing not surely before that.
      const after = hd ? tooIll.filter((e) => notSurelyBefore(hd, ctx.date(e.date))) : [];
      const sure = after.filter((e) => ctx.date(e.date) !== null);
      if (hd && sure.length > 0) {
        const decline = sure[0]!;
        out.push(make(h.id, 'breached', [h.id, ...sure.map((e) => e.id)],
          `${capitalise(subject)} went on although the person was recorded as too ill to attend trial (${ctx.dated(decline.date)}).`, since));
        continue;
      }
      if (tooIll.length > 0 && (hd === null || after.length > 0)) {
        out.push(make(h.id, 'undetermined', [h.id, ...tooIll.map((e) => e.id)],
          `The dates do not allow a decision whether ${subject} went on while the person was recorded as too ill to attend.`));
        continue;
      }
      if (present === false) {
        out.push(make(h.id, 'undetermined', [h.id],
          `The person was absent from ${subject}${reason ? ` (“${reason}”)` : ''}, but no reason of health is on record.`));
        continue;
      }
      out.push(make(h.id, 'met', [h.id], `The person is not recorded as too ill to attend ${subject}.`));
    }
    return out;
  },
);

/** The hearing is not surely before the decline (they overlap, or the hearing may come after). */
function notSurelyBefore(hearing: PreciseDate, decline: PreciseDate | null): boolean {
  if (decline === null) return true;
  return !(hearing.latest !== null && decline.earliest !== null && hearing.latest < decline.earliest);
}

function overlapping(ctx: CaseContext, hearing: PreciseDate | null, declines: CaseEvent[]): CaseEvent[] {
  return hearing ? declines.filter((e) => ctx.date(e.date) !== null && notSurelyBefore(hearing, ctx.date(e.date))) : [];
}
