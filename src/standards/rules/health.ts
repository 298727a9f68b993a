// Health in custody: examined on arrival, treated when health declines, moved to a hospital when
// a condition needs a specialist.
import type { CaseContext } from '../context.ts';
import { PROVISIONS as P } from '../provisions.ts';
import { capitalise, defineRule, outcomeFinding } from '../rule.ts';
import { formatLimit, timeToAnswer } from '../time.ts';
import type { CaseEvent, Finding } from '../types.ts';
import { asAnswer } from './care.ts';

const toHospital = (e: CaseEvent) => e.type === 'transfer' && e.attributes.toHospital === true;

export const admissionExam = defineRule(
  {
    id: 'admission-exam',
    title: 'Medical examination within 24 hours of entering a facility',
    provisions: [P.mandela30, P.body24],
    severity: 'medium',
    defaultLimit: { hours: 24 },
    unit: ['entry into a facility', 'entries into a facility'],
    notApplicable: 'The case has no detention period and no transfer between facilities.',
  },
  (ctx, limit, make) => {
    const entries = [
      ...ctx.file.detentionPeriods.map((p) => ({ id: p.id, date: p.start, what: 'the start of detention' })),
      ...ctx.events('transfer')
        .filter((e) => !toHospital(e))
        .map((e) => ({ id: e.id, date: e.date, what: 'the transfer' })),
    ];
    // Admission examinations are seldom reported: silence is undetermined, never a breach.
    const exams = ctx.events('medical_examination').map((e) => asAnswer(ctx, e));
    return entries
      .filter((x) => !ctx.afterEnd(ctx.bounds(x.date)))
      .map((x) => {
        const trigger = ctx.bounds(x.date);
        const outcome = timeToAnswer(trigger, exams, limit, 'no-record');
        return outcomeFinding(ctx, make, x.id, trigger, outcome, [x.id],
          `${x.what} ${ctx.dated(x.date)}`, 'medical examination', limit);
      });
  },
);

export const healthDecline = defineRule(
  {
    id: 'health-decline',
    title: 'Treatment within 7 days of a decline in health',
    provisions: [P.mandela27_1, P.mandela33],
    severity: 'high',
    defaultLimit: { days: 7 },
    unit: ['health decline', 'health declines'],
    notApplicable: 'The case records no decline in health.',
  },
  (ctx, limit, make) => {
    const care = [...ctx.events('medical_treatment'), ...ctx.events('transfer').filter(toHospital)].map((e) =>
      asAnswer(ctx, e),
    );
    return ctx.events('health_decline')
      .filter((e) => !ctx.afterEnd(ctx.bounds(e.date)))
      .map((e) => {
        const trigger = ctx.bounds(e.date);
        const outcome = timeToAnswer(trigger, care, limit, { end: ctx.end.bounds });
        return outcomeFinding(ctx, make, e.id, trigger, outcome, [e.id],
          `the decline in health ${ctx.dated(e.date)}`, 'medical treatment or hospital transfer', limit);
      });
  },
);

const TREATMENT_PURPOSE = /treat|medic|hospital|surg|health|clinic|therap/i;

function specialistCare(ctx: CaseContext): CaseEvent[] {
  return [
    ...ctx.events('transfer').filter(toHospital),
    ...ctx.events('medical_treatment'),
    ...ctx.events('travel_permission').filter(
      (e) => typeof e.attributes.purpose === 'string' && TREATMENT_PURPOSE.test(e.attributes.purpose),
    ),
  ];
}

export const specialistTransfer = defineRule(
  {
    id: 'specialist-transfer',
    title: 'Specialist care within 14 days for a condition that needs it',
    provisions: [P.mandela27_1],
    severity: 'high',
    defaultLimit: { days: 14 },
    unit: ['condition needing specialist care', 'conditions needing specialist care'],
    notApplicable: 'No health condition in the case is recorded as needing specialist care.',
  },
  (ctx, limit, make) => {
    const care = specialistCare(ctx).map((e) => asAnswer(ctx, e));
    const out: Finding[] = [];
    for (const c of ctx.file.healthConditions) {
      if (c.specialistCareNeeded !== true) continue;
      const onset = ctx.date(c.onset);
      if (onset === null) {
        out.push(make(c.id, 'undetermined', [c.id],
          capitalise(`${c.name} needs specialist care, but its onset is not on record, so the ${formatLimit(limit)} cannot be counted.`)));
        continue;
      }
      if (ctx.afterEnd(onset)) continue;
      const outcome = timeToAnswer(onset, care, limit, { end: ctx.end.bounds });
      out.push(outcomeFinding(ctx, make, c.id, onset, outcome, [c.id],
        `the condition ${c.name} (specialist care needed, onset ${ctx.format(onset)})`,
        'hospital transfer, treatment or leave to travel for treatment', limit));
    }
    return out;
  },
);
