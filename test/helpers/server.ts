// Starts a real Habeas server on a fresh store for a test file: an embedded store in a temporary
// directory, or — when HABEAS_TEST_DATABASE_URL is set and `postgres` is asked for — a new database
// on that PostgreSQL server, dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/server/config.ts';
import { startServer, type Running } from '../../src/server/start.ts';

export const ADMIN_PASSWORD = 'correct horse battery staple';
export const POSTGRES_URL = process.env.HABEAS_TEST_DATABASE_URL;

export type StoreKind = 'embedded' | 'postgres';
/** The stores every API test runs on: always the embedded one, and PostgreSQL when configured. */
export const STORES: StoreKind[] = process.env.HABEAS_TEST_STORES ? (process.env.HABEAS_TEST_STORES.split(',') as StoreKind[]) : POSTGRES_URL ? ['embedded', 'postgres'] : ['embedded'];

export interface TestServer {
  url: string;
  running: Running;
  admin: Client;
  login(username: string, password: string): Promise<Client>;
  stop(): Promise<void>;
}

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(POSTGRES_URL!);
  const name = `habeas_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startTestServer(
  store: StoreKind = 'embedded',
  { demo = false, env = {} as Record<string, string> } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'habeas-test-'));
  const database = store === 'postgres' ? await freshDatabase() : null;
  const config = loadConfig({
    PORT: '0',
    HABEAS_DATA_DIR: dir,
    HABEAS_ADMIN_PASSWORD: ADMIN_PASSWORD,
    HABEAS_DEMO: demo ? 'true' : 'false',
    HABEAS_LOG_LEVEL: process.env.HABEAS_TEST_LOG ?? 'silent',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const running = await startServer(config);
  const url = running.url;
  const login = async (username: string, password: string) => {
    const client = new Client(url);
    const res = await client.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return client;
  };
  return {
    url,
    running,
    admin: await login('admin', ADMIN_PASSWORD),
    login,
    async stop() {
      await running.close();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small HTTP client that keeps its session cookie, like a browser would. */
export class Client {
  private cookie = '';
  constructor(readonly base: string, private readonly bearer?: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, raw?: { body: string | Uint8Array | FormData; type?: string }): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    let payload: string | Uint8Array | FormData | undefined;
    if (raw) {
      payload = raw.body;
      if (raw.type) headers['content-type'] = raw.type;
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers, body: payload as BodyInit | undefined });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    // JSON and problem+json are parsed; JSON Lines (x-ndjson) stay text.
    return { status: res.status, headers: res.headers, body: /[/+]json\b/.test(type) && text ? JSON.parse(text) : text };
  }
  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body);
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);
  /** Sends a file's bytes as the body, as an upload does. */
  upload = <T = any>(path: string, bytes: Uint8Array, type: string) =>
    this.request<T>('POST', path, undefined, { body: new Uint8Array(bytes), type });
  /** Sends a multipart form, as a browser does (fetch writes its content type and boundary). */
  form = <T = any>(path: string, form: FormData) => this.request<T>('POST', path, undefined, { body: form });
}
