// `habeas alerts [--case ID]`: the open alerts, most severe first, as a table a monitor can read.
import { listAlerts, type AlertOut } from '../store/alerts.ts';
import type { Queryable } from '../store/db.ts';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];

export async function alertsTable(q: Queryable, userId: string, options: { caseId?: string; all?: boolean }): Promise<string> {
  const alerts: AlertOut[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAlerts(q, userId, { caseId: options.caseId, status: options.all ? 'all' : 'open' }, { cursor, limit: 200 });
    alerts.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  if (alerts.length === 0) return options.caseId ? 'No open alerts for this case.\n' : 'No open alerts.\n';
  const names = new Map((await q.query<{ id: string; name: string }>(
    'SELECT c.id, p.canonical_name AS name FROM cases c JOIN persons p ON p.id = c.subject_person_id WHERE c.id = ANY($1::uuid[])',
    [[...new Set(alerts.map((a) => a.caseId))]],
  )).map((r) => [r.id, r.name]));
  alerts.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.openedAt.localeCompare(a.openedAt));
  const rows = alerts.map((a) => [
    a.severity.toUpperCase(), a.ruleId, names.get(a.caseId) ?? a.caseId, a.since ?? '—', a.status === 'open' ? (a.acknowledgedAt ? 'acknowledged' : 'open') : 'closed', a.explanation,
  ]);
  const header = ['SEVERITY', 'RULE', 'PERSON', 'SINCE', 'STATUS', 'WHY'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 5 ? 0 : r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 5 ? c : c.padEnd(widths[i]!))).join('  ');
  const counts = SEVERITY_ORDER.map((s) => [s, alerts.filter((a) => a.severity === s).length] as const).filter(([, n]) => n > 0);
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${alerts.length} alert${alerts.length === 1 ? '' : 's'}: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}\n`;
}
