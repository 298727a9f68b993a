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
  byTag: Count[];
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

const CASES = (alias = 'c') => `SELECT ${alias}.id, ${alias}.status, ${alias}.country, ${alias}.tags, ${alias}.subject_person_id
  FROM cases ${alias} WHERE ${alias}.retracted_at IS NULL AND ${visibleSql('self', alias)}`;

async function counts(db: Queryable, userId: string) {
  const [row] = await db.query<{ total: number; by_status: Count[] | null; by_country: Count[] | null; by_tag: Count[] | null; alerts: Count[] | null }>(
    `WITH visible AS (${CASES()})
     SELECT (SELECT count(*) FROM visible)::int AS total,
       (SELECT json_agg(json_build_object('key', s.status, 'count', s.n) ORDER BY s.n DESC, s.status)
        FROM (SELECT status, count(*)::int AS n FROM visible GROUP BY status) s) AS by_status,
       (SELECT json_agg(json_build_object('key', s.country, 'count', s.n) ORDER BY s.n DESC, s.country NULLS LAST)
        FROM (SELECT country, count(*)::int AS n FROM visible GROUP BY country) s) AS by_country,
       -- The hundred commonest tags: what the cases table offers to filter by.
       (SELECT json_agg(json_build_object('key', s.tag, 'count', s.n) ORDER BY s.n DESC, s.tag)
        FROM (SELECT tag, count(*)::int AS n FROM visible, unnest(visible.tags) AS tag GROUP BY tag ORDER BY n DESC, tag LIMIT 100) s) AS by_tag,
       (SELECT json_agg(json_build_object('key', s.severity, 'count', s.n) ORDER BY s.n DESC)
        FROM (SELECT a.severity, count(*)::int AS n FROM alerts a JOIN visible v ON v.id = a.case_id
              WHERE a.closed_at IS NULL GROUP BY a.severity) s) AS alerts`,
    [userId],
  );
  return row!;
}

/**
 * People held per month, from the month of the earliest possible start of any visible detention
 * period (at most HELD_MONTHS back) to this month; see HELD_RULE. In month terms a period surely
 * covers the months from that of its latest possible start to that of its earliest possible end,
 * and possibly those from its earliest possible start to its latest possible end. One query: a
 * person with one period (nearly everyone) adds +1 where their months begin and −1 after they end,
 * summed month by month; a person with several periods is spread over their months and counted
 * once per month, so that overlapping periods or cases never count them twice.
 */
export async function heldOverTime(db: Queryable, userId: string, today = todayUtc()): Promise<HeldMonth[]> {
  const rows = await db.query<{ month: string; surely: number; possibly: number }>(
    `WITH periods AS (
       SELECT c.subject_person_id AS person,
              date_trunc('month', coalesce(d.start_earliest, d.start_latest))::date AS first_month,
              date_trunc('month', d.start_earliest)::date AS p_from,
              date_trunc('month', CASE WHEN d."end" IS NULL THEN $2::date ELSE coalesce(d.end_latest, $2::date) END)::date AS p_to,
              date_trunc('month', d.start_latest)::date AS s_from,
              date_trunc('month', CASE WHEN d."end" IS NULL THEN $2::date ELSE d.end_earliest END)::date AS s_to
       FROM detention_periods d JOIN (${CASES()}) c ON c.id = d.case_id
       WHERE d.retracted_at IS NULL
     ), bounds AS (
       -- greatest() would skip a null: with no periods at all there is no chart.
       SELECT CASE WHEN min(first_month) IS NOT NULL THEN greatest(min(first_month),
                (date_trunc('month', $2::date) - make_interval(months => $3::int - 1))::date) END AS lo,
              date_trunc('month', $2::date)::date AS hi
       FROM periods
     ), clipped AS (
       -- A side left open reaches to the edge of the chart; nothing reaches past this month.
       SELECT p.person, greatest(coalesce(p.p_from, b.lo), b.lo) AS p_from, least(p.p_to, b.hi) AS p_to,
              greatest(p.s_from, b.lo) AS s_from, least(p.s_to, b.hi) AS s_to,
              count(*) OVER (PARTITION BY p.person) AS periods
       FROM periods p, bounds b WHERE b.lo IS NOT NULL
     ), deltas AS (
       SELECT m, sum(dp)::int AS dp, sum(ds)::int AS ds FROM (
         SELECT p_from AS m, 1 AS dp, 0 AS ds FROM clipped WHERE periods = 1 AND p_from <= p_to
         UNION ALL SELECT (p_to + interval '1 month')::date, -1, 0 FROM clipped WHERE periods = 1 AND p_from <= p_to
         UNION ALL SELECT s_from, 0, 1 FROM clipped WHERE periods = 1 AND s_from <= s_to
         UNION ALL SELECT (s_to + interval '1 month')::date, 0, -1 FROM clipped WHERE periods = 1 AND s_from <= s_to
       ) d GROUP BY m
     ), several AS (
       SELECT m, count(*) FILTER (WHERE surely)::int AS s, count(*)::int AS p FROM (
         SELECT c.person, m::date AS m, bool_or(c.s_from <= m AND m <= c.s_to) AS surely
         FROM clipped c, generate_series(c.p_from, c.p_to, interval '1 month') m
         WHERE c.periods > 1 GROUP BY c.person, m
       ) x GROUP BY m
     ), months AS (
       SELECT m::date AS m FROM bounds b, generate_series(b.lo, b.hi, interval '1 month') m WHERE b.lo IS NOT NULL
     )
     SELECT to_char(months.m, 'YYYY-MM') AS month,
            (sum(coalesce(d.ds, 0)) OVER w + coalesce(s.s, 0))::int AS surely,
            (sum(coalesce(d.dp, 0)) OVER w + coalesce(s.p, 0))::int AS possibly
     FROM months LEFT JOIN deltas d ON d.m = months.m LEFT JOIN several s ON s.m = months.m
     WINDOW w AS (ORDER BY months.m)
     ORDER BY months.m`,
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
    byTag: c.by_tag ?? [],
    openAlerts: { total: bySeverity.reduce((sum, s) => sum + s.count, 0), bySeverity },
    // Unknown lengths sort last; the overview lists only lengths it can state.
    longestHeld: longest.items.filter((x) => (x.daysInDetention as { days: unknown } | undefined)?.days),
    latestUpdates: latest.items,
    newestAlerts: alerts.items.map((a) => ({ ...a, caseName: nameOf.get(a.caseId) ?? null })),
    heldOverTime: { rule: HELD_RULE, months },
  };
}
