import { describe, expect, it } from 'vitest';
import { breaches, DEFAULT_SETTINGS, evaluateCase, RULES } from './index.ts';
import { buildCareRequest, buildCase, buildDetention, buildEvent, buildVisit, check } from './fixtures.ts';
import type { CaseFile, RuleId } from './types.ts';

const ALL: RuleId[] = [
  'urgent-care', 'care-unanswered', 'care-denied', 'admission-exam', 'health-decline', 'specialist-transfer',
  'own-doctor', 'ill-treatment-documented', 'solitary-15-days', 'judge-48h', 'family-notified', 'incommunicado',
  'trial-in-absence', 'no-monitoring',
];

describe('the engine', () => {
  it('evaluates every rule, in order, with its provisions and a reason', () => {
    const results = evaluateCase(buildCase(), { today: '2024-06-30' });
    expect(results.map((r) => r.ruleId)).toEqual(ALL);
    expect(RULES.map((r) => r.id)).toEqual(ALL);
    for (const r of results) {
      expect(r.provisions.length).toBeGreaterThan(0);
      for (const p of r.provisions) expect(p.summary.length).toBeGreaterThan(40);
      expect(r.why).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('keeps DESIGN.md\'s defaults', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      'urgent-care': { hours: 24 }, 'care-unanswered': { days: 14 }, 'admission-exam': { hours: 24 },
      'health-decline': { days: 7 }, 'specialist-transfer': { days: 14 }, 'ill-treatment-documented': { days: 7 },
      'solitary-15-days': { days: 15 }, 'judge-48h': { hours: 48 }, 'family-notified': { hours: 24 },
      incommunicado: { days: 10 }, 'no-monitoring': { days: 90 },
    });
  });

  it('says a rule does not apply when nothing in the case concerns it', () => {
    const results = evaluateCase(buildCase({ status: 'released' }), { today: '2024-06-30' });
    expect(results.every((r) => r.status === 'not_applicable' && r.findings.length === 0)).toBe(true);
    expect(results.find((r) => r.ruleId === 'judge-48h')!.why).toBe('The case records no arrest.');
  });

  it('a held person with nothing on record cannot be said to be monitored', () => {
    expect(check('no-monitoring', buildCase()).status).toBe('undetermined');
  });

  it('a rule is breached if any finding is, and says how many', () => {
    const file = buildCase({
      careRequests: [
        buildCareRequest('cr-1', '2024-01-01'),
        buildCareRequest('cr-2', '2024-06-29'),
      ],
    });
    const r = check('care-unanswered', file);
    expect(r.status).toBe('breached');
    expect(r.why).toBe('1 of 2 care requests breaches this standard.');
    expect(breaches([r]).map((f) => f.key)).toEqual(['care-unanswered:cr-1']);
  });

  it('a case setting changes a limit; the explanation names it', () => {
    const file = buildCase({ events: [buildEvent('ev-arrest', 'arrest', '2024-02-01'), buildEvent('ev-h', 'hearing', '2024-02-06')] });
    expect(check('judge-48h', file).status).toBe('breached');
    const r = check('judge-48h', file, { settings: { 'judge-48h': { days: 7 } } });
    expect(r.status).toBe('met');
    expect(r.findings[0]!.explanation).toContain('within 7 days');
  });

  it('refuses a malformed setting or day rather than guessing', () => {
    expect(() => evaluateCase(buildCase(), { today: '2024-06-30', settings: { 'urgent-care': { hours: -1 } } })).toThrow(/urgent-care/);
    expect(() => evaluateCase(buildCase(), { today: '2024-06-30', settings: { 'no-such-rule': { days: 1 } } as never })).toThrow();
    expect(() => evaluateCase(buildCase(), { today: '2024-06' })).toThrow(/YYYY-MM-DD/);
  });

  it('reads an unreadable date as unknown, never as a breach', () => {
    const file = buildCase({ events: [buildEvent('ev-worse', 'health_decline', 'spring 2024')] });
    expect(check('health-decline', file).status).toBe('undetermined');
  });

  it('each rule can also be called alone', () => {
    const file = buildCase({ events: [buildEvent('ev-no', 'medical_denied', '2024-02-01')] });
    const rule = RULES.find((r) => r.id === 'care-denied')!;
    expect(rule.evaluate(file, { today: '2024-06-30' })[0]!.status).toBe('breached');
  });

  it('runs all rules over 10,000 cases in well under 5 seconds', () => {
    const files: CaseFile[] = [];
    for (let i = 0; i < 10_000; i++) {
      const y = 2015 + (i % 9);
      files.push(buildCase({
        caseId: `case-${i}`,
        status: i % 3 === 0 ? 'released' : 'detained',
        detentionPeriods: [buildDetention(`dp-${i}`, `${y}-0${1 + (i % 9)}`, i % 3 === 0 ? `${y + 1}` : null)],
        events: [
          buildEvent(`a-${i}`, 'arrest', `${y}-0${1 + (i % 9)}-1${i % 10}`),
          buildEvent(`h-${i}`, 'hearing', `${y}-0${1 + (i % 9)}`, { subjectPresent: false, subjectAbsentReason: 'ill' }),
          buildEvent(`d-${i}`, 'health_decline', `../${y + 1}-05-14`, { tooIllToAttendTrial: true }),
          buildEvent(`t-${i}`, 'medical_treatment', `${y + 1}`),
          buildEvent(`x-${i}`, 'transfer', `${y}/${y + 1}`, { toHospital: i % 2 === 0 }),
          buildEvent(`m-${i}`, 'mistreatment', `${y}-11`),
          buildEvent(`l-${i}`, 'lawyer_contact', `${y}-12-01`),
          buildEvent(`s-${i}`, 'solitary_confinement', `${y}-03-01/${y}-04`),
        ],
        careRequests: [
          buildCareRequest(`cr-${i}`, `${y}-06-0${1 + (i % 9)}`, { urgency: 'urgent', status: 'unanswered' }),
          buildCareRequest(`cq-${i}`, `${y}`, { status: 'fulfilled', answeredByEventIds: [`t-${i}`], ownDoctor: true }),
        ],
        visits: [buildVisit(`v-${i}`, `${y + 1}-02-02`, true)],
      }));
    }
    // A short warm-up, as a long-running server has had: the figure is the steady cost of a run.
    for (const file of files.slice(0, 2_000)) evaluateCase(file, { today: '2026-11-23' });
    const started = performance.now();
    let count = 0;
    for (const file of files) count += breaches(evaluateCase(file, { today: '2026-11-23' })).length;
    const elapsed = performance.now() - started;
    expect(count).toBeGreaterThan(10_000);
    expect(elapsed).toBeLessThan(5_000);
  });
});
