// The HTTP load client, run in its own process (forked by load.ts). The server under test runs in
// the bench's main process — with PGlite inside it for the embedded store — so a client in that
// same event loop would steal the server's CPU and its latencies would include the server's queue.
// A separate process is what a real client is; on a 2-core machine it gets the other core.
import http from 'node:http';

export interface HttpJob {
  base: string;
  cookie: string;
  paths: string[];
  concurrency: number;
  /** Stop after this many requests … */
  maxRequests: number;
  /** … or after this long, whichever comes first. */
  maxMs: number;
}

export interface HttpResult {
  latencies: number[];
  elapsedMs: number;
  statuses: Record<string, number>;
  errors: number;
  bytes: number;
}

async function run(job: HttpJob): Promise<HttpResult> {
  // Keep-alive with one socket per in-flight request, like 16 browsers/clients each on its connection.
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const url = new URL(job.base);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const began = performance.now();
  const deadline = began + job.maxMs;

  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const req = http.request(
        { host: url.hostname, port: url.port, path, method: 'GET', agent, headers: { cookie: job.cookie } },
        (res) => {
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', () => {
            latencies.push(performance.now() - start);
            const status = String(res.statusCode);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (res.statusCode !== 200) errors += 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end();
    });

  const worker = async () => {
    while (next < job.maxRequests && performance.now() < deadline) {
      const path = job.paths[next % job.paths.length]!;
      next += 1;
      await one(path);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const elapsedMs = performance.now() - began;
  agent.destroy();
  return { latencies, elapsedMs, statuses, errors, bytes };
}

process.on('message', (job: HttpJob) => {
  run(job).then(
    (result) => process.send!({ ok: true, result }),
    (error: unknown) => process.send!({ ok: false, error: String(error) }),
  );
});
