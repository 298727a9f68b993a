// GET /api/overview: the whole picture of the cases the user may see, counted by the store.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../domain/entities.ts';
import type { Db } from '../../store/db.ts';
import { overview } from '../../store/overview.ts';
import { requireRole } from '../auth.ts';
import { enrichCases } from './cases.ts';
import { problems } from './records.ts';

const count = z.object({ key: z.string().nullable(), count: z.int() });
// Typed loosely: the store's case records are checked by the schema at run time.
const caseSummary: z.ZodType<Record<string, unknown>> = z.looseObject({
  id,
  status: z.string(),
  country: z.string().nullable().optional(),
  updatedAt: z.string(),
  subject: z.object({ id, canonicalName: z.string(), aliases: z.array(z.string()) }).nullable(),
  daysInDetention: z.looseObject({ label: z.string() }),
});

const overviewSchema = z.object({
  heldNow: z.int().meta({ description: 'Cases with the status detained' }),
  totalCases: z.int(),
  byStatus: z.array(count),
  byCountry: z.array(count).meta({ description: 'ISO 3166 alpha-2 codes; null when the country is not known' }),
  byTag: z.array(count).meta({ description: 'The hundred commonest tags, commonest first' }),
  openAlerts: z.object({ total: z.int(), bySeverity: z.array(count) }),
  longestHeld: z.array(caseSummary).meta({ description: 'Up to five, longest held first (the least number of days the periods allow)' }),
  latestUpdates: z.array(caseSummary).meta({ description: 'Up to five, most recently updated first' }),
  newestAlerts: z.array(z.object({
    id, caseId: id, caseName: z.string().nullable(), ruleId: z.string(), severity: z.string(), explanation: z.string(),
    since: z.string().nullable(), openedAt: z.string(), acknowledgedAt: z.string().nullable(),
  })).meta({ description: 'Up to five open alerts, newest first' }),
  heldOverTime: z.object({
    rule: z.string().meta({ description: 'How partial dates are counted, in words' }),
    months: z.array(z.object({ month: z.string(), surely: z.int(), possibly: z.int() })),
  }).meta({ description: 'People held per month, from the earliest detention (at most ten years back) to this month' }),
}).meta({ id: 'Overview' });

export function registerOverviewRoutes(app: FastifyInstance, db: Db) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/overview', {
    schema: {
      tags: ['Cases'],
      summary: 'Counts over the cases you may see: held now, by status and country, open alerts, the longest held, people held over time',
      description: 'Restricted cases without a grant are neither listed nor counted.',
      response: { 200: overviewSchema, ...problems(401) },
    },
  }, async (request) => {
    const user = requireRole(request, 'viewer');
    return overview(db, user.id, (cases) => enrichCases(db, cases));
  });
}
