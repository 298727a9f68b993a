import { describe, expect, it } from 'vitest';
import { parsePreciseDate } from '../domain/dates.ts';
import { addDays, breachSince, dayNumber, gapDays, judgeGap, timeToAnswer, type Answer } from './time.ts';

const b = (text: string) => parsePreciseDate(text);
const answer = (id: string, text: string | null, linked = false): Answer => ({
  id, label: 'an answer', text, bounds: text === null ? null : b(text), linked,
});

describe('the gap between two records is a range of days', () => {
  it('is exact between two days', () => {
    expect(gapDays(b('2022-03-01'), b('2022-03-15'))).toEqual({ min: 14, max: 14 });
  });
  it('widens with the precision: an arrest in 2019 and a hearing in 2019 may be 0 or 364 days apart', () => {
    expect(gapDays(b('2019'), b('2019'))).toEqual({ min: 0, max: 364 });
  });
  it('has no upper bound when the start is open ("on or before")', () => {
    expect(gapDays(b('../2022-05-14'), b('2023-03'))).toEqual({ min: 291, max: Infinity });
  });
});

describe('an hour limit against dates of day precision', () => {
  const h24 = { hours: 24 };
  it('a same-day answer meets 24 hours', () => expect(judgeGap({ min: 0, max: 0 }, h24)).toBe('met'));
  it('an answer the next day may be 2 or 47 hours later: undetermined', () =>
    expect(judgeGap({ min: 1, max: 1 }, h24)).toBe('undetermined'));
  it('two days or more breaches 24 hours', () => expect(judgeGap({ min: 2, max: 2 }, h24)).toBe('breached'));
  it('72 hours is met by two days later and breached from four', () => {
    expect(judgeGap({ min: 2, max: 2 }, { hours: 72 })).toBe('met');
    expect(judgeGap({ min: 3, max: 3 }, { hours: 72 })).toBe('undetermined');
    expect(judgeGap({ min: 4, max: 4 }, { hours: 72 })).toBe('breached');
  });
  it('a breach of 24 hours surely holds two days after the last possible day of the trigger', () =>
    expect(breachSince('2022-05-14', h24)).toBe('2022-05-16'));
});

describe('a day limit counts calendar days', () => {
  it('the 7th day is within 7 days, the 8th is not', () => {
    expect(judgeGap({ min: 7, max: 7 }, { days: 7 })).toBe('met');
    expect(judgeGap({ min: 8, max: 8 }, { days: 7 })).toBe('breached');
    expect(breachSince('2022-12-28', { days: 7 })).toBe('2023-01-05');
  });
});

describe('time to the first answer', () => {
  const limit = { days: 7 };
  const end = { end: b('2024-06-30') };
  it('an answer that may precede the trigger cannot prove it met', () => {
    // Trigger in March 2022; the answer on 1 March may be before it.
    expect(timeToAnswer(b('2022-03'), [answer('a', '2022-03-01')], limit, end).kind).toBe('unclear');
  });
  it('a linked answer counts even when its date cannot show the order', () => {
    expect(timeToAnswer(b('2022-03-10'), [answer('a', '2022-03-10', true)], limit, 'no-record').kind).toBe('met');
  });
  it('the earliest of several answers decides', () => {
    const o = timeToAnswer(b('2022-03-01'), [answer('late', '2022-05-01'), answer('soon', '2022-03-05')], limit, end);
    expect(o).toMatchObject({ kind: 'met', answer: { id: 'soon' } });
  });
  it('an undated possible answer prevents a breach', () => {
    expect(timeToAnswer(b('2022-03-01'), [answer('a', null)], limit, end).kind).toBe('unclear');
  });
  it('without any answer the clock runs to the end of observation', () => {
    expect(timeToAnswer(b('2024-06-28'), [], limit, end).kind).toBe('pending');
    expect(timeToAnswer(b('2024-06-01'), [], limit, end)).toMatchObject({ kind: 'overdue', gap: { min: 29 } });
    expect(timeToAnswer(b('2024-06-01'), [], limit, 'no-record').kind).toBe('no-record');
  });
});

describe('day arithmetic', () => {
  it('agrees with the calendar across months, leap days and centuries', () => {
    for (const iso of ['1000-01-01', '1900-02-28', '2000-02-29', '2019-12-31', '2024-03-01', '9999-12-30']) {
      const n = Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
      expect(dayNumber(iso)).toBe(n);
      expect(addDays(iso, 1)).toBe(new Date((n + 1) * 86_400_000).toISOString().slice(0, 10));
    }
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
  });
});
