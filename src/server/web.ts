// The web app: the files `npm run build:web` writes to dist/web, served at `/`. Hashed assets under
// /assets are immutable; index.html is never cached, so a new build is seen at once. Any other GET
// that is not /api or /public answers index.html, and the app's router takes over.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Problem } from './errors.ts';

export const WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Habeas</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}code{background:#f3f4f6;padding:.1rem .3rem;border-radius:4px}</style>
<h1>Habeas</h1><p>The web app has not been built yet. Build it with <code>npm run build:web</code>
(<code>npm start</code> does this for you), then reload this page.</p>
<p>The HTTP API works meanwhile: <a href="/api/docs">API documentation</a>.</p></html>`;

export async function registerWeb(app: FastifyInstance, dir = WEB_DIR): Promise<void> {
  const indexPath = join(dir, 'index.html');
  let index: Buffer | null = null;
  try {
    index = existsSync(indexPath) ? readFileSync(indexPath) : null;
  } catch {
    index = null; // a build replacing the folder right now: serve the notice until the next start
  }
  const built = index !== null;
  const sendIndex = (reply: FastifyReply) =>
    index
      ? reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index)
      : reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);

  if (built) {
    await app.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders(reply, path) {
        const immutable = path.startsWith(join(dir, 'assets'));
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/public/') || path.startsWith('/assets/')) {
      throw new Problem('not-found', `No route GET ${path}.`);
    }
    return sendIndex(reply);
  });
}
