// Restricted cases exist only for users with a grant. These SQL fragments are the one place that
// rule is written; every read of case data goes through them. `$1` is always the asking user's id.

const USER = '$1::uuid';

/** Always true, yet names $1 so that PostgreSQL can type the parameter every query passes. */
export const ALWAYS_VISIBLE = '($1::uuid IS NULL OR TRUE)';

const NO_GRANT = (c: string) =>
  `${c}.confidentiality = 'restricted' AND NOT EXISTS (
    SELECT 1 FROM grants g WHERE g.case_id = ${c}.id AND g.user_id = ${USER} AND g.revoked_at IS NULL)`;

/** True when the case with id `expr` is restricted and the asking user has no grant to it. */
export const hiddenCase = (expr: string) => `EXISTS (SELECT 1 FROM cases hc WHERE hc.id = ${expr} AND ${NO_GRANT('hc')})`;

/** True when any case in the uuid[] `expr` is hidden from the asking user. */
export const hidesAnyCase = (expr: string) =>
  `EXISTS (SELECT 1 FROM cases hc WHERE hc.id = ANY(${expr}) AND ${NO_GRANT('hc')})`;

/**
 * True when the person `expr` is known only through cases hidden from the asking user: the
 * subject of a restricted case stays visible through any case about them that the user may see.
 */
export const hiddenSubject = (expr: string) => `(
  EXISTS (SELECT 1 FROM cases hc WHERE hc.subject_person_id = ${expr} AND ${NO_GRANT('hc')})
  AND NOT EXISTS (SELECT 1 FROM cases vc WHERE vc.subject_person_id = ${expr} AND NOT (${NO_GRANT('vc')})))`;

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
      // A claim is as hidden as the record it is about and the source it quotes.
      return `(${t}.case_id IS NULL OR NOT ${hiddenCase(`${t}.case_id`)})
        AND NOT (${t}.record_type = 'person' AND ${hiddenSubject(`${t}.record_id`)})
        AND NOT EXISTS (SELECT 1 FROM visits hv WHERE ${t}.record_type = 'visit' AND hv.id = ${t}.record_id
                        AND ${hidesAnyCase('hv.case_ids')})
        AND NOT EXISTS (SELECT 1 FROM sources hs WHERE hs.id = ${t}.source_id
                        AND (hs.retracted_at IS NOT NULL OR ${hidesAnyCase('hs.case_ids')}))`;
  }
}
