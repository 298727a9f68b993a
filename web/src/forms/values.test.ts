import { describe, expect, it } from 'vitest';
import { FIELDS, fieldsFor } from './spec.ts';
import { toBody, toFormValues } from './values.ts';

describe('record form values', () => {
  it('sends a new record what was filled in, with the case it belongs to, and leaves empty fields out', () => {
    const fields = FIELDS.detention_period;
    const values = { ...toFormValues(fields), start: ' 2019-08 ', basis: 'pre_trial' };
    expect(toBody('detention_period', fields, values, null, { caseId: 'c1' })).toEqual({ caseId: 'c1', start: '2019-08', basis: 'pre_trial' });
  });

  it('sends an edited record only what changed, and an emptied field as null', () => {
    const fields = FIELDS.detention_period;
    const record = { start: '2019', end: '2023-03', facilityId: 'f1', basis: null, notes: 'moved twice' };
    const initial = toFormValues(fields, record);
    const values = { ...initial, end: '', notes: 'moved twice, last in March' };
    expect(toBody('detention_period', fields, values, initial)).toEqual({ end: null, notes: 'moved twice, last in March' });
    expect(toBody('detention_period', fields, initial, initial)).toEqual({});
  });

  it("keeps an event's attributes as one object, and when the type changes drops those the new type has not", () => {
    const record = { type: 'hearing', date: '2022-05', attributes: { subjectPresent: false, courtDecision: 'adjourned' } };
    const initial = toFormValues(fieldsFor('event', record), record);
    expect(initial.attributes).toEqual({ subjectPresent: 'no', subjectAbsentReason: '', courtDecision: 'adjourned' });
    const present = { ...initial, attributes: { ...(initial.attributes as object), subjectPresent: 'yes' } };
    expect(toBody('event', fieldsFor('event', present), present, initial)).toEqual({ attributes: { subjectPresent: true, courtDecision: 'adjourned' } });
    const verdict = { ...initial, type: 'verdict' };
    expect(toBody('event', fieldsFor('event', verdict), verdict, initial)).toEqual({ type: 'verdict', attributes: { courtDecision: 'adjourned' } });
    const arrest = { ...initial, type: 'arrest' };
    expect(toBody('event', fieldsFor('event', arrest), arrest, initial)).toEqual({ type: 'arrest', attributes: {} });
  });

  it('never empties a field the API cannot hold empty, and keeps what a finding carries beyond the form', () => {
    const conditionFields = FIELDS.health_condition;
    const initial = toFormValues(conditionFields, { name: 'angina', severity: 'severe', specialistCareNeeded: true });
    const cleared = { ...initial, severity: null, specialistCareNeeded: '' };
    expect(toBody('health_condition', conditionFields, cleared, initial)).toEqual({});
    const visitFields = FIELDS.visit;
    const visit = { date: '2022-05-14', findings: [{ description: 'bruises on both arms', documentsInjuries: true, evidenceSourceIds: ['s1'] }] };
    const values = toFormValues(visitFields, visit);
    const more = { ...values, findings: [...(values.findings as object[]), { description: ' no hot water ', documentsInjuries: '', rest: {} }] };
    expect(toBody('visit', visitFields, more, values)).toEqual({
      findings: [{ description: 'bruises on both arms', documentsInjuries: true, evidenceSourceIds: ['s1'] }, { description: 'no hot water' }],
    });
  });
});
