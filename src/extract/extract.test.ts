import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates } from './dates.ts';
import { extract } from './index.ts';
import type { Extraction, Span } from './types.ts';

// A short report written for these tests (fictional people).
const REPORT = `ALMATY — Kazakh blogger Nurlan Seitkali was arrested on 3 February 2024 and charged with spreading false information.
His lawyer, Aigerim Bekova, said on Tuesday that Seitkali had been denied medical care at the Almaty pre-trial detention centre.
Seitkali, who suffers from diabetes, began a hunger strike last month. The Committee for Fair Trials (CFT) called on the authorities to release him.
Judge Marat Omarov adjourned the hearing until March 2024. He spent more than six months in custody in 2019.`;

const PUBLISHED = '2024-02-22'; // a Thursday

function spansOf(result: Extraction): Span[] {
  return [
    ...result.persons.flatMap((p) => p.mentions),
    ...result.organizations.flatMap((o) => o.mentions),
    ...result.places.flatMap((p) => p.mentions),
    ...result.events.map((e) => e.evidence),
  ];
}

describe('extract', () => {
  const result = extract(REPORT, { published: PUBLISHED });
  const person = (name: string) => result.persons.find((p) => p.name === name);

  it('finds the people, joins a surname to the full name, and reads their roles', () => {
    expect(person('Nurlan Seitkali')?.role).toBe('detainee');
    expect(person('Nurlan Seitkali')?.mentions.map((m) => m.text)).toContain('Seitkali');
    expect(person('Aigerim Bekova')?.role).toBe('lawyer');
    expect(person('Marat Omarov')?.role).toBe('judge');
    expect(result.persons.map((p) => p.name)).not.toContain('Kazakh');
  });

  it('finds a facility named with a lower-case head noun, and the dateline city', () => {
    const places = result.places.map((p) => [p.name, p.kind]);
    expect(places).toContainEqual(['Almaty pre-trial detention centre', 'facility']);
    expect(places).toContainEqual(['ALMATY', 'city']);
  });

  it('joins an acronym to the name it was defined for', () => {
    const committee = result.organizations.find((o) => o.name === 'Committee for Fair Trials');
    expect(committee?.mentions.map((m) => m.text)).toEqual(['Committee for Fair Trials', 'CFT']);
  });

  it('reads events with their subject and the date of their sentence', () => {
    const events = result.events.map((e) => [e.type, e.subject, e.date]);
    expect(events).toContainEqual(['arrest', 'Nurlan Seitkali', '2024-02-03']);
    expect(events).toContainEqual(['charge', 'Nurlan Seitkali', '2024-02-03']);
    expect(events).toContainEqual(['medical_denied', 'Nurlan Seitkali', '2024-02-20']);
    expect(events).toContainEqual(['hunger_strike', 'Nurlan Seitkali', '2024-01']);
    expect(events).toContainEqual(['hearing', 'Nurlan Seitkali', '2024-03']);
    expect(events).toContainEqual(['public_appeal', 'Nurlan Seitkali', null]);
  });

  it('returns spans that lie inside the text and quote it exactly', () => {
    for (const span of spansOf(result)) expect(REPORT.slice(span.start, span.end)).toBe(span.text);
  });

  it('never throws and keeps every span inside the text, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.option(fc.constant(PUBLISHED)), (text, published) => {
        const out = extract(text, { published });
        for (const span of spansOf(out)) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(span.start, span.end)).toBe(span.text);
        }
      }),
      { numRuns: 200 },
    );
  });
});

// Who is held, told the ways news texts tell it (fictional people).
const CUSTODY = `Former president Arturo Velasco Ruiz, 74, was taken back to prison on Monday. The UN Special Rapporteur, Ingrid Solberg, renewed her call on the authorities to release him.
The jailed unionists include Tomas Varga, Petra Lind and Ahmed Farouk. They were arrested in March after a strike at the Port Authority on March 3, 2024.
Dilnoza “Dina” Karimova, a blogger held since January 26, began a hunger strike. Dina stopped eating after her lawyer was refused a visit.`;

describe('extract: who is held', () => {
  const result = extract(CUSTODY, { published: '2024-05-14' });
  const role = (name: string) => result.persons.find((p) => p.name === name)?.role;
  const events = result.events.map((e) => [e.type, e.subject, e.date]);

  it('makes a detainee of the person custody words are attached to, not of others in the sentence', () => {
    expect(role('Arturo Velasco Ruiz')).toBe('detainee'); // a former president, but taken back to prison
    expect(role('Ingrid Solberg')).not.toBe('detainee');
    for (const name of ['Tomas Varga', 'Petra Lind', 'Ahmed Farouk']) expect(role(name)).toBe('detainee');
  });

  it('knows a person by a nickname in quotes, and a body named just before a date', () => {
    const dina = result.persons.find((p) => p.name === 'Dilnoza Karimova');
    expect(dina?.mentions.map((m) => m.text)).toEqual(['Dilnoza “Dina” Karimova', 'Dina']);
    expect(result.organizations.map((o) => o.name)).toContain('Port Authority');
  });

  it('gives a group sentence to every detainee of the group, and reads a day of a month', () => {
    for (const name of ['Tomas Varga', 'Petra Lind', 'Ahmed Farouk']) expect(events).toContainEqual(['arrest', name, '2024-03']);
    expect(events).toContainEqual(['detention', 'Dilnoza Karimova', '2024-01-26']);
    expect(events).toContainEqual(['transfer', 'Arturo Velasco Ruiz', '2024-05-13']);
  });
});

describe('extract: names as texts write them', () => {
  const names = (text: string) => {
    const out = extract(text);
    return { persons: out.persons.map((p) => [p.name, p.role]), organizations: out.organizations.map((o) => o.name), places: out.places.map((p) => p.name) };
  };

  it('takes the person out of titles and the body they serve', () => {
    expect(names('Police Lieutenant Colonel Somchai Rattana denied it.').persons).toEqual([['Somchai Rattana', 'official']]);
    expect(names('Prosecutor Lindiwe Dube of the National Prosecuting Authority objected.')).toMatchObject({
      persons: [['Lindiwe Dube', 'official']], organizations: ['National Prosecuting Authority'],
    });
    expect(names('The Chair of the Working Group on Arbitrary Detention wrote.').organizations).toEqual(['Working Group on Arbitrary Detention']);
  });

  it('splits a possessor from what it owns, and keeps a possessive inside a name', () => {
    expect(names('He is held in Rwanda’s Mageragere Prison.').places).toEqual(['Rwanda', 'Mageragere Prison']);
    expect(names('The Prosecutor General’s Office appealed.').organizations).toEqual(['Prosecutor General’s Office']);
    expect(names('She is in the Central Women’s Correctional Institution.').places).toEqual(['Central Women’s Correctional Institution']);
  });

  it('knows one country by several names, places with articles, and regions by their name', () => {
    expect(names('He flew to Britain, then the UK, then the United Kingdom.').places).toEqual(['Britain']);
    expect(names('He was moved to Los Teques in the Afar region.').places).toEqual(['Los Teques', 'Afar']);
  });

  it('reads groups named without a head noun from what surrounds them', () => {
    expect(names('His party, Pastef, said he was ill.').organizations).toEqual(['Pastef']);
    expect(names('She led the Thalu Wang protest group.').organizations).toEqual(['Thalu Wang']);
  });
});

describe('findDates', () => {
  const value = (text: string, published: string | null = PUBLISHED) =>
    findDates(text, published).map((d) => [d.text, d.value, d.precision]);

  it('keeps the precision the text gives', () => {
    expect(value('arrested on 14 May 2022')).toEqual([['on 14 May 2022', '2022-05-14', 'day']]);
    expect(value('in March 2023 he was moved')).toEqual([['March 2023', '2023-03', 'month']]);
    expect(value('detained in 2019.')).toEqual([['2019', '2019', 'year']]);
  });

  it('resolves relative dates against the publication day, never after it', () => {
    expect(value('on Tuesday')[0]?.[1]).toBe('2024-02-20');
    expect(value('last month')[0]?.[1]).toBe('2024-01');
    expect(value('in October')[0]?.[1]).toBe('2023-10');
  });

  it('leaves relative dates unknown when the publication day is unknown', () => {
    expect(value('on Tuesday', null)).toEqual([['on Tuesday', null, 'unknown']]);
  });

  it('reads "January 26" and "Oct. 22" as days, and "last week" at the month it tells', () => {
    expect(value('since January 26,')).toEqual([['January 26', '2024-01-26', 'day']]);
    expect(value('since Oct. 22 to protest')).toEqual([['Oct. 22', '2023-10-22', 'day']]);
    expect(value('concluded last week')).toEqual([['last week', '2024-02', 'month']]);
  });

  it('tells dates from the date given last: "two days later", "the same evening", "later that year"', () => {
    const text = 'He was detained on 3 August 2023 and flown to Almaty two days later. He stopped eating the same evening. Later that year he was charged.';
    expect(value(text).slice(1)).toEqual([['two days later', '2023-08-05', 'day'], ['the same evening', '2023-08-05', 'day'], ['Later that year', '2023', 'year']]);
  });

  it('reads a weekday with a full date as absolute, and a time or a duration as no date', () => {
    expect(value('On Tuesday 20 January 2009 they met.', null)).toEqual([['On Tuesday 20 January 2009', '2009-01-20', 'day']]);
    expect(value('in prison for more than two years, pronounced dead at 11:22 am')).toEqual([]);
  });

  it('does not take durations or the verb "may" for dates', () => {
    expect(value('he was held for 553 days')).toEqual([]);
    expect(value('the court may decide')).toEqual([]);
  });
});
