// fetchUrl against a local HTTP server on 127.0.0.1: a good page, redirects (relative, looping,
// to another scheme), a server that hangs, huge bodies, a wrong content type, errors.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, IntakeError, readDocument } from './index.ts';

const PAGE = '<!DOCTYPE html><html lang="en"><head><title>Blogger held</title><meta property="og:site_name" content="Local Monitor"></head>'
  + '<body><article><h1>Blogger held</h1><p>Blogger Timur Aliyev was arrested on 2 March 2024 in Bishkek, his lawyer said.</p></article></body></html>';

let server: Server;
let base: string;

function handle(path: string, res: ServerResponse): void {
  const send = (status: number, headers: Record<string, string | number>, body?: string | Buffer) => {
    res.writeHead(status, headers);
    res.end(body);
  };
  switch (path) {
    case '/article':
      return send(200, { 'content-type': 'text/html; charset=utf-8' }, PAGE);
    case '/moved':
      return send(302, { location: '/elsewhere/../article' });
    case '/hop1':
      return send(301, { location: `${base}/hop2` });
    case '/hop2':
      return send(307, { location: '/article' });
    case '/loop':
      return send(302, { location: '/loop' });
    case '/to-file':
      return send(302, { location: 'file:///etc/passwd' });
    case '/no-location':
      return send(302, {});
    case '/hang':
      // Headers, half a page, then nothing more.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write(PAGE.slice(0, 50));
      return;
    case '/silent':
      return; // never answers at all
    case '/huge-declared':
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': 500_000_000 });
      res.write(Buffer.alloc(1024));
      return;
    case '/huge-streamed': {
      // No length given: 64 KB chunks until the client stops reading (bounded at 4 MB).
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const pump = () => {
        while (sent < 4_000_000 && !res.destroyed) {
          sent += 65_536;
          if (!res.write(Buffer.alloc(65_536, 0x61))) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    case '/image':
      return send(200, { 'content-type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    case '/download.pdf':
      return send(200, { 'content-type': 'application/octet-stream' }, Buffer.from('%PDF-1.7\n'));
    default:
      return send(404, { 'content-type': 'text/plain' }, 'not here');
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    res.on('error', () => undefined);
    handle(new URL(req.url ?? '/', 'http://x').pathname, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(url: string, opts?: Parameters<typeof fetchUrl>[1]): Promise<IntakeError> {
  const started = Date.now();
  try {
    await fetchUrl(url, opts);
  } catch (error) {
    expect(error).toBeInstanceOf(IntakeError);
    expect(Date.now() - started).toBeLessThan(5_000);
    return error as IntakeError;
  }
  throw new Error(`expected ${url} to fail`);
}

describe('fetchUrl', () => {
  it('fetches a page that readDocument then reads', async () => {
    const fetched = await fetchUrl(`${base}/article`);
    expect(fetched).toMatchObject({ mediaType: 'text/html; charset=utf-8', finalUrl: `${base}/article` });
    const doc = await readDocument(fetched.bytes, { mediaType: fetched.mediaType, filename: new URL(fetched.finalUrl).pathname });
    expect(doc).toMatchObject({ format: 'html', title: 'Blogger held', publisher: 'Local Monitor', language: 'en' });
    expect(doc.text).toContain('Blogger Timur Aliyev was arrested on 2 March 2024');
  });

  it('follows relative and absolute redirects and reports where it ended', async () => {
    expect((await fetchUrl(`${base}/moved`)).finalUrl).toBe(`${base}/article`);
    expect((await fetchUrl(`${base}/hop1`)).finalUrl).toBe(`${base}/article`);
    expect((await failure(`${base}/hop1`, { maxRedirects: 1 })).code).toBe('too-many-redirects');
  });

  it('stops a redirect loop, a redirect to another scheme and one that goes nowhere', async () => {
    const loop = await failure(`${base}/loop`);
    expect(loop.code).toBe('too-many-redirects');
    expect(loop.message).toMatch(/more than 5 times/);
    expect((await failure(`${base}/to-file`)).code).toBe('bad-url');
    expect((await failure(`${base}/no-location`)).code).toBe('http-error');
  });

  it('gives up on a server that hangs, before or during the body', async () => {
    const silent = await failure(`${base}/silent`, { timeoutMs: 300 });
    expect(silent.code).toBe('timeout');
    expect(silent.message).toMatch(/300 ms/);
    expect((await failure(`${base}/hang`, { timeoutMs: 300 })).code).toBe('timeout');
  });

  it('refuses a body over the cap, whether declared or streamed', async () => {
    expect((await failure(`${base}/huge-declared`)).code).toBe('too-large');
    const streamed = await failure(`${base}/huge-streamed`, { maxBytes: 1_000_000 });
    expect(streamed.code).toBe('too-large');
    expect(streamed.message).toMatch(/1 MB/);
  });

  it('checks the content type before reading the body', async () => {
    const image = await failure(`${base}/image`);
    expect(image.code).toBe('unsupported-format');
    expect(image.message).toMatch(/image\/png/);
    // A generic download type is let through: readDocument decides by the bytes and the name.
    expect((await fetchUrl(`${base}/download.pdf`)).mediaType).toBe('application/octet-stream');
  });

  it('reports HTTP errors with their status, and refuses what is not an http(s) URL', async () => {
    const missing = await failure(`${base}/missing`);
    expect(missing).toMatchObject({ code: 'http-error', status: 404 });
    expect(missing.message).toMatch(/404/);
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/a.pdf', 'javascript:alert(1)', 'not a url', '']) {
      expect((await failure(url)).code, url).toBe('bad-url');
    }
  });

  it('reports a server that cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await failure(`http://127.0.0.1:${port}/`);
    expect(refused.code).toBe('http-error');
    expect(refused.message).toMatch(/ECONNREFUSED/);
  });
});
