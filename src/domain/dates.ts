/**
 * Dates with precision.
 *
 * Sources say "in 2019", "March 2023", "14 May 2022", "from 2011 to 2017", "before March 2023".
 * A date keeps the precision it was given: "2019" spans 2019-01-01..2019-12-31 and is never shown
 * as a day. The wire and storage format is a subset of EDTF (Library of Congress):
 *
 *   2019  2022-03  2022-03-31      single dates at year, month, day precision
 *   2019~  2022-03~                approximate
 *   2011/2017  2022-03/2022-05-14  interval (each side any precision)
 *   ../2023-03  2023-03/..         open at the start ("before") or at the end ("after")
 *
 * "Approximate" is a qualifier for display; the bounds are those of the stated period.
 * All arithmetic is in UTC whole days.
 */

export const PRECISIONS = ['day', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

export interface PreciseDate {
  /** canonical EDTF form, e.g. '2019', '2022-03-31', '2011/2017', '../2023-03', '2019~' */
  text: string;
  /** the coarser precision of the two sides for a range; for open-ended, the known side's */
  precision: Precision;
  approximate: boolean;
  /** 'YYYY-MM-DD' first possible day; null when open at the start */
  earliest: string | null;
  /** 'YYYY-MM-DD' last possible day; null when open at the end */
  latest: string | null;
  isRange: boolean;
}

export class DateParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DateParseError';
  }
}

/** One side of an interval, or a single date. */
interface Side {
  text: string;
  year: number;
  month: number | null;
  day: number | null;
  precision: Precision;
  approximate: boolean;
  earliest: string;
  latest: string;
}

interface Parts {
  start: Side | null;
  end: Side | null;
  isRange: boolean;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const OPEN = '..';
const SINGLE = /^(\d+)(?:-(\d{2})(?:-(\d{2}))?)?(~)?$/;
const FORMS_HINT =
  'use a form such as 2019, 2022-03, 2022-03-31, 2019~, 2011/2017, ../2023-03 or 2023-03/..';
const MS_PER_DAY = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days since the Unix epoch for a 'YYYY-MM-DD' string. */
function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

function unrecognised(whole: string): DateParseError {
  return new DateParseError(`"${whole}" is not a date Habeas understands; ${FORMS_HINT}`);
}

function parseSide(text: string, whole: string): Side {
  const m = SINGLE.exec(text);
  if (!m) throw unrecognised(whole);
  const [, yearText = '', monthText, dayText, tilde] = m;
  const year = Number(yearText);
  if (yearText.length !== 4 || year < 1000) {
    throw new DateParseError(`"${whole}": year ${yearText} is outside 1000–9999`);
  }
  const month = monthText === undefined ? null : Number(monthText);
  if (month !== null && (month < 1 || month > 12)) {
    throw new DateParseError(`"${whole}" is not a real date: there is no month ${monthText}`);
  }
  const day = dayText === undefined ? null : Number(dayText);
  if (month !== null && day !== null) {
    const last = daysInMonth(year, month);
    if (day < 1 || day > last) {
      throw new DateParseError(
        `"${whole}" is not a real date: ${MONTHS[month - 1]} ${year} has ${last} days`,
      );
    }
  }
  const lastMonth = month ?? 12;
  return {
    text,
    year,
    month,
    day,
    precision: day !== null ? 'day' : month !== null ? 'month' : 'year',
    approximate: tilde !== undefined,
    earliest: isoDay(year, month ?? 1, day ?? 1),
    latest: isoDay(year, lastMonth, day ?? daysInMonth(year, lastMonth)),
  };
}

function parseParts(input: string): Parts {
  const text = input.trim();
  if (text === '') throw new DateParseError(`The date is empty; ${FORMS_HINT}`);
  const pieces = text.split('/').map((p) => p.trim());
  if (pieces.length === 1) {
    const side = parseSide(text, text);
    return { start: side, end: side, isRange: false };
  }
  const [startText = '', endText = ''] = pieces;
  const whole = pieces.join('/');
  if (pieces.length !== 2) throw unrecognised(whole);
  if (startText === OPEN && endText === OPEN) {
    throw new DateParseError(`"${whole}": an interval needs at least one known side`);
  }
  const start = startText === OPEN ? null : parseSide(startText, whole);
  const end = endText === OPEN ? null : parseSide(endText, whole);
  if (start && end && end.latest < start.earliest) {
    throw new DateParseError(`"${whole}": the end (${end.text}) is before the start (${start.text})`);
  }
  return { start, end, isRange: true };
}

function coarsest(precisions: Precision[]): Precision {
  return PRECISIONS[Math.max(...precisions.map((p) => PRECISIONS.indexOf(p)))] ?? 'year';
}

function sideText(side: Side | null): string {
  return side ? side.text : OPEN;
}

export function parsePreciseDate(input: string): PreciseDate {
  const { start, end, isRange } = parseParts(input);
  const known = [start, end].filter((s): s is Side => s !== null);
  return {
    text: isRange ? `${sideText(start)}/${sideText(end)}` : (start as Side).text,
    precision: coarsest(known.map((s) => s.precision)),
    approximate: known.some((s) => s.approximate),
    earliest: start?.earliest ?? null,
    latest: end?.latest ?? null,
    isRange,
  };
}

export function tryParsePreciseDate(
  input: string,
): { ok: true; value: PreciseDate } | { ok: false; error: string } {
  try {
    return { ok: true, value: parsePreciseDate(input) };
  } catch (err) {
    if (err instanceof DateParseError) return { ok: false, error: err.message };
    throw err;
  }
}

export function isValidPreciseDate(input: string): boolean {
  return tryParsePreciseDate(input).ok;
}

/** Builds a single date from numbers, e.g. fromParts(2022, 3) is March 2022. */
export function fromParts(year: number, month?: number, day?: number): PreciseDate {
  const parts = [year, month, day];
  if (parts.some((n) => n !== undefined && !Number.isInteger(n))) {
    throw new DateParseError(`Date parts must be whole numbers: ${parts.join(', ')}`);
  }
  if (month === undefined && day !== undefined) {
    throw new DateParseError(`A day (${day}) needs a month`);
  }
  let text = pad(year, 4);
  if (month !== undefined) text += `-${pad(month)}`;
  if (day !== undefined) text += `-${pad(day)}`;
  return parsePreciseDate(text);
}

export type Order = 'before' | 'after' | 'same' | 'overlaps';

/**
 * 'before' only when every possible day of a is before every possible day of b; 'same' only
 * when both are the same exact single day; otherwise the precision cannot decide: 'overlaps'.
 */
export function compareDates(a: PreciseDate, b: PreciseDate): Order {
  if (a.latest !== null && b.earliest !== null && a.latest < b.earliest) return 'before';
  if (b.latest !== null && a.earliest !== null && b.latest < a.earliest) return 'after';
  const isExactDay = (d: PreciseDate) =>
    d.earliest !== null && d.earliest === d.latest && !d.approximate;
  if (isExactDay(a) && isExactDay(b) && a.earliest === b.earliest) return 'same';
  return 'overlaps';
}

/**
 * Sort by earliest possible day, then latest: '2019' sorts before '2019-08-08'. A date open at the
 * start ('before 14 May 2022') sorts at its known end, since what it tells is "by then".
 * The store orders timelines the same way (coalesce(earliest, latest), latest).
 */
export function sortKey(d: PreciseDate): [string, string] {
  return [d.earliest ?? d.latest ?? '9999-12-31', d.latest ?? '9999-12-31'];
}

export function compareForSort(a: PreciseDate, b: PreciseDate): number {
  const [a1, a2] = sortKey(a);
  const [b1, b2] = sortKey(b);
  return a1.localeCompare(b1) || a2.localeCompare(b2) || a.text.localeCompare(b.text);
}

/** Whole days, min <= max. */
export interface DayRange {
  min: number;
  max: number;
}

/**
 * Days from `from` to `to` (end minus start, so a day to the next is 1). min: latest possible
 * start to earliest possible end; max: earliest start to latest end. Both are clamped at 0.
 * null when an open side makes the maximum unbounded.
 */
export function daysBetween(
  from: PreciseDate,
  to: PreciseDate | 'today',
  today: string,
): DayRange | null {
  const end = to === 'today' ? parseTodayArg(today) : to;
  if (from.earliest === null || end.latest === null) return null;
  const max = Math.max(0, dayNumber(end.latest) - dayNumber(from.earliest));
  // A start that may be arbitrarily late, or an end arbitrarily early, allows a span of nothing.
  const min =
    from.latest === null || end.earliest === null
      ? 0
      : Math.max(0, dayNumber(end.earliest) - dayNumber(from.latest));
  return { min: Math.min(min, max), max };
}

function parseTodayArg(today: string): PreciseDate {
  const d = parsePreciseDate(today);
  if (d.isRange || d.precision !== 'day') {
    throw new DateParseError(`"today" must be a single day (YYYY-MM-DD), got "${today}"`);
  }
  return d;
}

export function totalDays(ranges: DayRange[]): DayRange {
  return ranges.reduce((sum, r) => ({ min: sum.min + r.min, max: sum.max + r.max }), {
    min: 0,
    max: 0,
  });
}

function formatSide(side: Side, withYear = true): string {
  const words: string[] = [];
  if (side.day !== null) words.push(String(side.day));
  if (side.month !== null) words.push(MONTHS[side.month - 1] ?? '');
  if (withYear) words.push(String(side.year));
  return (side.approximate ? 'about ' : '') + words.join(' ');
}

function formatInterval(start: Side, end: Side): string {
  if (start.text === end.text) return formatSide(start);
  const full = `${formatSide(start)} – ${formatSide(end)}`;
  if (start.approximate || end.approximate) return full;
  if (start.precision === 'year' && end.precision === 'year') return `${start.year}–${end.year}`;
  // Within one year, say it once: 'March – 14 May 2022', '3–14 May 2022'.
  if (start.year === end.year && start.month !== null && end.month !== null) {
    if (start.month === end.month && start.day !== null && end.day !== null) {
      return `${start.day}–${formatSide(end)}`;
    }
    return `${formatSide(start, false)} – ${formatSide(end)}`;
  }
  return full;
}

/** English display at the date's own precision: '2019', 'March 2023', '14 May 2022', ... */
export function formatPreciseDate(d: PreciseDate): string {
  const { start, end } = parseParts(d.text);
  if (start && end) return formatInterval(start, end);
  if (end) return `before ${formatSide(end)}`;
  if (start) return `after ${formatSide(start)}`;
  return d.text;
}

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function dayCount(n: number): string {
  return `${groupThousands(n)} ${n === 1 ? 'day' : 'days'}`;
}

/** '1,024 days'; 'between 300 and 365 days'; with lowerBound, 'at least 1,024 days'. */
export function formatDayRange(r: DayRange, opts: { lowerBound?: boolean } = {}): string {
  if (opts.lowerBound) return `at least ${dayCount(r.min)}`;
  if (r.min === r.max) return dayCount(r.min);
  return `between ${groupThousands(r.min)} and ${dayCount(r.max)}`;
}

/** Parses what the store kept (canonical text); null passes through. */
export function dateFromDb(text: string | null): PreciseDate | null {
  return text === null ? null : parsePreciseDate(text);
}

export function todayUtc(now: Date = new Date()): string {
  return isoDay(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

/**
 * How long something dated `from` has waited: until `until` (a date), or until today. A start known
 * only as "before …" gives a lower bound, counted from its last possible day. Null when unknowable.
 */
export function waitingDays(from: string, until: string | null, today: string): { range: DayRange; lowerBound: boolean } | null {
  const start = tryParsePreciseDate(from);
  if (!start.ok) return null;
  const end = until ? tryParsePreciseDate(until) : null;
  const to = end?.ok ? end.value : 'today';
  const range = daysBetween(start.value, to, today);
  if (range) return { range, lowerBound: false };
  const last = start.value.latest ? tryParsePreciseDate(start.value.latest) : null;
  const bound = last?.ok ? daysBetween(last.value, to, today) : null;
  return bound ? { range: bound, lowerBound: true } : null;
}
