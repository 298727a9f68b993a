import { describe, expect, it } from 'vitest';
import { buildCase, buildCondition, buildDetention, buildEvent, check } from './fixtures.ts';

describe('admission-exam: a medical examination within 24 hours of entering a facility', () => {
  it('is met by an examination on the day of admission', () => {
    const file = buildCase({
      detentionPeriods: [buildDetention('dp-1', '2024-01-10')],
      events: [buildEvent('ev-exam', 'medical_examination', '2024-01-10')],
    });
    expect(check('admission-exam', file).findings[0]).toMatchObject({ status: 'met', recordIds: ['dp-1', 'ev-exam'] });
  });

  it('breaches when the first examination on record came surely later', () => {
    const file = buildCase({
      detentionPeriods: [buildDetention('dp-1', '2024-01-10')],
      events: [buildEvent('ev-exam', 'medical_examination', '2024-02')],
    });
    expect(check('admission-exam', file).findings[0]).toMatchObject({ status: 'breached', since: '2024-01-12' });
  });

  it('cannot decide when no examination is on record at all: admission exams are seldom reported', () => {
    const file = buildCase({ detentionPeriods: [buildDetention('dp-1', '2024-01-10')] });
    const r = check('admission-exam', file);
    expect(r.status).toBe('undetermined');
    expect(r.findings[0]!.explanation).toMatch(/No medical examination is on record/);
  });

  it('cannot decide an examination in the same month as an admission known to the month', () => {
    const file = buildCase({
      detentionPeriods: [buildDetention('dp-1', '2024-01')],
      events: [buildEvent('ev-exam', 'medical_examination', '2024-01-20')],
    });
    expect(check('admission-exam', file).status).toBe('undetermined');
  });

  it('checks each transfer into another facility, but not a transfer to hospital', () => {
    const file = buildCase({
      events: [
        buildEvent('ev-move', 'transfer', '2024-03-01'),
        buildEvent('ev-hosp', 'transfer', '2024-04-01', { toHospital: true }),
        buildEvent('ev-exam', 'medical_examination', '2024-03-01'),
      ],
    });
    expect(check('admission-exam', file).findings.map((f) => f.key)).toEqual(['admission-exam:ev-move']);
  });
});

describe('health-decline: treatment within 7 days of a decline in health', () => {
  it('breaches when no treatment follows and 7 days surely passed', () => {
    const file = buildCase({ events: [buildEvent('ev-worse', 'health_decline', '2024-05-01')] });
    expect(check('health-decline', file, { today: '2024-06-30' }).findings[0]).toMatchObject({
      status: 'breached', severity: 'high', since: '2024-05-09',
    });
  });

  it('is met by a hospital transfer within 7 days', () => {
    const file = buildCase({
      events: [
        buildEvent('ev-worse', 'health_decline', '2024-05-01'),
        buildEvent('ev-hosp', 'transfer', '2024-05-04', { toHospital: true }),
      ],
    });
    expect(check('health-decline', file).status).toBe('met');
  });

  it('cannot decide a decline known only to the year with a treatment that same year', () => {
    const file = buildCase({
      events: [buildEvent('ev-worse', 'health_decline', '2023'), buildEvent('ev-treat', 'medical_treatment', '2023-11')],
    });
    expect(check('health-decline', file).status).toBe('undetermined');
  });

  it('a treatment surely before the decline does not answer it', () => {
    const file = buildCase({
      events: [buildEvent('ev-treat', 'medical_treatment', '2024-01-03'), buildEvent('ev-worse', 'health_decline', '2024-05-01')],
    });
    expect(check('health-decline', file).status).toBe('breached');
  });
});

describe('specialist-transfer: a condition needing a specialist gets one within 14 days', () => {
  it('breaches when nothing follows the onset within 14 days', () => {
    const file = buildCase({ healthConditions: [buildCondition('hc-1', 'heart trouble', '2024-02-01')] });
    expect(check('specialist-transfer', file).findings[0]).toMatchObject({ status: 'breached', since: '2024-02-16' });
  });

  it('is met by leave to travel abroad for treatment within 14 days', () => {
    const file = buildCase({
      healthConditions: [buildCondition('hc-1', 'heart trouble', '2024-02-01')],
      events: [buildEvent('ev-leave', 'travel_permission', '2024-02-10', { purpose: 'medical treatment abroad' })],
    });
    expect(check('specialist-transfer', file).status).toBe('met');
  });

  it('cannot decide an onset known to the year and a treatment in June of it', () => {
    const file = buildCase({
      healthConditions: [buildCondition('hc-1', 'heart trouble', '2024')],
      events: [buildEvent('ev-treat', 'medical_treatment', '2024-06')],
    });
    expect(check('specialist-transfer', file).status).toBe('undetermined');
  });

  it('cannot start the clock when the onset is unknown', () => {
    const file = buildCase({ healthConditions: [buildCondition('hc-1', 'heart trouble', null)] });
    const r = check('specialist-transfer', file);
    expect(r.status).toBe('undetermined');
    expect(r.findings[0]!.explanation).toBe('Heart trouble needs specialist care, but its onset is not on record, so the 14 days cannot be counted.');
  });

  it('does not apply to conditions not needing a specialist', () => {
    const file = buildCase({ healthConditions: [buildCondition('hc-1', 'gastritis', '2024-02-01', false)] });
    expect(check('specialist-transfer', file).status).toBe('not_applicable');
  });
});
