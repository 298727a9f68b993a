// Writes the OpenAPI description to docs/openapi.json (npm run openapi). A test fails when the
// committed file differs from what the server describes, so API changes are reviewed as diffs.
import { writeFileSync } from 'node:fs';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Db } from '../store/db.ts';

export async function openApiDocument(): Promise<unknown> {
  const unused = new Proxy({}, { get: () => { throw new Error('no store while describing the API'); } }) as Db;
  const app = await buildApp(unused, loadConfig({ HABEAS_LOG_LEVEL: 'silent' }));
  await app.ready();
  const document = app.swagger();
  await app.close();
  return document;
}

export const OPENAPI_FILE = new URL('../../docs/openapi.json', import.meta.url);

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OPENAPI_FILE, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
  process.stdout.write(`Wrote ${OPENAPI_FILE.pathname}\n`);
}
