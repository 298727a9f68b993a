// Pages anyone may read, without signing in: the public case files, their list, and an Atom feed
// of public updates. Only cases marked public appear (store/public.ts); an address that names no
// public case answers the same 404 whether the case does not exist or is not public.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../domain/entities.ts';
import type { Db } from '../../store/db.ts';
import { publicCase, publicCaseIds, publicCases, publicUpdates, type PublicCase } from '../../store/public.ts';
import { getRecord } from '../../store/records.ts';
import { requireRole } from '../auth.ts';
import { problems } from './records.ts';
import { renderPublicFeed } from '../../reports/feed.ts';
import { idPrefixOf, publicSlug } from '../../domain/slug.ts';
import { renderPublicCase, renderPublicIndex, renderPublicNotFound } from '../../reports/public-page.tsx';
import { summariseDetention } from './cases.ts';

// Nothing runs on these pages: no script at all, styles only from the page itself.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.code(status).type('text/html; charset=utf-8').header('content-security-policy', CSP)
    .header('cache-control', status === 200 ? 'public, max-age=300' : 'no-store').send(body);

function casePage(kase: PublicCase): string {
  const days = summariseDetention(kase.periods);
  return renderPublicCase(kase, days.days ? { label: days.label, ongoing: days.ongoing } : null);
}

export function registerPublicRoutes(app: FastifyInstance, db: Db) {
  const hidden = { schema: { hide: true } };

  app.get('/public/cases', hidden, async (_request, reply) => html(reply, 200, renderPublicIndex(await publicCases(db))));

  app.get<{ Params: { slug: string } }>('/public/cases/:slug', hidden, async (request, reply) => {
    const { slug } = request.params;
    const prefix = idPrefixOf(slug);
    const found = prefix ? await publicCaseIds(db, prefix) : [];
    const exact = found.find((c) => publicSlug(c.id, c.name) === slug);
    // A renamed person keeps their page: the old address moves to the new one.
    if (!exact && found.length === 1) return reply.redirect(`/public/cases/${publicSlug(found[0]!.id, found[0]!.name)}`, 301);
    const kase = exact ? await publicCase(db, exact.id) : null;
    if (!kase) return html(reply, 404, renderPublicNotFound());
    return html(reply, 200, casePage(kase));
  });

  // For those who may see the case: exactly what its public page would show, before publishing.
  app.withTypeProvider<ZodTypeProvider>().get('/api/cases/:id/public-preview', {
    schema: {
      tags: ['Cases'],
      summary: 'The public page this case would have (HTML), to check before marking it public (editors)',
      params: z.object({ id }),
      response: { 200: z.string().meta({ description: 'text/html' }), ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const user = requireRole(request, 'editor');
    await getRecord(db, { userId: user.id }, 'case', request.params.id);
    const kase = (await publicCase(db, request.params.id, { preview: true }))!;
    return html(reply, 200, casePage(kase)).header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
  });

  app.get('/public/feed.atom', hidden, async (request, reply) => {
    const base = `${request.protocol}://${request.host}`;
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300')
      .send(renderPublicFeed(await publicUpdates(db), base));
  });
}
