// The scoring rules of the development set, on small documents written for these tests.
import { describe, expect, it } from 'vitest';
import { type Extraction, type Gold, normalizeSpelling, pool, scoreDocument } from './score.ts';

const span = (text: string) => ({ text, start: 0, end: text.length });
const person = (name: string, ...mentions: string[]) => ({ name, role: 'detainee', mentions: mentions.map(span) });
const entity = (name: string, ...mentions: string[]) => ({ name, kind: 'other', mentions: mentions.map(span) });
const event = (type: string, subject: string | null, date: string | null = null) => ({
  type, subject, date, precision: date === null ? 'unknown' : ['year', 'month', 'day'][date.split('-').length - 1]!,
  evidence: span('…'), confidence: 0.5,
});
const extraction = (parts: Partial<Extraction>): Extraction => ({ persons: [], organizations: [], places: [], events: [], ...parts });

const gold = (parts: Partial<Gold>): Gold => ({ published: null, persons: [], organizations: [], places: [], events: [], ...parts });
const goldPerson = (name: string, ...mentions: string[]) => ({ name, mentions, role: 'detainee' });
const goldEntity = (name: string, ...mentions: string[]) => ({ name, mentions, kind: 'other' });
const goldEvent = (type: string, subject: string, date: string | null = null): Gold['events'][number] => ({
  type, subject, date, date_precision: date === null ? 'unknown' : (['year', 'month', 'day'] as const)[date.split('-').length - 1]!,
  evidence: 'quote',
});

describe('spelling normalisation', () => {
  it('folds accents, case, punctuation, Cyrillic and a leading article', () => {
    expect(normalizeSpelling('  Jeanine  Áñez ')).toBe('jeanine anez');
    expect(normalizeSpelling('Kara-Murza')).toBe('kara murza');
    expect(normalizeSpelling('Кара-Мурза')).toBe('kara murza');
    expect(normalizeSpelling('Ольга')).toBe('olga');
    expect(normalizeSpelling('The Supreme Court')).toBe('supreme court');
    expect(normalizeSpelling('An Tribunal')).toBe('tribunal');
    expect(normalizeSpelling('Theatre Square')).toBe('theatre square');
  });
});

describe('entities', () => {
  it('matches a person found only by a surname mention', () => {
    const s = scoreDocument(
      extraction({ persons: [person('Ivanova', 'Ivanova')] }),
      gold({ persons: [goldPerson('Maria Ivanova', 'Maria Ivanova', 'Ivanova')] }),
    );
    expect(s.counts.persons).toEqual({ tp: 1, extracted: 1, gold: 1 });
  });

  it('matches a Cyrillic spelling with the Latin one', () => {
    const s = scoreDocument(
      extraction({ persons: [person('Пётр Сидоров', 'Пётр Сидоров')] }),
      gold({ persons: [goldPerson('Petr Sidorov', 'Petr Sidorov')] }),
    );
    expect(s.metrics.persons.f1).toBe(1);
  });

  it('ignores a leading "the" in organisations', () => {
    const s = scoreDocument(
      extraction({ organizations: [entity('The Prison Service', 'the Prison Service')] }),
      gold({ organizations: [goldEntity('Prison Service', 'Prison Service')] }),
    );
    expect(s.counts.organizations.tp).toBe(1);
  });

  it('matches each gold entity at most once, and lists the extra as a false positive', () => {
    const s = scoreDocument(
      extraction({ places: [entity('Northgate Prison', 'Northgate'), entity('Northgate', 'Northgate')] }),
      gold({ places: [goldEntity('Northgate Prison', 'Northgate Prison', 'Northgate')] }),
    );
    expect(s.counts.places).toEqual({ tp: 1, extracted: 2, gold: 1 });
    expect(s.metrics.places.precision).toBe(0.5);
    expect(s.falsePositives.places).toEqual(['Northgate']);
  });

  it('finds the best assignment when one extraction could take either of two gold people', () => {
    // "Okafor" alone could be either; the full name can only be Ada: both must match.
    const s = scoreDocument(
      extraction({ persons: [person('Okafor', 'Okafor'), person('Ada Okafor', 'Ada Okafor')] }),
      gold({ persons: [goldPerson('Ada Okafor', 'Ada Okafor', 'Okafor'), goldPerson('Ben Okafor', 'Ben Okafor', 'Okafor')] }),
    );
    expect(s.counts.persons.tp).toBe(2);
    expect(s.misses.persons).toEqual([]);
  });

  it('lists misses by gold name', () => {
    const s = scoreDocument(extraction({}), gold({ places: [goldEntity('Lakeside', 'Lakeside')] }));
    expect(s.misses.places).toEqual(['Lakeside']);
    expect(s.metrics.places).toMatchObject({ precision: null, recall: 0, f1: 0 });
  });
});

describe('events', () => {
  const goldDoc = gold({
    persons: [goldPerson('Maria Ivanova', 'Maria Ivanova', 'Ivanova'), goldPerson('Tomas Berg', 'Tomas Berg')],
    events: [goldEvent('arrest', 'Maria Ivanova', '2021-03-04'), goldEvent('transfer', 'Maria Ivanova')],
  });

  it('resolves the subject through the extracted person\'s mentions', () => {
    // The extractor calls her "Ivanova" (its person's name); her gold name is the full one.
    const s = scoreDocument(
      extraction({ persons: [person('Ivanova', 'Ivanova')], events: [event('arrest', 'Ivanova', '2021-03-04')] }),
      goldDoc,
    );
    expect(s.counts.events).toEqual({ tp: 1, extracted: 1, gold: 2 });
    expect(s.misses.events.map((e) => e.type)).toEqual(['transfer']);
  });

  it('needs the same type and the same person', () => {
    const s = scoreDocument(
      extraction({
        persons: [person('Maria Ivanova', 'Maria Ivanova'), person('Tomas Berg', 'Tomas Berg')],
        events: [event('detention', 'Maria Ivanova'), event('transfer', 'Tomas Berg'), event('transfer', 'Nobody')],
      }),
      goldDoc,
    );
    expect(s.counts.events.tp).toBe(0);
    expect(s.falsePositives.events).toHaveLength(3);
  });

  it('matches each gold event once, preferring the one whose date agrees', () => {
    const g = gold({
      persons: [goldPerson('Maria Ivanova', 'Maria Ivanova')],
      events: [goldEvent('hearing', 'Maria Ivanova', '2021-05-01'), goldEvent('hearing', 'Maria Ivanova', '2021-06-10')],
    });
    const s = scoreDocument(
      extraction({
        persons: [person('Maria Ivanova', 'Maria Ivanova')],
        events: [event('hearing', 'Maria Ivanova', '2021-06-10'), event('hearing', 'Maria Ivanova', '2021-06-10'),
          event('hearing', 'Maria Ivanova', '2021-06-10')],
      }),
      g,
    );
    expect(s.counts.events).toEqual({ tp: 2, extracted: 3, gold: 2 });
    // One of the two matched events agrees (10 June); the other was paired with 1 May.
    expect(s.counts.eventDates).toEqual({ tp: 1, extracted: 2, gold: 2 });
    expect(s.dateMismatches).toEqual([expect.objectContaining({ gold: '2021-05-01', extracted: '2021-06-10' })]);
    expect(s.eventTypes.hearing).toEqual({ tp: 2, extracted: 3, gold: 2 });
  });

  it('judges dates at the gold precision', () => {
    const g = gold({
      persons: [goldPerson('Maria Ivanova', 'Maria Ivanova')],
      events: [goldEvent('arrest', 'Maria Ivanova', '2019'), goldEvent('sentence', 'Maria Ivanova', '2019-06-02'),
        goldEvent('release', 'Maria Ivanova', '2019-06-02'), goldEvent('charge', 'Maria Ivanova', '2019-06'),
        goldEvent('transfer', 'Maria Ivanova')],
    });
    const s = scoreDocument(
      extraction({
        persons: [person('Maria Ivanova', 'Maria Ivanova')],
        events: [event('arrest', 'Maria Ivanova', '2019-06-02'), event('sentence', 'Maria Ivanova', '2019'),
          event('release', 'Maria Ivanova', '2019-06-03'), event('charge', 'Maria Ivanova', '2019-06-30'),
          event('transfer', 'Maria Ivanova', '2020')],
      }),
      g,
    );
    expect(s.counts.events.tp).toBe(5);
    // The undated gold transfer is not counted; arrest and charge agree, sentence and release do not.
    expect(s.counts.eventDates).toEqual({ tp: 2, extracted: 4, gold: 4 });
    expect(s.metrics.eventDates.recall).toBe(0.5);
  });
});

describe('pooling', () => {
  it('sums counts over documents rather than averaging ratios', () => {
    const a = scoreDocument(
      extraction({ persons: [person('Ada Okafor', 'Ada Okafor')] }),
      gold({ persons: [goldPerson('Ada Okafor', 'Ada Okafor')] }),
    );
    const b = scoreDocument(
      extraction({ persons: [person('X', 'X'), person('Y', 'Y'), person('Z', 'Z')] }),
      gold({ persons: [goldPerson('Q', 'Q')], events: [goldEvent('arrest', 'Q')] }),
    );
    const p = pool([a, b]);
    expect(p.documents).toBe(2);
    expect(p.metrics.persons).toMatchObject({ tp: 1, extracted: 4, gold: 2, precision: 0.25, recall: 0.5 });
    expect(p.metrics.persons.f1).toBeCloseTo(1 / 3);
    expect(p.metrics.events).toMatchObject({ tp: 0, extracted: 0, gold: 1, precision: null, recall: 0 });
    expect(p.eventTypes.arrest).toMatchObject({ tp: 0, extracted: 0, gold: 1 });
  });
});
