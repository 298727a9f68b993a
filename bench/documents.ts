// `npm run bench -- --only documents`: on a fresh embedded store with the generated case load,
// (1) the whole-store export as JSON Lines — records per second and the heap after a full GC
// every 20,000 records (it must stay flat: the export streams a page at a time), beside a bare
// keyset scan of the same tables with the same page size; (2) the documents of a 500-event case —
// the dossier (HTML and PDF), the urgent appeal and the WGAD draft (DOCX), each from reading the case to
// the finished bytes, beside reading the case's timeline alone. Targets: export memory flat;
// a 500-event dossier within 2 s.
import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { renderAppeal } from '../src/reports/appeal.ts';
import { renderDossier } from '../src/reports/dossier.tsx';
import { closePdfBrowser, htmlToPdf } from '../src/reports/pdf.ts';
import { renderWgad } from '../src/reports/wgad.ts';
import { caseTimeline } from '../src/server/routes/cases.ts';
import { loadCaseDocument } from '../src/server/routes/documents.ts';
import { EXPORT_ORDER, exportStore } from '../src/store/export.ts';
import { jsonLine } from '../src/store/export-formats.ts';
import { TABLES } from '../src/store/tables.ts';
import type { BenchArgs } from './args.ts';
import { fullGc } from './extraction.ts';
import { generate, sizesFor } from './generate.ts';
import { Rng } from './random.ts';
import type { Target } from './report.ts';
import { openBenchStore, type BenchStore } from './stores.ts';
import { bigCase } from './web.ts';

const MB = 1024 * 1024;
const DOSSIER_TARGET_MS = 2000;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface DocumentsResult {
  cases: number;
  export: { records: number; seconds: number; perSecond: number; bytes: number; heapMb: number[]; heapGrowthMb: number; baselineSeconds: number; ratio: number };
  documents: { events: number; baselineMs: number; dossierMs: number; pdfMs: number | null; appealMs: number; wgadMs: number; ratios: Record<string, number> };
  targets: Target[];
}

/** Reading every row of the exported tables a page at a time, with nothing else done: the floor. */
async function bareScan(store: BenchStore): Promise<number> {
  const t0 = performance.now();
  for (const kind of EXPORT_ORDER) {
    let after: [Date, string] | null = null;
    for (;;) {
      const rows: Array<{ id: string; created_at: Date }> = await store.db.query(
        `SELECT * FROM ${TABLES[kind].table} t WHERE t.retracted_at IS NULL ${after ? 'AND (t.created_at, t.id) > ($1, $2)' : ''}
         ORDER BY t.created_at, t.id LIMIT 500`,
        after ?? [],
      );
      if (rows.length < 500) break;
      const last = rows.at(-1)!;
      after = [last.created_at, last.id];
    }
  }
  return (performance.now() - t0) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return round(median(times));
}

export async function benchDocuments(args: BenchArgs, log: (message: string) => void): Promise<DocumentsResult> {
  const store = await openBenchStore('embedded');
  try {
    log(`[documents] generating ${args.cases.toLocaleString('en-GB')} cases on the embedded store`);
    await generate(store.db, store.adminId, sizesFor(args.cases), args.seed);
    await store.db.maintain();
    const gc = fullGc();
    const heap = () => {
      gc?.();
      return round(process.memoryUsage().heapUsed / MB);
    };

    log('[documents] exporting the whole store as JSON Lines');
    const heapMb = [heap()];
    let records = 0;
    let bytes = 0;
    const t0 = performance.now();
    async function* lines() {
      for await (const item of exportStore(store.db, { userId: store.adminId })) {
        records += 1;
        if (records % 20_000 === 0) heapMb.push(heap());
        yield jsonLine(item);
      }
    }
    await pipeline(Readable.from(lines()), new Writable({ write(chunk: Buffer, _enc, done) { bytes += chunk.length; done(); } }));
    const seconds = (performance.now() - t0) / 1000;
    heapMb.push(heap());
    const baselineSeconds = await bareScan(store);

    log('[documents] the documents of a case with 500 events');
    const caseId = await bigCase(store, new Rng(args.seed + 7));
    const load = () => loadCaseDocument(store.db, store.adminId, caseId);
    const baselineMs = await timed(5, () => caseTimeline(store.db, store.adminId, caseId));
    const dossierMs = await timed(5, async () => renderDossier(await load()));
    const appealMs = await timed(5, async () => renderAppeal(await load()));
    const wgadMs = await timed(5, async () => renderWgad(await load()));
    // The PDF needs the server's Chromium: measured where there is one.
    const pdfMs = existsSync(process.env.HABEAS_CHROMIUM ?? '/usr/bin/chromium')
      ? await timed(5, async () => htmlToPdf(renderDossier(await load()))).finally(closePdfBrowser)
      : null;
    const heapGrowthMb = round(Math.max(...heapMb.slice(1)) - heapMb[0]!);
    return {
      cases: args.cases,
      export: { records, seconds: round(seconds, 2), perSecond: Math.round(records / seconds), bytes, heapMb, heapGrowthMb, baselineSeconds: round(baselineSeconds, 2), ratio: round(seconds / baselineSeconds) },
      documents: {
        events: 500, baselineMs, dossierMs, pdfMs, appealMs, wgadMs,
        ratios: { dossier: round(dossierMs / baselineMs), ...(pdfMs ? { pdf: round(pdfMs / baselineMs) } : {}), appeal: round(appealMs / baselineMs), wgad: round(wgadMs / baselineMs) },
      },
      targets: [
        { name: 'export heap growth over the whole store (≤ 50 MB)', limit: 50, unit: 'MB', measured: heapGrowthMb, pass: heapGrowthMb <= 50 },
        { name: `dossier of a 500-event case, HTML (≤ ${DOSSIER_TARGET_MS} ms)`, limit: DOSSIER_TARGET_MS, unit: 'ms', measured: dossierMs, pass: dossierMs <= DOSSIER_TARGET_MS },
        ...(pdfMs === null ? [] : [{ name: `dossier of a 500-event case, PDF (≤ ${DOSSIER_TARGET_MS} ms)`, limit: DOSSIER_TARGET_MS, unit: 'ms', measured: pdfMs, pass: pdfMs <= DOSSIER_TARGET_MS }]),
      ],
    };
  } finally {
    await store.close();
  }
}

export function formatDocumentsReport(r: DocumentsResult): string {
  const e = r.export;
  const d = r.documents;
  return [
    `documents — embedded store, ${r.cases.toLocaleString('en-GB')} cases`,
    `  export (JSON Lines): ${e.records.toLocaleString('en-GB')} records, ${(e.bytes / MB).toFixed(1)} MB in ${e.seconds} s = ${e.perSecond.toLocaleString('en-GB')} records/s`,
    `    = ${e.ratio}× a bare keyset scan of the same tables (${e.baselineSeconds} s); heap after GC every 20,000 records: ${e.heapMb.join(', ')} MB (growth ${e.heapGrowthMb} MB)`,
    `  a ${d.events}-event case, median of 5: dossier ${d.dossierMs} ms (${d.ratios.dossier}×), as PDF ${d.pdfMs ?? 'not measured (no Chromium)'}${d.pdfMs ? ` ms (${d.ratios.pdf}×)` : ''}, appeal ${d.appealMs} ms (${d.ratios.appeal}×), WGAD draft ${d.wgadMs} ms (${d.ratios.wgad}×) the case's timeline read alone (${d.baselineMs} ms)`,
    ...r.targets.map((t) => `  ${t.pass ? 'PASS' : 'MISS'}  ${t.name}  measured ${t.measured} ${t.unit}`),
  ].join('\n');
}
