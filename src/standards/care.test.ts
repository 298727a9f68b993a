import { describe, expect, it } from 'vitest';
import { buildCareRequest, buildCase, buildEvent, check } from './fixtures.ts';

const TODAY = '2024-06-30';

describe('urgent-care: an urgent request is met with care within 24 hours', () => {
  it('breaches when an urgent request went unanswered, since the day the 24 hours surely ran out', () => {
    const file = buildCase({
      careRequests: [buildCareRequest('cr-1', '2024-03-01', { urgency: 'urgent', status: 'unanswered' })],
    });
    const r = check('urgent-care', file, { today: TODAY });
    expect(r.status).toBe('breached');
    expect(r.findings[0]).toMatchObject({
      key: 'urgent-care:cr-1', severity: 'critical', since: '2024-03-03', recordIds: ['cr-1'],
    });
    expect(r.findings[0]!.explanation).toContain('1 March 2024');
    expect(r.findings[0]!.explanation).toContain('today (30 June 2024)');
  });

  it('is met by a treatment the same day', () => {
    const file = buildCase({
      events: [buildEvent('ev-treat', 'medical_treatment', '2024-03-01')],
      careRequests: [buildCareRequest('cr-1', '2024-03-01', { urgency: 'urgent', status: 'fulfilled', answeredByEventIds: ['ev-treat'] })],
    });
    const r = check('urgent-care', file);
    expect(r.status).toBe('met');
    expect(r.findings[0]).toMatchObject({ status: 'met', since: null, recordIds: ['cr-1', 'ev-treat'] });
  });

  it('cannot decide when the request is known only to the month', () => {
    const file = buildCase({
      events: [buildEvent('ev-treat', 'medical_treatment', '2024-03-20')],
      careRequests: [buildCareRequest('cr-1', '2024-03', { urgency: 'urgent', status: 'fulfilled', answeredByEventIds: ['ev-treat'] })],
    });
    expect(check('urgent-care', file).status).toBe('undetermined');
  });

  it('cannot decide a request marked fulfilled with no dated care on record', () => {
    const file = buildCase({
      careRequests: [buildCareRequest('cr-1', '2024-03-01', { urgency: 'urgent', status: 'fulfilled' })],
    });
    const r = check('urgent-care', file);
    expect(r.status).toBe('undetermined');
    expect(r.findings[0]!.explanation).toMatch(/marked fulfilled/);
  });

  it('a treatment the next day cannot be decided against 24 hours, but meets a case setting of 72 hours', () => {
    const file = buildCase({
      events: [buildEvent('ev-treat', 'medical_treatment', '2024-03-02')],
      careRequests: [buildCareRequest('cr-1', '2024-03-01', { urgency: 'urgent', status: 'fulfilled', answeredByEventIds: ['ev-treat'] })],
    });
    expect(check('urgent-care', file).status).toBe('undetermined');
    const r = check('urgent-care', file, { settings: { 'urgent-care': { hours: 72 } } });
    expect(r.status).toBe('met');
    expect(r.findings[0]!.explanation).toContain('72 hours');
  });

  it('a denied urgent request breaches, but only once 24 hours have surely passed', () => {
    const file = buildCase({
      careRequests: [buildCareRequest('cr-1', '2024-06-30', { urgency: 'urgent', status: 'denied' })],
    });
    expect(check('urgent-care', file, { today: '2024-06-30' }).status).toBe('undetermined');
    expect(check('urgent-care', file, { today: '2024-07-02' }).status).toBe('breached');
  });

  it('is not about routine requests', () => {
    const file = buildCase({ careRequests: [buildCareRequest('cr-1', '2024-03-01', { status: 'unanswered' })] });
    const r = check('urgent-care', file);
    expect(r.status).toBe('not_applicable');
    expect(r.why).toBe('The case has no urgent care request.');
  });

  it('stops the clock at release: a request made two days before release is not a 291-day breach', () => {
    const file = buildCase({
      status: 'released',
      events: [buildEvent('ev-release', 'release', '2023-03-05')],
      careRequests: [buildCareRequest('cr-1', '2023-03-04', { urgency: 'urgent', status: 'unanswered' })],
    });
    const r = check('urgent-care', file, { today: '2024-01-01' });
    expect(r.status).toBe('undetermined');
    expect(r.findings[0]!.explanation).toContain('end of custody (5 March 2023)');
  });
});

describe('care-unanswered: every request for care gets an answer within 14 days', () => {
  it('breaches when an open request has waited surely more than 14 days', () => {
    const file = buildCase({ careRequests: [buildCareRequest('cr-1', '2024-05-01')] });
    const f = check('care-unanswered', file, { today: TODAY }).findings[0]!;
    expect(f).toMatchObject({ status: 'breached', severity: 'high', since: '2024-05-16' });
  });

  it('is met by any dated answer within 14 days, even a refusal (refusals are another rule)', () => {
    const file = buildCase({
      events: [buildEvent('ev-no', 'medical_denied', '2024-05-10')],
      careRequests: [buildCareRequest('cr-1', '2024-05-01', { status: 'denied', answeredByEventIds: ['ev-no'] })],
    });
    expect(check('care-unanswered', file).status).toBe('met');
  });

  it('breaches when the first answer came surely later than 14 days', () => {
    const file = buildCase({
      events: [buildEvent('ev-treat', 'medical_treatment', '2024-06')],
      careRequests: [buildCareRequest('cr-1', '2024-04-10', { status: 'fulfilled', answeredByEventIds: ['ev-treat'] })],
    });
    expect(check('care-unanswered', file).findings[0]).toMatchObject({ status: 'breached', since: '2024-04-25' });
  });

  it('cannot decide a request known to the month answered on the 20th', () => {
    const file = buildCase({
      events: [buildEvent('ev-treat', 'medical_treatment', '2024-04-20')],
      careRequests: [buildCareRequest('cr-1', '2024-04', { status: 'fulfilled', answeredByEventIds: ['ev-treat'] })],
    });
    expect(check('care-unanswered', file).status).toBe('undetermined');
  });

  it('cannot decide when the answer is on record without a date', () => {
    const file = buildCase({
      events: [buildEvent('ev-treat', 'medical_treatment', null)],
      careRequests: [buildCareRequest('cr-1', '2024-04-10', { status: 'fulfilled', answeredByEventIds: ['ev-treat'] })],
    });
    const r = check('care-unanswered', file);
    expect(r.status).toBe('undetermined');
    expect(r.findings[0]!.explanation).toMatch(/unknown date/);
  });

  it('is still pending, not breached, within the 14 days', () => {
    const file = buildCase({ careRequests: [buildCareRequest('cr-1', '2024-06-25')] });
    expect(check('care-unanswered', file, { today: TODAY }).status).toBe('undetermined');
  });
});

describe('care-denied: care is not refused, clinical decisions not overruled', () => {
  it('a recorded refusal breaches from its last possible day', () => {
    const file = buildCase({ events: [buildEvent('ev-no', 'medical_denied', '2024-02')] });
    const f = check('care-denied', file).findings[0]!;
    expect(f).toMatchObject({ key: 'care-denied:ev-no', status: 'breached', since: '2024-02-29' });
  });

  it('names a non-medical authority overruling a clinical decision', () => {
    const file = buildCase({
      events: [buildEvent('ev-no', 'medical_denied', '2024-02-10', { deniedByNonMedicalAuthority: true })],
    });
    expect(check('care-denied', file).findings[0]!.explanation).toMatch(/non-medical authority overruled a clinical decision/);
  });

  it('a denied request and the refusal that answers it are one finding', () => {
    const file = buildCase({
      events: [buildEvent('ev-no', 'medical_denied', '2024-02-10')],
      careRequests: [buildCareRequest('cr-1', '2024-02-01', { status: 'denied', answeredByEventIds: ['ev-no'] })],
    });
    const r = check('care-denied', file);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ key: 'care-denied:cr-1', recordIds: ['cr-1', 'ev-no'], since: '2024-02-10' });
  });

  it('an undated refusal breaches with no known since', () => {
    const file = buildCase({ events: [buildEvent('ev-no', 'medical_denied', null)] });
    expect(check('care-denied', file).findings[0]).toMatchObject({ status: 'breached', since: null });
  });

  it('is met when there are care records and none is a refusal', () => {
    const file = buildCase({
      events: [buildEvent('ev-treat', 'medical_treatment', '2024-02-10')],
      careRequests: [buildCareRequest('cr-1', '2024-02-01', { status: 'fulfilled', answeredByEventIds: ['ev-treat'] })],
    });
    expect(check('care-denied', file).status).toBe('met');
  });

  it('does not apply to a case with no medical record', () => {
    expect(check('care-denied', buildCase()).status).toBe('not_applicable');
  });
});

describe('own-doctor: a request to see one’s own doctor is not refused', () => {
  const request = (status: 'denied' | 'granted' | 'open') =>
    buildCase({ careRequests: [buildCareRequest('cr-1', '2024-02-01', { ownDoctor: true, status })] });
  it('breaches when refused', () => expect(check('own-doctor', request('denied')).status).toBe('breached'));
  it('is met when granted', () => expect(check('own-doctor', request('granted')).status).toBe('met'));
  it('cannot decide while no decision is on record', () => expect(check('own-doctor', request('open')).status).toBe('undetermined'));
});
