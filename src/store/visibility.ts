// Restricted cases exist only for users with a grant. These SQL fragments are the one place that
// rule is written; every read of case data goes through them. `$1` is always the asking user's id.

const USER = '$1::uuid';

/** Always true, yet names $1 so that PostgreSQL can type the parameter every query passes. */
export const ALWAYS_VISIBLE = '($1::uuid IS NULL OR TRUE)';

/** True when the case with id `expr` is restricted and the asking user has no grant to it. */
export const hiddenCase = (expr: string) => `EXISTS (
  SELECT 1 FROM cases hc WHERE hc.id = ${expr} AND hc.confidentiality = 'restricted'
  AND NOT EXISTS (SELECT 1 FROM grants g WHERE g.case_id = hc.id AND g.user_id = ${USER} AND g.revoked_at IS NULL))`;

/** True when any case in the uuid[] `expr` is hidden from the asking user. */
export const hidesAnyCase = (expr: string) => `EXISTS (
  SELECT 1 FROM cases hc WHERE hc.id = ANY(${expr}) AND hc.confidentiality = 'restricted'
  AND NOT EXISTS (SELECT 1 FROM grants g WHERE g.case_id = hc.id AND g.user_id = ${USER} AND g.revoked_at IS NULL))`;

/** True when the person `expr` is the subject of a case hidden from the asking user. */
export const hiddenSubject = (expr: string) => `EXISTS (
  SELECT 1 FROM cases hc WHERE hc.subject_person_id = ${expr} AND hc.confidentiality = 'restricted'
  AND NOT EXISTS (SELECT 1 FROM grants g WHERE g.case_id = hc.id AND g.user_id = ${USER} AND g.revoked_at IS NULL))`;

export type Scope = 'none' | 'self' | 'case' | 'cases' | 'subject' | 'claim';

/** The condition under which row `t` of a table with this scope is visible to the asking user. */
export function visibleSql(scope: Scope, t = 't'): string {
  switch (scope) {
    case 'none':
      return ALWAYS_VISIBLE;
    case 'self':
      return `NOT ${hiddenCase(`${t}.id`)}`;
    case 'case':
      return `NOT ${hiddenCase(`${t}.case_id`)}`;
    case 'cases':
      return `NOT ${hidesAnyCase(`${t}.case_ids`)}`;
    case 'subject':
      return `NOT ${hiddenSubject(`${t}.id`)}`;
    case 'claim':
      return `(${t}.case_id IS NULL OR NOT ${hiddenCase(`${t}.case_id`)}) AND NOT EXISTS (
        SELECT 1 FROM sources hs WHERE hs.id = ${t}.source_id AND ${hidesAnyCase('hs.case_ids')})`;
  }
}
