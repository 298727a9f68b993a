// `habeas import PATH…`: files and folders into the store, with a progress bar, going on past
// bad files, and a summary at the end.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Db } from '../store/db.ts';
import { importDocuments } from '../store/import.ts';

/** Every file under the given paths, hidden files left out. */
export function listFiles(paths: string[]): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (!entry.startsWith('.')) walk(join(path, entry));
    } else if (stat.isFile()) {
      files.push(path);
    }
  };
  for (const path of paths) walk(path);
  return files;
}

export interface ImportSummary {
  imported: number;
  duplicates: number;
  failed: Array<{ file: string; reason: string }>;
  suggestions: number;
}

export async function importPaths(
  db: Db,
  actorId: string,
  paths: string[],
  { caseIds = [] as string[], progress = process.stderr.isTTY } = {},
): Promise<ImportSummary> {
  const files = listFiles(paths);
  const summary: ImportSummary = { imported: 0, duplicates: 0, failed: [], suggestions: 0 };
  const bar = new cliProgress.SingleBar(
    { format: 'importing {bar} {value}/{total} documents | {file}', hideCursor: true, noTTYOutput: !progress, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(files.length, 0, { file: '' });
  await importDocuments(
    db, { userId: actorId }, files,
    (file) => ({ bytes: readFileSync(file), filename: basename(file), caseIds }),
    (outcome) => {
      if ('result' in outcome) {
        if (outcome.result.duplicate) summary.duplicates += 1;
        else summary.imported += 1;
        summary.suggestions += outcome.result.suggestions.added;
      } else {
        summary.failed.push({ file: outcome.item, reason: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) });
      }
      bar.increment({ file: basename(outcome.item).slice(0, 40) });
    },
  );
  bar.stop();
  // Fresh planner statistics after a load (the embedded store has no autovacuum).
  await db.maintain();
  return summary;
}
