// Serving the built web app: cache headers, the fallback to index.html for the app's own routes,
// problem+json 404s under /api and /assets, and the notice when nothing is built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerProblemHandler } from './problem-handler.ts';
import { registerWeb } from './web.ts';

const dir = mkdtempSync(join(tmpdir(), 'habeas-web-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function appFor(root: string) {
  const app = Fastify();
  registerProblemHandler(app);
  await registerWeb(app, root);
  return app;
}

describe('the web app at /', () => {
  it('serves index.html uncached, hashed assets immutable, and index.html for client routes', async () => {
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Habeas</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    const app = await appFor(dir);
    const root = await app.inject('/');
    expect(root.statusCode).toBe(200);
    expect(root.headers['content-type']).toContain('text/html');
    expect(root.headers['cache-control']).toBe('no-cache');
    expect(root.body).toContain('id="root"');
    const asset = await app.inject('/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const client = await app.inject('/cases/some-id?q=x');
    expect(client.statusCode).toBe(200);
    expect(client.body).toContain('id="root"');
    for (const path of ['/api/nothing', '/assets/missing.js', '/public/x']) {
      const missing = await app.inject(path);
      expect(missing.statusCode, path).toBe(404);
      expect(missing.headers['content-type']).toContain('application/problem+json');
    }
    await app.close();
  });

  it('says how to build the app when there is no build', async () => {
    const app = await appFor(join(dir, 'nothing-here'));
    const root = await app.inject('/');
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('npm run build:web');
    await app.close();
  });
});
