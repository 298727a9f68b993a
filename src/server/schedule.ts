// Time alone can breach a rule (24 hours pass with an urgent request open): every case is
// checked against the rules on a schedule, besides after every write that touches it.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../store/db.ts';
import { reevaluateCases } from '../store/standards.ts';

export interface Schedule {
  /** Runs one evaluation now (waits for one already running). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startEvaluationSchedule(db: Db, intervalMs: number, log: FastifyBaseLogger): Schedule {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    // Never two at once: a slow run is waited for, not doubled.
    running ??= (async () => {
      try {
        const started = Date.now();
        const { opened, closed } = await db.transaction((tx) => reevaluateCases(tx, null, null));
        log.info({ opened, closed, ms: Date.now() - started }, 'standards evaluated');
      } catch (error) {
        if (!stopped) log.error({ err: error }, 'standards evaluation failed');
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = intervalMs > 0 ? setInterval(() => void run(), intervalMs) : null;
  timer?.unref();
  return {
    runNow: run,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
