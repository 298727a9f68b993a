import { describe, expect, it } from 'vitest';
import { buildCase, buildDetention, buildEvent, buildVisit, check } from './fixtures.ts';

describe('judge-48h: before a judge within 48 hours of arrest', () => {
  it('is met by a hearing the next day', () => {
    const file = buildCase({ events: [buildEvent('ev-arrest', 'arrest', '2024-02-01'), buildEvent('ev-h', 'hearing', '2024-02-02')] });
    expect(check('judge-48h', file).status).toBe('met');
  });

  it('breaches when the first hearing came five days later', () => {
    const file = buildCase({ events: [buildEvent('ev-arrest', 'arrest', '2024-02-01'), buildEvent('ev-h', 'hearing', '2024-02-06')] });
    expect(check('judge-48h', file).findings[0]).toMatchObject({ status: 'breached', since: '2024-02-04', recordIds: ['ev-arrest', 'ev-h'] });
  });

  it('raises no false alarm for an arrest "in 2019" and a hearing "in 2019"', () => {
    const file = buildCase({ events: [buildEvent('ev-arrest', 'arrest', '2019'), buildEvent('ev-h', 'hearing', '2019')] });
    const r = check('judge-48h', file);
    expect(r.status).toBe('undetermined');
    expect(r.findings[0]!.explanation).toMatch(/^The dates do not allow a decision/);
  });

  it('cannot decide when no hearing is on record', () => {
    const file = buildCase({ events: [buildEvent('ev-arrest', 'arrest', '2024-02-01')] });
    expect(check('judge-48h', file).status).toBe('undetermined');
  });
});

describe('family-notified: the family is told of a transfer within 24 hours', () => {
  it('breaches when the family was not notified of a move to hospital', () => {
    const file = buildCase({ events: [buildEvent('ev-t', 'transfer', '2024-05-01', { toHospital: true, familyNotified: false })] });
    const f = check('family-notified', file).findings[0]!;
    expect(f).toMatchObject({ status: 'breached', since: '2024-05-03' });
    expect(f.explanation).toBe('The family was not notified of the transfer to hospital dated 1 May 2024.');
  });

  it('is met by a family contact the same day', () => {
    const file = buildCase({ events: [buildEvent('ev-t', 'transfer', '2024-05-01'), buildEvent('ev-fc', 'family_contact', '2024-05-01')] });
    expect(check('family-notified', file).status).toBe('met');
  });

  it('cannot decide when nothing says whether the family was told', () => {
    const file = buildCase({ events: [buildEvent('ev-t', 'transfer', '2024-05')] });
    expect(check('family-notified', file).status).toBe('undetermined');
  });
});

describe('incommunicado: a lawyer or family within 10 days of custody', () => {
  it('breaches when the first contact came surely more than 10 days after arrest', () => {
    const file = buildCase({
      events: [buildEvent('ev-arrest', 'arrest', '2024-02-01'), buildEvent('ev-law', 'lawyer_contact', '2024-03')],
    });
    expect(check('incommunicado', file).findings[0]).toMatchObject({ status: 'breached', severity: 'critical', since: '2024-02-12' });
  });

  it('is met by a lawyer within a week', () => {
    const file = buildCase({
      events: [buildEvent('ev-arrest', 'arrest', '2024-02-01'), buildEvent('ev-law', 'lawyer_contact', '2024-02-05')],
    });
    expect(check('incommunicado', file).status).toBe('met');
  });

  it('cannot decide an arrest known to the month and a lawyer on the 20th', () => {
    const file = buildCase({
      events: [buildEvent('ev-arrest', 'arrest', '2024-02'), buildEvent('ev-law', 'lawyer_contact', '2024-02-20')],
    });
    expect(check('incommunicado', file).status).toBe('undetermined');
  });

  it('cannot decide when no contact is on record at all', () => {
    const file = buildCase({ detentionPeriods: [buildDetention('dp-1', '2024-02-01')] });
    const r = check('incommunicado', file);
    expect(r.status).toBe('undetermined');
    expect(r.findings[0]!.explanation).toMatch(/^No contact with a lawyer or family is on record/);
  });

  it('counts the detention that follows an arrest once, and a later detention on its own', () => {
    const file = buildCase({
      detentionPeriods: [buildDetention('dp-1', '2024-02-02', '2024-03-01'), buildDetention('dp-2', '2024-09-15')],
      events: [buildEvent('ev-arrest', 'arrest', '2024-02-01')],
    });
    expect(check('incommunicado', file, { today: '2024-12-01' }).findings.map((f) => f.key)).toEqual([
      'incommunicado:ev-arrest', 'incommunicado:dp-2',
    ]);
  });
});

describe('no-monitoring: a monitoring visit at least every 90 days while held', () => {
  const TODAY = '2024-06-30';
  it('breaches when the last visit was surely more than 90 days ago', () => {
    const file = buildCase({ detentionPeriods: [buildDetention('dp-1', '2023-01-10')], visits: [buildVisit('v-1', '2024-02-15')] });
    const f = check('no-monitoring', file, { today: TODAY }).findings[0]!;
    expect(f).toMatchObject({ status: 'breached', since: '2024-05-16' });
    expect(f.explanation).toMatch(/15 February 2024/);
  });

  it('breaches when no visit came since detention began surely more than 90 days ago', () => {
    const file = buildCase({ detentionPeriods: [buildDetention('dp-1', '2023-01-10')], visits: [buildVisit('v-old', '2022-05-01')] });
    expect(check('no-monitoring', file, { today: TODAY }).findings[0]).toMatchObject({ status: 'breached', since: '2023-04-11' });
  });

  it('is met by a visit event last month', () => {
    const file = buildCase({ detentionPeriods: [buildDetention('dp-1', '2023-01-10')], events: [buildEvent('ev-v', 'visit', '2024-05-20')] });
    expect(check('no-monitoring', file, { today: TODAY }).status).toBe('met');
  });

  it('cannot decide a visit known only to the year', () => {
    const file = buildCase({ detentionPeriods: [buildDetention('dp-1', '2023-01-10')], visits: [buildVisit('v-1', '2024')] });
    expect(check('no-monitoring', file, { today: TODAY }).status).toBe('undetermined');
  });

  it('does not apply once the person is no longer held', () => {
    const file = buildCase({ status: 'released', detentionPeriods: [buildDetention('dp-1', '2023-01-10', '2023-06')] });
    expect(check('no-monitoring', file, { today: TODAY }).status).toBe('not_applicable');
  });
});
