// The documents advocates send, written from a case file: the urgent appeal and the draft
// communication to the UN Working Group on Arbitrary Detention, as DOCX. Anyone who may see the
// case may download them; a case they may not see is not found.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, type KindName } from '../../domain/entities.ts';
import { publicSlug } from '../../domain/slug.ts';
import { renderAppeal } from '../../reports/appeal.ts';
import type { CaseDocument, DocumentEvent } from '../../reports/case-document.ts';
import { renderDossier } from '../../reports/dossier.tsx';
import { closePdfBrowser, htmlToPdf } from '../../reports/pdf.ts';
import { renderWgad } from '../../reports/wgad.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { getRecord, listRecords } from '../../store/records.ts';
import { complianceOf } from '../../store/standards.ts';
import { requireRole } from '../auth.ts';
import { caseTimeline, summariseDetention } from './cases.ts';
import { problems } from './records.ts';

/** One case as the documents read it; the visibility checks are those of every read. */
export async function loadCaseDocument(db: Queryable, userId: string, caseId: string): Promise<CaseDocument> {
  const actor = { userId };
  const kase = await getRecord(db, actor, 'case', caseId);
  const person = await getRecord(db, actor, 'person', kase.subjectPersonId as string);
  const all = async <T,>(kind: KindName, filters: Record<string, string>) => {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRecords(db, actor, kind, { filters, cursor, limit: 200 });
      items.push(...(page.items as T[]));
      cursor = page.next ?? undefined;
    } while (cursor);
    return items;
  };
  const [periods, events, compliance, conditions, careRequests, visits, sources] = await Promise.all([
    db.query<{ start: string; end: string | null; facility: string | null; basis: string | null }>(
      `SELECT d.start, d."end", pl.name AS facility, d.basis FROM detention_periods d LEFT JOIN places pl ON pl.id = d.facility_id
       WHERE d.case_id = $1 AND d.retracted_at IS NULL ORDER BY d.start_earliest NULLS FIRST, d.created_at`,
      [caseId],
    ),
    caseTimeline(db, userId, caseId),
    complianceOf(db, caseId),
    all<CaseDocument['conditions'][number]>('health_condition', { caseId }),
    all<CaseDocument['careRequests'][number]>('care_request', { caseId }),
    all<Record<string, unknown>>('visit', { caseId }),
    all<CaseDocument['sources'][number]>('source', { caseId }),
  ]);
  // The names of the facilities and bodies the visits refer to.
  const named = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM places WHERE id = ANY($1::uuid[]) UNION ALL SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])',
    [visits.flatMap((v) => [v.facilityId, v.visitingBodyId]).filter((x): x is string => typeof x === 'string')],
  );
  const nameOf = new Map(named.map((p) => [p.id, p.name]));
  const days = summariseDetention(periods);
  return {
    caseId,
    status: kase.status as string,
    confidentiality: kase.confidentiality as string,
    country: (kase.country as string | null) ?? null,
    summary: (kase.summary as string | null) ?? null,
    person: {
      name: person.canonicalName as string,
      aliases: (person.aliases as string[] | null) ?? [],
      birthYear: (person.birthYear as number | null) ?? null,
      gender: (person.gender as string | null) ?? null,
      nationality: (person.nationality as string | null) ?? null,
    },
    daysHeld: days.days ? { label: days.label, ongoing: days.ongoing, since: days.since } : null,
    periods,
    events: (events ?? []) as unknown as DocumentEvent[],
    compliance,
    conditions,
    careRequests,
    visits: visits.map((v) => ({
      id: v.id as string,
      date: v.date as string,
      facility: nameOf.get(v.facilityId as string) ?? null,
      body: nameOf.get(v.visitingBodyId as string) ?? null,
      findings: (v.findings as CaseDocument['visits'][number]['findings'] | null) ?? [],
      recommendations: (v.recommendations as CaseDocument['visits'][number]['recommendations'] | null) ?? [],
    })),
    sources,
  };
}

export const DOCUMENTS = {
  appeal: { render: renderAppeal, name: 'urgent-appeal', summary: 'The urgent appeal to the authorities holding the person (DOCX)' },
  wgad: { render: renderWgad, name: 'wgad-communication', summary: 'A draft communication to the UN Working Group on Arbitrary Detention (DOCX), every gap marked' },
} as const;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function registerDocumentRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/cases/:id/report.pdf', {
    schema: {
      tags: ['Documents'], summary: 'The case dossier as PDF (A4, page numbers, the confidentiality marking on every page)', params: z.object({ id }),
      description: 'Printed by the server\'s Chromium; 503 when the server has none (the HTML dossier prints to PDF from any browser).',
      response: { 200: z.string().meta({ description: 'application/pdf' }), ...problems(400, 401, 404, 503) },
    },
  }, async (request, reply) => {
    const user = requireRole(request, 'viewer');
    const data = await loadCaseDocument(db, user.id, request.params.id);
    const pdf = await htmlToPdf(renderDossier(data));
    return reply.type('application/pdf').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="dossier-${publicSlug(data.caseId, data.person.name)}.pdf"`).send(pdf as never);
  });
  app.addHook('onClose', closePdfBrowser);

  r.get('/api/cases/:id/report.html', {
    schema: {
      tags: ['Documents'], summary: 'The case dossier as an HTML document made for reading and printing', params: z.object({ id }),
      response: { 200: z.string().meta({ description: 'text/html' }), ...problems(400, 401, 404) },
    },
  }, async (request, reply) => {
    const user = requireRole(request, 'viewer');
    const html = renderDossier(await loadCaseDocument(db, user.id, request.params.id));
    // Nothing on the page runs: no script at all, its own styles only.
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'")
      .send(html);
  });
  for (const [kind, doc] of Object.entries(DOCUMENTS)) {
    r.get(`/api/cases/:id/${kind}.docx`, {
      schema: {
        tags: ['Documents'], summary: doc.summary, params: z.object({ id }),
        response: { 200: z.string().meta({ description: DOCX }), ...problems(400, 401, 404) },
      },
    }, async (request, reply) => {
      const user = requireRole(request, 'viewer');
      const data = await loadCaseDocument(db, user.id, request.params.id);
      const file = `${doc.name}-${publicSlug(data.caseId, data.person.name)}.docx`;
      return reply.type(DOCX).header('content-disposition', `attachment; filename="${file}"`).header('cache-control', 'no-store')
        .send((await doc.render(data)) as never);
    });
  }
}
