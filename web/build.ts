// Builds the web app into dist/web with Vite — only when it is missing or older than its sources,
// so `npm start` (its prestart step) costs nothing after the first time. `--force` always builds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('.', import.meta.url));
export const OUT_DIR = fileURLToPath(new URL('../dist/web', import.meta.url));

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Whether dist/web is missing or older than web/ (sources, index.html, config) or the lock file. */
export function webBuildIsStale(): boolean {
  const index = join(OUT_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const lock = fileURLToPath(new URL('../package-lock.json', import.meta.url));
  return newest(WEB) > built || (existsSync(lock) && statSync(lock).mtimeMs > built);
}

export async function buildWeb({ force = false, quiet = false } = {}): Promise<boolean> {
  if (!force && !webBuildIsStale()) return false;
  const started = Date.now();
  const { build } = await import('vite');
  // Always the production build of React, even from a process that set NODE_ENV (vitest sets
  // "test", which would otherwise bundle React's development build).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(WEB, 'vite.config.ts'), mode: 'production', logLevel: quiet ? 'error' : 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  if (!quiet) console.log(`Built the web app into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWeb({ force: process.argv.includes('--force') });
}
