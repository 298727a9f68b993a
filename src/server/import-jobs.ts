// Import jobs: several documents dropped at once, imported one after another in the background
// while the web app polls their progress. Each document goes through importDocument, as an upload
// does, so a failing one fails alone. A job is its starter's only: it names files that may belong
// to restricted cases.
//
// ImportJobs is the seam: jobs live in this process's memory for now (lost on restart, kept 24 h
// after they finish); a queue in PostgreSQL (pg-boss) can take its place behind the same interface.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyError } from 'fastify';
import type { Db } from '../store/db.ts';
import { importDocument } from '../store/import.ts';
import { Problem } from './errors.ts';
import { toProblem } from './problem-handler.ts';

export interface UploadedFile {
  filename: string;
  mediaType?: string;
  bytes: Uint8Array;
}

export interface ImportJobItem {
  filename: string;
  status: 'pending' | 'imported' | 'duplicate' | 'failed';
  sourceId?: string;
  title?: string;
  suggestions?: { added: number; known: number };
  /** Why it failed, in a sentence. */
  reason?: string;
  /** For a failure: the problem+json an upload of this file alone would have answered. */
  problem?: ReturnType<Problem['body']>;
}

export interface ImportJob {
  id: string;
  status: 'running' | 'finished';
  caseId: string | null;
  total: number;
  done: number;
  startedAt: string;
  finishedAt?: string;
  items: ImportJobItem[];
}

export interface ImportJobs {
  /** Starts a job with files already read into memory; answers at once, the job runs on. */
  start(userId: string, files: UploadedFile[], options?: { caseId?: string }): ImportJob;
  /** The job, if this user started it. */
  get(userId: string, id: string): ImportJob | undefined;
  /** This user's jobs, newest first. */
  list(userId: string): ImportJob[];
  /** Takes no further document; resolves when the documents in hand are in the store (or not). */
  close(): Promise<void>;
}

export const KEEP_FINISHED_MS = 24 * 3_600_000;

export function inMemoryImportJobs(db: Db, log: FastifyBaseLogger, { keepMs = KEEP_FINISHED_MS, now = () => Date.now() } = {}): ImportJobs {
  const jobs = new Map<string, { userId: string; job: ImportJob; finishedAt?: number }>();
  const running = new Set<Promise<void>>();
  let closing = false;

  // Jobs finished long enough ago are let go whenever jobs are looked at: no timer to stop.
  const forgetOld = () => {
    for (const [id, entry] of jobs) if (entry.finishedAt !== undefined && now() - entry.finishedAt > keepMs) jobs.delete(id);
  };

  async function run(entry: { userId: string; job: ImportJob; finishedAt?: number }, files: Array<UploadedFile | null>) {
    const { job } = entry;
    for (const [i, file] of files.entries()) {
      if (closing) return;
      const item = job.items[i]!;
      try {
        const result = await importDocument(db, { userId: entry.userId }, {
          bytes: file!.bytes, filename: file!.filename, mediaType: file!.mediaType, caseIds: job.caseId ? [job.caseId] : [],
        });
        Object.assign(item, {
          status: result.duplicate ? 'duplicate' : 'imported', sourceId: result.sourceId, title: result.title, suggestions: result.suggestions,
        });
      } catch (error) {
        const problem = toProblem(error as FastifyError);
        if (!problem) log.error({ err: error, job: job.id }, 'an import job failed on a document');
        const answer = problem ?? new Problem('internal');
        Object.assign(item, { status: 'failed', reason: answer.detail ?? answer.title, problem: answer.body() });
      }
      files[i] = null; // the bytes are in the store now, or refused: no need to hold them
      job.done += 1;
    }
    job.status = 'finished';
    entry.finishedAt = now();
    job.finishedAt = new Date(entry.finishedAt).toISOString();
  }

  return {
    start(userId, files, { caseId } = {}) {
      if (closing) throw new Error('The import jobs are closed: the server is stopping.');
      forgetOld();
      const job: ImportJob = {
        id: randomUUID(), status: 'running', caseId: caseId ?? null, total: files.length, done: 0,
        startedAt: new Date(now()).toISOString(),
        items: files.map((file) => ({ filename: file.filename, status: 'pending' })),
      };
      const entry = { userId, job };
      jobs.set(job.id, entry);
      const done: Promise<void> = run(entry, [...files])
        .catch((error: unknown) => log.error({ err: error, job: job.id }, 'an import job stopped'))
        .finally(() => running.delete(done));
      running.add(done);
      return structuredClone(job);
    },
    get(userId, id) {
      forgetOld();
      const entry = jobs.get(id);
      return entry?.userId === userId ? structuredClone(entry.job) : undefined;
    },
    list(userId) {
      forgetOld();
      return [...jobs.values()].filter((e) => e.userId === userId).map((e) => structuredClone(e.job)).reverse();
    },
    async close() {
      closing = true;
      await Promise.all(running);
    },
  };
}
