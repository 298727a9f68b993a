// Alerts, the compliance report and the limits the rules use. An alert opens when a rule is
// breached and closes by itself when the records no longer show it; monitors acknowledge it
// with a comment. Limits are per deployment (admins) and per case (editors of the case).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayUtc } from '../../domain/dates.ts';
import { id } from '../../domain/entities.ts';
import { DEFAULT_SETTINGS, RULES } from '../../standards/index.ts';
import { acknowledgeAlert, getAlert, listAlerts, type AlertFilters } from '../../store/alerts.ts';
import { appendAudit } from '../../store/audit.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { complianceOf, isRuleId, loadSettings, reevaluateCases } from '../../store/standards.ts';
import { visibleSql } from '../../store/visibility.ts';
import { requireRole } from '../auth.ts';
import { notFound } from '../errors.ts';
import { listQueryBase, problems } from './records.ts';

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
const ruleIds = RULES.map((r) => r.id) as [string, ...string[]];

const alert = z.object({
  id,
  caseId: id,
  ruleId: z.string(),
  findingKey: z.string(),
  severity: z.enum(SEVERITIES),
  explanation: z.string(),
  evidence: z.array(id).meta({ description: 'The records the finding rests on' }),
  since: z.string().nullable().meta({ description: 'The day from which the breach surely holds, when the dates tell it' }),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  acknowledgedBy: id.nullable(),
  acknowledgedAt: z.string().nullable(),
}).meta({ id: 'Alert' });
const alertWithNotes = alert.extend({
  notes: z.array(z.object({ id, userId: id, username: z.string(), comment: z.string(), createdAt: z.string() })),
}).meta({ id: 'AlertWithNotes' });
const alertPage = z.object({ items: z.array(alert), next: z.string().nullable() });

const filters = {
  status: z.enum(['open', 'closed', 'all']).default('open'),
  severity: z.enum(SEVERITIES).optional(),
  ruleId: z.enum(ruleIds).optional(),
  acknowledged: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
};

const limit = z.object({ amount: z.int().min(1).max(100_000), unit: z.enum(['hours', 'days']) }).meta({ id: 'RuleLimit' });
// A rule without a waiting time (a refusal breaches at once) has a limit of 0 days.
const limitOut = z.object({ amount: z.int().min(0), unit: z.enum(['hours', 'days']) });
const provision = z.object({ citation: z.string(), summary: z.string() });
const ruleResult = z.object({
  ruleId: z.string(),
  title: z.string(),
  provisions: z.array(provision),
  status: z.enum(['breached', 'met', 'undetermined', 'not_applicable']),
  why: z.string(),
  findings: z.array(z.object({
    key: z.string(), status: z.enum(['breached', 'met', 'undetermined']), severity: z.enum(SEVERITIES),
    recordIds: z.array(z.string()), since: z.string().nullable(), explanation: z.string(),
  })),
}).meta({ id: 'RuleResult' });

const asLimit = (l: { hours: number } | { days: number }) => ('hours' in l ? { amount: l.hours, unit: 'hours' as const } : { amount: l.days, unit: 'days' as const });

async function requireVisibleCase(q: Queryable, userId: string, caseId: string) {
  const [found] = await q.query(
    `SELECT 1 FROM cases c WHERE c.id = $2 AND c.retracted_at IS NULL AND ${visibleSql('self', 'c')}`, [userId, caseId],
  );
  if (!found) throw notFound('case');
}

export function registerAlertRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/alerts', {
    schema: {
      tags: ['Alerts'], summary: 'Alerts across the cases you may see, newest first (open ones unless `status` says otherwise)',
      querystring: z.object({ ...listQueryBase, ...filters, caseId: id.optional() }),
      response: { 200: alertPage, ...problems(400, 401) },
    },
  }, async (request) => {
    const user = requireRole(request, 'viewer');
    const { cursor, limit: pageSize, ...rest } = request.query;
    return listAlerts(db, user.id, rest as AlertFilters, { cursor, limit: pageSize });
  });

  r.get('/api/cases/:id/alerts', {
    schema: {
      tags: ['Alerts'], summary: "A case's alerts, newest first", params: z.object({ id }),
      querystring: z.object({ ...listQueryBase, ...filters }),
      response: { 200: alertPage, ...problems(400, 401, 404) },
    },
  }, async (request) => {
    const user = requireRole(request, 'viewer');
    await requireVisibleCase(db, user.id, request.params.id);
    const { cursor, limit: pageSize, ...rest } = request.query;
    return listAlerts(db, user.id, { ...(rest as AlertFilters), caseId: request.params.id }, { cursor, limit: pageSize });
  });

  r.get('/api/alerts/:id', {
    schema: { tags: ['Alerts'], summary: 'One alert with the notes monitors left on it', params: z.object({ id }), response: { 200: alertWithNotes, ...problems(400, 401, 404) } },
  }, async (request) => {
    const user = requireRole(request, 'viewer');
    return getAlert(db, user.id, request.params.id);
  });

  r.post('/api/alerts/:id/acknowledge', {
    schema: {
      tags: ['Alerts'], summary: 'Acknowledge an alert with a comment (what is being done about it)', params: z.object({ id }),
      body: z.strictObject({ comment: z.string().trim().min(1).max(2_000) }),
      response: { 200: alertWithNotes, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const user = requireRole(request, 'editor');
    return acknowledgeAlert(db, user.id, request.params.id, request.body.comment);
  });

  r.get('/api/cases/:id/compliance', {
    schema: {
      tags: ['Alerts'], summary: 'The compliance report: every rule, its status for this case (breached, met, cannot be determined, not applicable) and why',
      params: z.object({ id }),
      response: { 200: z.object({ caseId: id, evaluatedOn: z.string(), rules: z.array(ruleResult) }), ...problems(400, 401, 404) },
    },
  }, async (request) => {
    const user = requireRole(request, 'viewer');
    await requireVisibleCase(db, user.id, request.params.id);
    const today = todayUtc();
    return { caseId: request.params.id, evaluatedOn: today, rules: await complianceOf(db, request.params.id, today) };
  });

  r.get('/api/standards/rules', {
    schema: {
      tags: ['Alerts'], summary: 'The rules, the provisions they cite, and the limits in force for the deployment',
      response: {
        200: z.object({ items: z.array(z.object({
          id: z.string(), title: z.string(), severity: z.enum(SEVERITIES), provisions: z.array(provision),
          defaultLimit: limitOut, limit: limitOut,
        })) }),
        ...problems(401),
      },
    },
  }, async (request) => {
    requireRole(request, 'viewer');
    const { deployment } = await loadSettings(db, []);
    return {
      items: RULES.map((rule) => ({
        id: rule.id, title: rule.title, severity: rule.severity, provisions: [...rule.provisions],
        defaultLimit: asLimit(DEFAULT_SETTINGS[rule.id]),
        limit: asLimit(deployment[rule.id]),
      })),
    };
  });

  const ruleParam = z.object({ ruleId: z.enum(ruleIds) });
  const setLimit = async (userId: string, ruleId: string, caseId: string | null, value: z.infer<typeof limit> | null) => {
    if (!isRuleId(ruleId)) throw notFound('rule');
    return db.transaction(async (tx) => {
      await tx.query(`DELETE FROM rule_limits WHERE rule_id = $1 AND case_id IS NOT DISTINCT FROM $2::uuid`, [ruleId, caseId]);
      if (value) {
        await tx.query('INSERT INTO rule_limits (rule_id, case_id, amount, unit, updated_by) VALUES ($1, $2, $3, $4, $5)',
          [ruleId, caseId, value.amount, value.unit, userId]);
      }
      await appendAudit(tx, {
        actorId: userId, action: value ? 'limit-set' : 'limit-clear', recordType: 'rule_limit', recordId: caseId ? `${caseId}:${ruleId}` : ruleId,
        after: value, caseIds: caseId ? [caseId] : [],
      });
      // The new limit applies at once: alerts follow it.
      return reevaluateCases(tx, caseId ? [caseId] : null, userId);
    });
  };
  const changed = z.object({ opened: z.int(), closed: z.int() });

  r.put('/api/standards/limits/:ruleId', {
    schema: {
      tags: ['Alerts'], summary: "Set a rule's limit for the whole deployment (admins); alerts follow at once",
      params: ruleParam, body: limit, response: { 200: changed, ...problems(400, 401, 403) },
    },
  }, async (request) => {
    const user = requireRole(request, 'admin');
    return setLimit(user.id, request.params.ruleId, null, request.body);
  });

  r.delete('/api/standards/limits/:ruleId', {
    schema: { tags: ['Alerts'], summary: "Go back to a rule's default limit (admins)", params: ruleParam, response: { 200: changed, ...problems(400, 401, 403) } },
  }, async (request) => {
    const user = requireRole(request, 'admin');
    return setLimit(user.id, request.params.ruleId, null, null);
  });

  const caseRuleParams = z.object({ id, ruleId: z.enum(ruleIds) });
  r.get('/api/cases/:id/limits', {
    schema: {
      tags: ['Alerts'], summary: 'The limits in force for this case, and which of them the case overrides', params: z.object({ id }),
      response: { 200: z.object({ items: z.array(z.object({ ruleId: z.string(), limit: limitOut, overridden: z.boolean() })) }), ...problems(400, 401, 404) },
    },
  }, async (request) => {
    const user = requireRole(request, 'viewer');
    await requireVisibleCase(db, user.id, request.params.id);
    const settings = await loadSettings(db, [request.params.id]);
    const own = settings.forCase(request.params.id);
    return {
      items: Object.entries(own).map(([ruleId, value]) => ({
        ruleId, limit: asLimit(value), overridden: JSON.stringify(value) !== JSON.stringify(settings.deployment[ruleId as keyof typeof own]),
      })),
    };
  });

  r.put('/api/cases/:id/limits/:ruleId', {
    schema: {
      tags: ['Alerts'], summary: "Override a rule's limit for this case (editors); alerts follow at once",
      params: caseRuleParams, body: limit, response: { 200: changed, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const user = requireRole(request, 'editor');
    await requireVisibleCase(db, user.id, request.params.id);
    return setLimit(user.id, request.params.ruleId, request.params.id, request.body);
  });

  r.delete('/api/cases/:id/limits/:ruleId', {
    schema: { tags: ['Alerts'], summary: "Drop this case's override of a rule's limit", params: caseRuleParams, response: { 200: changed, ...problems(400, 401, 403, 404) } },
  }, async (request) => {
    const user = requireRole(request, 'editor');
    await requireVisibleCase(db, user.id, request.params.id);
    return setLimit(user.id, request.params.ruleId, request.params.id, null);
  });

  r.post('/api/standards/evaluate', {
    schema: {
      tags: ['Alerts'], summary: 'Check every case against the rules now (admins); the server also does it on a schedule',
      response: { 200: changed, ...problems(401, 403) },
    },
  }, async (request) => {
    const user = requireRole(request, 'admin');
    return db.transaction((tx) => reevaluateCases(tx, null, user.id));
  });
}
