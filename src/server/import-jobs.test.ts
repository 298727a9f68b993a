// Import jobs in memory: who sees them, how long they are kept, and that closing waits for the
// document in hand and starts no other (the server closes the store right after).
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { inMemoryImportJobs, KEEP_FINISHED_MS } from './import-jobs.ts';

const files = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ filename: `note-${i + 1}.txt`, bytes: new TextEncoder().encode(`Note number ${i + 1}.`) }));

/** A store whose transactions wait for `release()` and then fail; counts those begun after close. */
function heldStore() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const store = { begun: 0, begunAfterClose: 0, closed: false, release };
  const db = {
    kind: 'embedded',
    async transaction() {
      store.begun += 1;
      if (store.closed) store.begunAfterClose += 1;
      await held;
      throw new Error('the store is busy');
    },
  } as unknown as Db;
  return { store, db };
}

const settle = async (until: () => boolean) => {
  while (!until()) await new Promise((resolve) => setTimeout(resolve, 1));
};

describe('import jobs kept in memory', () => {
  it('shows a job to its starter only, and forgets it a day after it finished', async () => {
    let clock = Date.parse('2024-06-01T10:00:00Z');
    const { store, db } = heldStore();
    const jobs = inMemoryImportJobs(db, pino({ level: 'silent' }), { now: () => clock });
    const job = jobs.start('user-a', files(1));
    expect(jobs.get('user-b', job.id)).toBeUndefined();
    expect(jobs.list('user-b')).toEqual([]);
    store.release();
    await settle(() => jobs.get('user-a', job.id)?.status === 'finished');
    expect(jobs.get('user-a', job.id)).toMatchObject({ done: 1, items: [{ status: 'failed', problem: { type: '/problems/internal' } }] });
    clock += KEEP_FINISHED_MS;
    expect(jobs.list('user-a')).toHaveLength(1);
    clock += 1;
    expect(jobs.get('user-a', job.id)).toBeUndefined();
  });

  it('takes no further document once closed, and closes when the one in hand is done', async () => {
    const { store, db } = heldStore();
    const jobs = inMemoryImportJobs(db, pino({ level: 'silent' }));
    const job = jobs.start('user-a', files(3));
    await settle(() => store.begun === 1);
    const closed = jobs.close();
    store.release();
    await closed;
    store.closed = true;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.begunAfterClose).toBe(0);
    expect(jobs.get('user-a', job.id)).toMatchObject({ done: 1, items: [{ status: 'failed' }, { status: 'pending' }, { status: 'pending' }] });
    expect(() => jobs.start('user-a', files(1))).toThrow(/stopping/);
  });
});
