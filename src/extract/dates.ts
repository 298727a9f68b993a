// Date expressions in a text, each with the value it gives at the precision it allows. chrono
// (British reading: 05.03.2023 is 5 March) finds full and partial dates and relative ones
// anchored on the publication day; bare years and year ranges, which chrono ignores, are ours.
import * as chrono from 'chrono-node';
import type { DatePrecision, Span } from './types.ts';

export interface FoundDate extends Span {
  value: string | null;
  precision: DatePrecision;
}

const WEEKDAY = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const DURATION = /\b(for|over|more than|almost|nearly|about|some|at least|up to|after|within)\b.*\b(days?|weeks?|months?|years?)\b/i;
const AGO_OR_LATER = /\b(ago|later|earlier|after|before)\b/i;
const YEAR = /(?<![\d/.:-])(1[89]\d{2}|20\d{2})(?![\d/:-]|\.\d|\s*(?:%|per cent|people|prisoners|km))/g;
const DEICTIC = /\b(last|this|next|yesterday|today|tonight|previous|current)\b/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_DAY = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?$/i;

/** "April of " just before the text chrono found ("last year"). */
function monthBefore(before: string): string {
  return /([A-Za-z]+ of )$/.exec(before)?.[1] ?? '';
}

/** The latest such day not after publication; without a publication day, no value. */
function monthDayOf(match: RegExpExecArray, published: Date | null, index: number, text: string): FoundDate | null {
  const month = MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase());
  const day = Number(match[2]);
  if (day < 1 || day > 31) return null;
  const span = { text, start: index, end: index + text.length };
  if (!published) return { ...span, value: null, precision: 'unknown' };
  const date = new Date(Date.UTC(published.getUTCFullYear(), month, day, 12));
  if (date > published) date.setUTCFullYear(date.getUTCFullYear() - 1);
  return { ...span, value: iso(date), precision: 'day' };
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function valueAt(date: Date, precision: DatePrecision): string | null {
  const day = iso(date);
  return precision === 'day' ? day : precision === 'month' ? day.slice(0, 7) : precision === 'year' ? day.slice(0, 4) : null;
}

function fromChrono(result: chrono.ParsedResult, published: Date | null, before: string): FoundDate | null {
  const { start } = result;
  const text = result.text.replace(/[\s,.;]+$/, '');
  if (DURATION.test(text) && !WEEKDAY.test(text)) return null; // "for 553 days" is not a date
  if (AGO_OR_LATER.test(text)) return null;
  if (/^(?:this |that |the )?(?:morning|afternoon|evening|night|noon|midnight|tonight)$/i.test(text)) return null; // a time of day, not a date
  if (/\b(?:days?|weeks?|months?|years?)$/i.test(text) && !DEICTIC.test(text)) return null; // "two years": a duration
  // "at 11:22 am" alone: a time, which says nothing of the day.
  if (/\d[:.]\d\d|\b[ap]\.?m\b/i.test(text) && !start.isCertain('day') && !start.isCertain('weekday') && !DEICTIC.test(text)) return null; // anchored elsewhere or vague: not a date we can give
  // "may" and "march" alone are usually the verbs; the month comes after "in", "since", "of"…
  if (/^(may|march)$/i.test(text) && !/\b(in|of|since|until|by|early|late|mid|from|to)\s+$/i.test(before)) return null;
  // "January 26", "Oct. 22": a day of a month, which the British reading takes for a month and a year.
  // "April of last year": chrono reads the two apart.
  const ofYear = /^(?:in )?([a-z]+) of (last|this) year$/i.exec(`${monthBefore(before)}${text}`);
  if (ofYear && published && MONTHS.includes(ofYear[1]!.slice(0, 3).toLowerCase())) {
    const year = published.getUTCFullYear() - (ofYear[2]!.toLowerCase() === 'last' ? 1 : 0);
    return { text, start: result.index, end: result.index + text.length, value: `${year}-${pad(MONTHS.indexOf(ofYear[1]!.slice(0, 3).toLowerCase()) + 1)}`, precision: 'month' };
  }
  const monthDay = MONTH_DAY.exec(text);
  if (monthDay) return monthDayOf(monthDay, published, result.index, text);
  const certain = (c: chrono.Component) => start.isCertain(c);
  // "Tuesday 20 January 2009" is absolute; "on Tuesday" and "last month" need the publication day.
  const relative = !certain('year') || (WEEKDAY.test(text) && !certain('day')) || DEICTIC.test(text);
  let precision: DatePrecision = certain('day') ? 'day' : certain('month') ? 'month' : certain('year') ? 'year' : 'unknown';
  if (relative && !published) return { text, start: result.index, end: result.index + text.length, value: null, precision: 'unknown' };
  const date = start.date();
  const asUtc = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), 12));
  if (relative && published) {
    if (WEEKDAY.test(text) && !certain('day')) precision = 'day';
    if (precision === 'unknown') precision = certain('month') || /month/i.test(text) ? 'month' : 'year';
    // "Last week" names no day: the month it fell in is what the text tells.
    if (/\bweek\b/i.test(text) && !WEEKDAY.test(text)) precision = 'month';
    // The latest such day or month not after publication.
    while (asUtc > published) {
      if (WEEKDAY.test(text) && !certain('month')) asUtc.setUTCDate(asUtc.getUTCDate() - 7);
      else asUtc.setUTCFullYear(asUtc.getUTCFullYear() - 1);
    }
  }
  if (precision === 'unknown') return null;
  return { text, start: result.index, end: result.index + text.length, value: valueAt(asUtc, precision), precision };
}

/** Every date expression, in text order; relative ones stay unknown without a publication day. */
export function findDates(text: string, published?: string | null): FoundDate[] {
  const reference = published ? new Date(`${published}T12:00:00Z`) : null;
  const found: FoundDate[] = [];
  const results = chrono.en.GB.parse(text, reference ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  for (const result of results) {
    const date = fromChrono(result, reference, text.slice(Math.max(0, result.index - 12), result.index));
    if (date) found.push(date);
  }
  const covered = (i: number) => found.some((d) => i >= d.start && i < d.end);
  for (const match of text.matchAll(YEAR)) {
    if (covered(match.index)) continue;
    found.push({ text: match[0], start: match.index, end: match.index + 4, value: match[0], precision: 'year' });
  }
  found.sort((a, b) => a.start - b.start);
  return withAnchored(text, found);
}

const NUMBER: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const ANCHORED = /\b(?:(?:the|that) (same|next|following) (day|evening|morning|night|afternoon|week|month|year)|later that (day|evening|night|week|month|year)|the day (after|before)|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) (days?|weeks?|months?|years?) (later|earlier|afterwards|before))\b/gi;

/**
 * "Two days later", "the same evening", "later that year": dates told from the date the text
 * gave last, at the precision that date allows.
 */
function withAnchored(text: string, found: FoundDate[]): FoundDate[] {
  const anchored: FoundDate[] = [];
  for (const match of text.matchAll(ANCHORED)) {
    const start = match.index;
    if (found.some((d) => start < d.end && d.start < start + match[0].length)) continue;
    const anchor = [...found, ...anchored].filter((d) => d.end <= start && d.value).sort((a, b) => b.end - a.end)[0];
    if (!anchor?.value) continue;
    const [, sameOrNext, unitA, laterThat, dayAfter, count, unitB, direction] = match;
    let value: string | null = null;
    let precision = anchor.precision;
    const unit = (unitA ?? laterThat ?? unitB ?? 'day').toLowerCase().replace(/s$/, '');
    const dayLike = ['day', 'evening', 'morning', 'night', 'afternoon'].includes(unit);
    const sign = direction && /earlier|before/i.test(direction) ? -1 : 1;
    if ((sameOrNext?.toLowerCase() === 'same' || laterThat) && (!dayLike || anchor.precision === 'day')) {
      // Same day: the anchor; same week or month: its month; same year: its year.
      precision = dayLike ? 'day' : unit === 'year' ? 'year' : anchor.precision === 'year' ? 'year' : 'month';
      value = anchor.value.slice(0, precision === 'day' ? 10 : precision === 'month' ? 7 : 4);
    } else {
      const steps = sameOrNext ? 1 : dayAfter ? (dayAfter.toLowerCase() === 'before' ? -1 : 1) : sign * (NUMBER[count!.toLowerCase()] ?? Number(count));
      const shifted = shift(anchor.value, anchor.precision, dayLike || dayAfter ? 'day' : unit, steps);
      if (shifted) [value, precision] = shifted;
    }
    if (value) anchored.push({ text: match[0], start, end: start + match[0].length, value, precision });
  }
  return anchored.length ? [...found, ...anchored].sort((a, b) => a.start - b.start) : found;
}

function shift(value: string, precision: DatePrecision, unit: string, steps: number): [string, DatePrecision] | null {
  const [y, m = 1, d = 1] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m - 1, d, 12));
  if (unit === 'day' || unit === 'week') {
    if (precision !== 'day') return null;
    date.setUTCDate(date.getUTCDate() + steps * (unit === 'week' ? 7 : 1));
    return unit === 'week' ? [iso(date).slice(0, 7), 'month'] : [iso(date), 'day'];
  }
  if (unit === 'month') {
    if (precision === 'year') return null;
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + steps);
    return [iso(date).slice(0, 7), 'month'];
  }
  date.setUTCFullYear(date.getUTCFullYear() + steps);
  return [iso(date).slice(0, 4), 'year'];
}
