import { describe, it, expect } from 'vitest';
import {
  DateParseError,
  compareDates,
  compareForSort,
  dateFromDb,
  daysBetween,
  formatDayRange,
  formatPreciseDate,
  fromParts,
  isValidPreciseDate,
  parsePreciseDate,
  sortKey,
  todayUtc,
  totalDays,
  tryParsePreciseDate,
  waitingDays,
} from './dates.ts';

const d = parsePreciseDate;

describe('single dates keep their precision', () => {
  it('"2019" is the whole year, shown as 2019, never as a day', () => {
    const y = d('2019');
    expect(y).toEqual({
      text: '2019',
      precision: 'year',
      approximate: false,
      earliest: '2019-01-01',
      latest: '2019-12-31',
      isRange: false,
    });
    expect(formatPreciseDate(y)).toBe('2019');
  });

  it('"2023-03" is March 2023', () => {
    const m = d('2023-03');
    expect([m.precision, m.earliest, m.latest]).toEqual(['month', '2023-03-01', '2023-03-31']);
    expect(formatPreciseDate(m)).toBe('March 2023');
  });

  it('"2022-05-14" is one day, shown as 14 May 2022', () => {
    const day = d('2022-05-14');
    expect([day.precision, day.earliest, day.latest]).toEqual(['day', '2022-05-14', '2022-05-14']);
    expect(formatPreciseDate(day)).toBe('14 May 2022');
  });

  it('approximate dates say "about" and keep the stated bounds', () => {
    const a = d('2019~');
    expect(a.approximate).toBe(true);
    expect([a.earliest, a.latest]).toEqual(['2019-01-01', '2019-12-31']);
    expect(formatPreciseDate(a)).toBe('about 2019');
    expect(formatPreciseDate(d('2022-03~'))).toBe('about March 2022');
  });

  it('surrounding whitespace is ignored and the canonical text kept', () => {
    expect(d('  2022-03-31 ').text).toBe('2022-03-31');
    expect(d(' 2011 / 2017 ').text).toBe('2011/2017');
  });
});

describe('leap years', () => {
  it('February 2024 ends on the 29th, February 2023 on the 28th', () => {
    expect(d('2024-02').latest).toBe('2024-02-29');
    expect(d('2023-02').latest).toBe('2023-02-28');
  });

  it('29 February exists only in leap years (1900 no, 2000 yes)', () => {
    expect(isValidPreciseDate('2024-02-29')).toBe(true);
    expect(isValidPreciseDate('2000-02-29')).toBe(true);
    expect(isValidPreciseDate('1900-02-29')).toBe(false);
    expect(isValidPreciseDate('2023-02-29')).toBe(false);
  });
});

describe('rejection with a clear message', () => {
  it('an impossible day is rejected, naming the date', () => {
    expect(() => d('2023-02-30')).toThrow(DateParseError);
    expect(() => d('2023-02-30')).toThrow(/"2023-02-30".*February 2023 has 28 days/);
  });

  it('month 13 is rejected', () => {
    expect(() => d('2022-13')).toThrow(/"2022-13".*no month 13/);
    expect(isValidPreciseDate('2022-00')).toBe(false);
  });

  it('years outside 1000–9999 are rejected', () => {
    expect(() => d('0999')).toThrow(/outside 1000–9999/);
    expect(() => d('10000')).toThrow(/outside 1000–9999/);
  });

  it('an interval whose end is before its start is rejected', () => {
    expect(() => d('2017/2011')).toThrow(/end \(2011\) is before the start \(2017\)/);
    expect(() => d('2022-05-14/2022-05-01')).toThrow(DateParseError);
  });

  it('empty and blank strings are rejected', () => {
    expect(() => d('')).toThrow(/empty/);
    expect(() => d('   ')).toThrow(/empty/);
  });

  it('other notations are rejected with the accepted forms', () => {
    for (const bad of ['2019-3', '14 May 2022', '2019-01-01T10:00', '2019/', '../..', '1/2/3', 'x']) {
      expect(isValidPreciseDate(bad), bad).toBe(false);
    }
    expect(() => d('May 2022')).toThrow(/2022-03-31/);
  });

  it('tryParsePreciseDate returns the message instead of throwing', () => {
    expect(tryParsePreciseDate('2019')).toEqual({ ok: true, value: d('2019') });
    const bad = tryParsePreciseDate('2023-02-30');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('2023-02-30');
  });
});

describe('ranges', () => {
  it('"2011/2017" spans both whole years and shows as 2011–2017', () => {
    const r = d('2011/2017');
    expect([r.isRange, r.precision, r.earliest, r.latest]).toEqual([
      true,
      'year',
      '2011-01-01',
      '2017-12-31',
    ]);
    expect(formatPreciseDate(r)).toBe('2011–2017');
  });

  it('a mixed range takes the coarser precision', () => {
    const r = d('2022-03/2022-05-14');
    expect([r.precision, r.earliest, r.latest]).toEqual(['month', '2022-03-01', '2022-05-14']);
  });

  it('a range inside one year names the year once', () => {
    expect(formatPreciseDate(d('2022-03/2022-05-14'))).toBe('March – 14 May 2022');
    expect(formatPreciseDate(d('2022-03/2022-05'))).toBe('March – May 2022');
    expect(formatPreciseDate(d('2022-05-03/2022-05-14'))).toBe('3–14 May 2022');
  });

  it('a range across years names both years', () => {
    expect(formatPreciseDate(d('2021-11-14/2022-03'))).toBe('14 November 2021 – March 2022');
    expect(formatPreciseDate(d('2019/2022-03'))).toBe('2019 – March 2022');
  });

  it('an approximate side is marked on that side', () => {
    const r = d('2011~/2017');
    expect(r.approximate).toBe(true);
    expect(formatPreciseDate(r)).toBe('about 2011 – 2017');
  });

  it('an end inside the start period is allowed ("2019/2019-08")', () => {
    expect(isValidPreciseDate('2019/2019-08')).toBe(true);
    expect(isValidPreciseDate('2019/2019')).toBe(true);
  });
});

describe('open-ended dates', () => {
  it('"../2023-03" is before March 2023: no earliest day', () => {
    const r = d('../2023-03');
    expect([r.isRange, r.precision, r.earliest, r.latest]).toEqual([
      true,
      'month',
      null,
      '2023-03-31',
    ]);
    expect(formatPreciseDate(r)).toBe('before March 2023');
  });

  it('"2023-03/.." is after March 2023: no latest day', () => {
    const r = d('2023-03/..');
    expect([r.earliest, r.latest]).toEqual(['2023-03-01', null]);
    expect(formatPreciseDate(r)).toBe('after March 2023');
  });
});

describe('fromParts', () => {
  it('builds dates at the precision of the parts given', () => {
    expect(fromParts(2019).text).toBe('2019');
    expect(fromParts(2022, 3).text).toBe('2022-03');
    expect(fromParts(2022, 5, 4)).toEqual(d('2022-05-04'));
  });

  it('rejects impossible parts', () => {
    expect(() => fromParts(2023, 2, 30)).toThrow(DateParseError);
    expect(() => fromParts(2022, undefined, 5)).toThrow(/needs a month/);
    expect(() => fromParts(2022.5)).toThrow(DateParseError);
  });
});

describe('compareDates', () => {
  it('two events "in 2019" cannot be ordered', () => {
    expect(compareDates(d('2019'), d('2019'))).toBe('overlaps');
  });

  it('May 2019 is before 2020, and 2020 after May 2019', () => {
    expect(compareDates(d('2019-05'), d('2020'))).toBe('before');
    expect(compareDates(d('2020'), d('2019-05'))).toBe('after');
  });

  it('a day inside a month cannot be ordered against that month', () => {
    expect(compareDates(d('2019-08-08'), d('2019-08'))).toBe('overlaps');
  });

  it('only the same exact day is "same"', () => {
    expect(compareDates(d('2022-05-14'), d('2022-05-14'))).toBe('same');
    expect(compareDates(d('2022-05'), d('2022-05'))).toBe('overlaps');
    expect(compareDates(d('2022-05-14~'), d('2022-05-14'))).toBe('overlaps');
  });

  it('adjacent days are ordered', () => {
    expect(compareDates(d('2022-05-14'), d('2022-05-15'))).toBe('before');
  });

  it('open-ended dates order only on their known side', () => {
    expect(compareDates(d('../2023-03'), d('2023-04'))).toBe('before');
    expect(compareDates(d('../2023-03'), d('2020'))).toBe('overlaps');
    expect(compareDates(d('2023-03/..'), d('2023-02-28'))).toBe('after');
  });
});

describe('sorting', () => {
  it('sorts by earliest day, then latest: "2019" before "2019-08-08"; "before 2019" at the end of 2019', () => {
    const texts = ['2020', '2019-08-08', '2019-08', '../2019', '2019', '2018/..'];
    const sorted = texts.map(d).sort(compareForSort).map((x) => x.text);
    expect(sorted).toEqual(['2018/..', '2019', '2019-08', '2019-08-08', '../2019', '2020']);
  });

  it('an open start sorts at its known end; an open end gets a sentinel', () => {
    expect(sortKey(d('../2023-03'))).toEqual(['2023-03-31', '2023-03-31']);
    expect(sortKey(d('2023-03/..'))).toEqual(['2023-03-01', '9999-12-31']);
  });
});

describe('daysBetween', () => {
  it('two exact days give an exact count', () => {
    expect(daysBetween(d('2022-05-01'), d('2022-05-14'), '2025-01-01')).toEqual({ min: 13, max: 13 });
  });

  it('August 2019 to 14 May 2022 is a range', () => {
    const r = daysBetween(d('2019-08'), d('2022-05-14'), '2025-01-01');
    // latest start 2019-08-31 / earliest start 2019-08-01 to 2022-05-14
    expect(r).toEqual({ min: 987, max: 1017 });
  });

  it('counts across a leap day', () => {
    expect(daysBetween(d('2024-02-28'), d('2024-03-01'), '2025-01-01')).toEqual({ min: 2, max: 2 });
    expect(daysBetween(d('2023-02-28'), d('2023-03-01'), '2025-01-01')).toEqual({ min: 1, max: 1 });
  });

  it('"today" counts up to the given day', () => {
    expect(daysBetween(d('2024-12-25'), 'today', '2025-01-01')).toEqual({ min: 7, max: 7 });
    expect(() => daysBetween(d('2024'), 'today', '2025-01')).toThrow(DateParseError);
  });

  it('overlapping dates clamp the minimum at 0', () => {
    expect(daysBetween(d('2019'), d('2019'), '2025-01-01')).toEqual({ min: 0, max: 364 });
  });

  it('an open side that makes the span unbounded gives null', () => {
    expect(daysBetween(d('../2019'), d('2020'), '2025-01-01')).toBeNull();
    expect(daysBetween(d('2019'), d('2020/..'), '2025-01-01')).toBeNull();
  });

  it('an open side that only shortens the span gives a minimum of 0', () => {
    expect(daysBetween(d('2019-01-01'), d('../2019-01-11'), '2025-01-01')).toEqual({
      min: 0,
      max: 10,
    });
  });

  it('totalDays sums minimums and maximums', () => {
    expect(totalDays([{ min: 10, max: 20 }, { min: 5, max: 5 }])).toEqual({ min: 15, max: 25 });
    expect(totalDays([])).toEqual({ min: 0, max: 0 });
  });
});

describe('formatDayRange', () => {
  it('an exact count with thousands separators', () => {
    expect(formatDayRange({ min: 1024, max: 1024 })).toBe('1,024 days');
    expect(formatDayRange({ min: 1, max: 1 })).toBe('1 day');
  });

  it('an uncertain count says between', () => {
    expect(formatDayRange({ min: 300, max: 365 })).toBe('between 300 and 365 days');
  });

  it('a lower bound says at least', () => {
    expect(formatDayRange({ min: 1024, max: 2000 }, { lowerBound: true })).toBe('at least 1,024 days');
  });
});

describe('store and clock', () => {
  it('dateFromDb round-trips canonical text and passes null through', () => {
    for (const text of ['2019', '2022-03-31', '2011/2017', '../2023-03', '2023-03/..', '2019~']) {
      expect(dateFromDb(text)?.text).toBe(text);
    }
    expect(dateFromDb(null)).toBeNull();
  });

  it('todayUtc uses the UTC calendar day', () => {
    expect(todayUtc(new Date('2024-02-29T23:30:00-05:00'))).toBe('2024-03-01');
    expect(todayUtc()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('waitingDays', () => {
  it('counts from a day, a month, or the last day of a "before" date, to a date or to today', () => {
    expect(waitingDays('2022-05-14', '2022-06-01', '2026-01-01')).toEqual({ range: { min: 18, max: 18 }, lowerBound: false });
    expect(waitingDays('2022-05', '2022-06-01', '2026-01-01')).toEqual({ range: { min: 1, max: 31 }, lowerBound: false });
    expect(waitingDays('../2022-05-14', '2023-03', '2026-01-01')).toEqual({ range: { min: 291, max: 321 }, lowerBound: true });
    expect(waitingDays('2025-12-30', null, '2026-01-01')).toEqual({ range: { min: 2, max: 2 }, lowerBound: false });
    expect(waitingDays('not a date', null, '2026-01-01')).toBeNull();
  });
});
