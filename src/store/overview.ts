// The overview: counts over every case the asking user may see, computed by the store so that the
// web app never has to load the cases to count them. Restricted cases without a grant are neither
// listed nor counted (visibility.ts).
import { todayUtc } from '../domain/dates.ts';
import { listAlerts, type AlertOut } from './alerts.ts';
import type { Queryable } from './db.ts';
import { listRecords } from './records.ts';
import { visibleSql } from './visibility.ts';

type Rec = Record<string, unknown>;

export interface Count {
  key: string | null;
  count: number;
}

export interface HeldMonth {
  /** 'YYYY-MM' */
  month: string;
  /** People whose detention surely included a day of this month. */
  surely: number;
  /** People whose detention may have included a day of this month, as far as the dates allow. */
  possibly: number;
}

export interface Overview {
  heldNow: number;
  totalCases: number;
  byStatus: Count[];
  byCountry: Count[];
  openAlerts: { total: number; bySeverity: Count[] };
  longestHeld: Rec[];
  latestUpdates: Rec[];
  newestAlerts: Array<AlertOut & { caseName: string | null }>;
  heldOverTime: { rule: string; months: HeldMonth[] };
}

/** How far back "people held over time" reaches at most, in months (ten years, this one included). */
export const HELD_MONTHS = 120;

export const HELD_RULE =
  'A person counts as surely held in a month when one of their detention periods surely covers a day of it: its latest ' +
  'possible start is on or before the month’s last day and its earliest possible end (today while it lasts) on or after ' +
  'the month’s first day. "Possibly" counts by the earliest possible start and the latest possible end instead; a side ' +
  'left open ("before 2020", "after 2021") reaches as far as the chart does. Each person counts once per month, however ' +
  'many cases or periods they have.';

const CASES = (alias = 'c') => `SELECT ${alias}.id, ${alias}.status, ${alias}.country, ${alias}.subject_person_id
  FROM cases ${alias} WHERE ${alias}.retracted_at IS NULL AND ${visibleSql('self', alias)}`;

async function counts(db: Queryable, userId: string) {
  const [row] = await db.query<{ total: number; by_status: Count[] | null; by_country: Count[] | null; alerts: Count[] | null }>(
    `WITH visible AS (${CASES()})
     SELECT (SELECT count(*) FROM visible)::int AS total,
       (SELECT json_agg(json_build_object('key', s.status, 'count', s.n) ORDER BY s.n DESC, s.status)
        FROM (SELECT status, count(*)::int AS n FROM visible GROUP BY status) s) AS by_status,
       (SELECT json_agg(json_build_object('key', s.country, 'count', s.n) ORDER BY s.n DESC, s.country NULLS LAST)
        FROM (SELECT country, count(*)::int AS n FROM visible GROUP BY country) s) AS by_country,
       (SELECT json_agg(json_build_object('key', s.severity, 'count', s.n) ORDER BY s.n DESC)
        FROM (SELECT a.severity, count(*)::int AS n FROM alerts a JOIN visible v ON v.id = a.case_id
              WHERE a.closed_at IS NULL GROUP BY a.severity) s) AS alerts`,
    [userId],
  );
  return row!;
}

/**
 * People held per month, from the month of the earliest possible start of any visible detention
 * period (at most HELD_MONTHS back) to this month; see HELD_RULE. One query: each period is
 * spread over the months it may cover, then each person counted once per month.
 */
export async function heldOverTime(db: Queryable, userId: string, today = todayUtc()): Promise<HeldMonth[]> {
  const rows = await db.query<{ month: string; surely: number; possibly: number }>(
    `WITH periods AS (
       SELECT c.subject_person_id AS person,
              coalesce(d.start_earliest, d.start_latest) AS first_day,
              d.start_earliest, d.start_latest,
              CASE WHEN d."end" IS NULL THEN $2::date ELSE d.end_earliest END AS end_surely,
              CASE WHEN d."end" IS NULL THEN $2::date ELSE coalesce(d.end_latest, $2::date) END AS end_possibly
       FROM detention_periods d JOIN (${CASES()}) c ON c.id = d.case_id
       WHERE d.retracted_at IS NULL
     ), bounds AS (
       -- greatest() would skip a null: with no periods at all there is no chart.
       SELECT CASE WHEN min(first_day) IS NOT NULL THEN greatest(date_trunc('month', min(first_day)),
                       date_trunc('month', $2::date) - make_interval(months => $3::int - 1))::date END AS first_month
       FROM periods
     ), spread AS (
       -- Every month each period may cover, within the chart: whether it surely covers a day of it.
       SELECT p.person, m::date AS month,
              bool_or(p.start_latest IS NOT NULL AND p.end_surely IS NOT NULL
                      AND p.start_latest <= (m + interval '1 month' - interval '1 day')::date
                      AND p.end_surely >= m::date) AS surely
       FROM periods p, bounds b,
            generate_series(greatest(date_trunc('month', coalesce(p.start_earliest, b.first_month)), b.first_month),
                            least(date_trunc('month', p.end_possibly), date_trunc('month', $2::date)),
                            interval '1 month') m
       GROUP BY p.person, m
     )
     SELECT to_char(m, 'YYYY-MM') AS month,
            count(s.person) FILTER (WHERE s.surely)::int AS surely,
            count(s.person)::int AS possibly
     FROM bounds b, generate_series(b.first_month, date_trunc('month', $2::date), interval '1 month') m
     LEFT JOIN spread s ON s.month = m::date
     WHERE b.first_month IS NOT NULL
     GROUP BY m ORDER BY m`,
    [userId, today, HELD_MONTHS],
  );
  return rows.map((r) => ({ month: r.month, surely: Number(r.surely), possibly: Number(r.possibly) }));
}

/** Everything the overview shows, in one round of queries (run side by side on a server store). */
export async function overview(
  db: Queryable,
  userId: string,
  enrich: (cases: Rec[]) => Promise<void>,
): Promise<Overview> {
  const actor = { userId };
  const [c, months, longest, latest, alerts] = await Promise.all([
    counts(db, userId),
    heldOverTime(db, userId),
    listRecords(db, actor, 'case', { filters: { sort: 'daysHeld' }, limit: 5 }),
    listRecords(db, actor, 'case', { filters: { sort: 'updated' }, limit: 5 }),
    listAlerts(db, userId, { status: 'open' }, { limit: 5 }),
  ]);
  const caseIds = [...new Set(alerts.items.map((a) => a.caseId))];
  const [names] = await Promise.all([
    caseIds.length
      ? db.query<{ id: string; name: string }>(
          `SELECT c.id, p.canonical_name AS name FROM cases c JOIN persons p ON p.id = c.subject_person_id
           WHERE c.id = ANY($1::uuid[])`,
          [caseIds],
        )
      : Promise.resolve([]),
    enrich([...longest.items, ...latest.items]),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const byStatus = c.by_status ?? [];
  const bySeverity = c.alerts ?? [];
  return {
    heldNow: byStatus.find((s) => s.key === 'detained')?.count ?? 0,
    totalCases: Number(c.total),
    byStatus,
    byCountry: c.by_country ?? [],
    openAlerts: { total: bySeverity.reduce((sum, s) => sum + s.count, 0), bySeverity },
    // Unknown lengths sort last; the overview lists only lengths it can state.
    longestHeld: longest.items.filter((x) => (x.daysInDetention as { days: unknown } | undefined)?.days),
    latestUpdates: latest.items,
    newestAlerts: alerts.items.map((a) => ({ ...a, caseName: nameOf.get(a.caseId) ?? null })),
    heldOverTime: { rule: HELD_RULE, months },
  };
}
