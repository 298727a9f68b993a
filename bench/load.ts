// Two ways to drive load: HTTP through the forked client process, and direct calls in this
// process (the bare-query baselines), both bounded by count and by time.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HttpJob, HttpResult } from './client.ts';

export class HttpLoad {
  private readonly child: ChildProcess;

  constructor() {
    this.child = fork(fileURLToPath(new URL('./client.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  run(job: HttpJob): Promise<HttpResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the load client exited (code ${code})`));
      this.child.once('exit', onExit);
      this.child.once('message', (message: { ok: boolean; result?: HttpResult; error?: string }) => {
        this.child.off('exit', onExit);
        if (message.ok) resolve(message.result!);
        else reject(new Error(`load client: ${message.error}`));
      });
      this.child.send(job);
    });
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

export interface DirectResult {
  latencies: number[];
  elapsedMs: number;
  errors: number;
}

/** `concurrency` callers, each starting the next call when its last one ends. */
export async function runConcurrent(
  call: (i: number) => Promise<unknown>,
  { concurrency, maxCount, maxMs }: { concurrency: number; maxCount: number; maxMs: number },
): Promise<DirectResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  let firstError: unknown;
  const began = performance.now();
  const deadline = began + maxMs;
  const worker = async () => {
    while (next < maxCount && performance.now() < deadline) {
      const i = next++;
      const start = performance.now();
      try {
        await call(i);
        latencies.push(performance.now() - start);
      } catch (error) {
        errors += 1;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // A baseline that fails is a bug in the bench, not a figure to report.
  if (errors > 0 && latencies.length === 0) throw firstError;
  return { latencies, elapsedMs: performance.now() - began, errors };
}
