import { describe, expect, it } from 'vitest';
import { buildCase, buildEvent, buildVisit, check } from './fixtures.ts';

describe('ill-treatment-documented: signs of ill-treatment are investigated within 7 days', () => {
  it('breaches for injuries a monitoring visit found, with no investigation', () => {
    const file = buildCase({ visits: [buildVisit('v-1', '2024-04-02', true)] });
    const r = check('ill-treatment-documented', file);
    expect(r.findings[0]).toMatchObject({
      key: 'ill-treatment-documented:v-1', status: 'breached', severity: 'critical', since: '2024-04-10',
    });
  });

  it('is met by an investigation opened within 7 days of the report', () => {
    const file = buildCase({
      events: [buildEvent('ev-abuse', 'mistreatment', '2024-04-02'), buildEvent('ev-inq', 'investigation', '2024-04-05')],
    });
    expect(check('ill-treatment-documented', file).status).toBe('met');
  });

  it('cannot decide when the investigation is dated only to the same month', () => {
    const file = buildCase({
      events: [buildEvent('ev-bruise', 'injury_documented', '2024-04-02'), buildEvent('ev-inq', 'investigation', '2024-04')],
    });
    expect(check('ill-treatment-documented', file).status).toBe('undetermined');
  });

  it('ignores visit findings that document no injury', () => {
    const file = buildCase({ visits: [buildVisit('v-1', '2024-04-02', false)] });
    expect(check('ill-treatment-documented', file).status).toBe('not_applicable');
  });
});

describe('solitary-15-days: solitary confinement no longer than 15 consecutive days', () => {
  it('breaches for 22 days, from the 16th day after it began', () => {
    const file = buildCase({ events: [buildEvent('ev-iso', 'solitary_confinement', '2024-01-01', { days: 22 })] });
    expect(check('solitary-15-days', file).findings[0]).toMatchObject({ status: 'breached', since: '2024-01-17' });
  });

  it('is met for 10 days', () => {
    const file = buildCase({ events: [buildEvent('ev-iso', 'solitary_confinement', '2024-01-01', { days: 10 })] });
    expect(check('solitary-15-days', file).status).toBe('met');
  });

  it('breaches for a recorded period that surely lasted more than 15 days', () => {
    const file = buildCase({ events: [buildEvent('ev-iso', 'solitary_confinement', '2024-01-01/2024-02')] });
    expect(check('solitary-15-days', file).findings[0]!.explanation).toMatch(/at least 31 days/);
  });

  it('cannot decide without a length', () => {
    const file = buildCase({ events: [buildEvent('ev-iso', 'solitary_confinement', '2024-01')] });
    expect(check('solitary-15-days', file).status).toBe('undetermined');
  });
});

describe('trial-in-absence: no hearing while the person is too ill to attend', () => {
  it('breaches for a hearing held without the person because of illness', () => {
    const file = buildCase({
      events: [buildEvent('ev-h', 'hearing', '2024-03-12', { subjectPresent: false, subjectAbsentReason: 'in hospital after a stroke' })],
    });
    expect(check('trial-in-absence', file).findings[0]).toMatchObject({ status: 'breached', since: '2024-03-12' });
  });

  it('breaches for a hearing after the person was recorded as too ill to attend trial', () => {
    const file = buildCase({
      events: [
        buildEvent('ev-worse', 'health_decline', '2024-03', { tooIllToAttendTrial: true }),
        buildEvent('ev-h', 'hearing', '2024-04-02'),
      ],
    });
    expect(check('trial-in-absence', file).findings[0]).toMatchObject({ status: 'breached', recordIds: ['ev-h', 'ev-worse'] });
  });

  it('is met for a hearing before the illness, or one the person attended', () => {
    const file = buildCase({
      events: [
        buildEvent('ev-h1', 'hearing', '2024-01-15'),
        buildEvent('ev-worse', 'health_decline', '2024-03', { tooIllToAttendTrial: true }),
        buildEvent('ev-h2', 'hearing', '2024-04-02', { subjectPresent: true }),
      ],
    });
    expect(check('trial-in-absence', file).findings.map((f) => f.status)).toEqual(['met', 'met']);
  });

  it('cannot decide for an undated hearing while a too-ill record exists', () => {
    const file = buildCase({
      events: [buildEvent('ev-worse', 'health_decline', '2024-03', { tooIllToAttendTrial: true }), buildEvent('ev-h', 'hearing', null)],
    });
    expect(check('trial-in-absence', file).status).toBe('undetermined');
  });

  it('does not read "will" as ill: absence for another reason is undetermined, not a breach', () => {
    const file = buildCase({
      events: [buildEvent('ev-h', 'hearing', '2024-03-12', { subjectPresent: false, subjectAbsentReason: 'refused, of his own will' })],
    });
    expect(check('trial-in-absence', file).status).toBe('undetermined');
  });
});
