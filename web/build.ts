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
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  if (!quiet) console.log(`Built the web app into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWeb({ force: process.argv.includes('--force') });
}
