// Time, honestly. Records carry dates at their precision ('2019', '2022-03', '2022-05-14', ranges,
// open sides), so the time between two records is a range of whole days, and "within the limit"
// has three answers: surely yes (met), surely not (breached), or the dates do not allow a decision.
//
// Day limits count calendar days: an answer on the 7th day after a trigger is within 7 days.
//
// Hour limits against dates of day precision: two events on days that are g days apart happened
// more than 24(g−1) and less than 24(g+1) hours apart (each may fall at any time of its day).
// So a limit of H hours is
//   met       when 24(g_max + 1) ≤ H — for 24 h, only an answer on the same day;
//   breached  when 24(g_min − 1) ≥ H — for 24 h, two days or more later;
//   otherwise undetermined — for 24 h, the next day (it may be 2 or 47 hours).
// A same-day answer is taken to follow its trigger (records rarely say the hour).
import type { Limit } from './types.ts';

/** The first and last possible day (YYYY-MM-DD) of a record's date; null for an open side. */
export interface Bounds {
  earliest: string | null;
  latest: string | null;
}

/** Whole days between two records; max is Infinity when an open side leaves it unbounded. */
export interface Gap {
  min: number;
  max: number;
}

export type Verdict = 'met' | 'breached' | 'undetermined';

// Day arithmetic in whole days (proleptic Gregorian, UTC), without Date objects: the rules do it
// for every pair of records of every case, so it stays integer-only.
// Algorithm: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil).

/** Whole days since 1970-01-01 for 'YYYY-MM-DD'. */
export function dayNumber(iso: string): number {
  // Digits by char code: this runs for every pair of records compared.
  const y0 = iso.charCodeAt(0) * 1000 + iso.charCodeAt(1) * 100 + iso.charCodeAt(2) * 10 + iso.charCodeAt(3) - 53_328;
  const m = iso.charCodeAt(5) * 10 + iso.charCodeAt(6) - 528;
  const d = iso.charCodeAt(8) * 10 + iso.charCodeAt(9) - 528;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** 'YYYY-MM-DD' for whole days since 1970-01-01 (civil_from_days). */
export function dayString(n: number): string {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addDays(iso: string, days: number): string {
  return dayString(dayNumber(iso) + days);
}

/**
 * Days from `from` to `to`: min from the latest possible `from` to the earliest possible `to`,
 * max from the earliest `from` to the latest `to`. Both are clamped at 0 (an answer is never
 * before its trigger); an open side gives min 0 or max Infinity.
 */
export function gapDays(from: Bounds, to: Bounds): Gap {
  const max =
    from.earliest === null || to.latest === null
      ? Infinity
      : Math.max(0, dayNumber(to.latest) - dayNumber(from.earliest));
  const min =
    from.latest === null || to.earliest === null
      ? 0
      : Math.max(0, dayNumber(to.earliest) - dayNumber(from.latest));
  return { min: Math.min(min, max), max };
}

/** The largest whole-day gap that surely keeps within the limit (-1 when none does). */
export function metMaxDays(limit: Limit): number {
  return 'hours' in limit ? Math.floor(limit.hours / 24) - 1 : Math.floor(limit.days);
}

/** The smallest whole-day gap that surely exceeds the limit. */
export function breachMinDays(limit: Limit): number {
  return 'hours' in limit ? Math.ceil(limit.hours / 24) + 1 : Math.floor(limit.days) + 1;
}

export function judgeGap(gap: Gap, limit: Limit): Verdict {
  if (gap.max <= metMaxDays(limit)) return 'met';
  if (gap.min >= breachMinDays(limit)) return 'breached';
  return 'undetermined';
}

/** The first day on which the limit has surely run out for a trigger whose last possible day is `latest`. */
export function breachSince(latest: string | null, limit: Limit): string | null {
  return latest === null ? null : addDays(latest, breachMinDays(limit));
}

export function formatLimit(limit: Limit): string {
  const [n, unit] = 'hours' in limit ? [limit.hours, 'hour'] : [limit.days, 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export function dayCount(n: number): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${n === 1 ? 'day' : 'days'}`;
}

export function validateLimit(limit: unknown, name: string): Limit {
  const value =
    limit !== null && typeof limit === 'object'
      ? 'hours' in limit
        ? (limit as { hours: unknown }).hours
        : 'days' in limit
          ? (limit as { days: unknown }).days
          : undefined
      : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`the limit of ${name} must be { hours: n } or { days: n } with n ≥ 0`);
  }
  return limit as Limit;
}

// ---------------------------------------------------------------------------------------------
// Time to the first answer

/** A record that may answer a trigger (a treatment for a request, a hearing for an arrest…). */
export interface Answer {
  id: string;
  /** 'a medical treatment', 'a hearing' … */
  label: string;
  /** EDTF text as recorded, for explanations; null when undated. */
  text: string | null;
  bounds: Bounds | null;
  /** Recorded as answering this trigger (e.g. a care request's answeredByEventIds). */
  linked?: boolean;
}

export type Outcome =
  /** An answer that surely came after the trigger, surely within the limit. */
  | { kind: 'met'; answer: Answer }
  /** Every answer on record came surely after the limit, and one surely answers. */
  | { kind: 'late'; answer: Answer; gap: Gap }
  /** No answer on record could fall within the limit, and the limit surely ran out in custody. */
  | { kind: 'overdue'; gap: Gap; considered: Answer[] }
  /** No answer on record, and the limit has not surely run out by the end of observation. */
  | { kind: 'pending' }
  /** Answers on record, but their dates do not allow a decision. */
  | { kind: 'unclear'; considered: Answer[] }
  /** No answer on record, and the rule does not read silence as a breach. */
  | { kind: 'no-record' };

/**
 * The gap from `trigger` to the first answer. Answers surely before the trigger are left out
 * (unless linked). An answer counts as surely following the trigger when its earliest day is not
 * before the trigger's latest day; one that may precede it can only prevent a breach, never prove
 * one met. When nothing surely answers, `silence` decides: with an end of observation, the gap
 * runs to it (breached once the limit surely passed in custody); 'no-record' never breaches.
 */
export function timeToAnswer(
  trigger: Bounds,
  answers: readonly Answer[],
  limit: Limit,
  silence: { end: Bounds } | 'no-record',
): Outcome {
  const considered: { answer: Answer; gap: Gap; sure: boolean }[] = [];
  for (const answer of answers) {
    const b = answer.bounds ?? { earliest: null, latest: null };
    const surelyBefore = b.latest !== null && trigger.earliest !== null && b.latest < trigger.earliest;
    if (surelyBefore && !answer.linked) continue;
    const sure =
      answer.linked === true ||
      (b.earliest !== null && trigger.latest !== null && b.earliest >= trigger.latest);
    considered.push({ answer, gap: gapDays(trigger, b), sure });
  }
  const sureOnes = considered.filter((c) => c.sure);
  const met = sureOnes
    .filter((c) => judgeGap(c.gap, limit) === 'met')
    .sort((a, b) => a.gap.max - b.gap.max)[0];
  if (met) return { kind: 'met', answer: met.answer };

  const allLate = considered.every((c) => c.gap.min >= breachMinDays(limit));
  const list = considered.map((c) => c.answer);
  if (sureOnes.length > 0) {
    if (!allLate) return { kind: 'unclear', considered: list };
    const first = [...considered].sort((a, b) => a.gap.min - b.gap.min)[0]!;
    return { kind: 'late', answer: first.answer, gap: first.gap };
  }
  // Possibly no answer at all.
  if (silence === 'no-record') return considered.length === 0 ? { kind: 'no-record' } : { kind: 'unclear', considered: list };
  const toEnd = gapDays(trigger, silence.end);
  if (allLate && toEnd.min >= breachMinDays(limit)) return { kind: 'overdue', gap: toEnd, considered: list };
  return considered.length === 0 ? { kind: 'pending' } : { kind: 'unclear', considered: list };
}
