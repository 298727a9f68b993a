import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../../src/cli/write-openapi.ts';
import { Client, startTestServer, type TestServer } from '../helpers/server.ts';

describe('the API description', () => {
  let server: TestServer;
  let doc: any;
  beforeAll(async () => {
    server = await startTestServer('embedded');
    doc = (await new Client(server.url).get('/api/openapi.json')).body;
  });
  afterAll(async () => server?.stop());

  it('is OpenAPI 3.1 and names the routes other parts rely on', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/cases', '/api/cases/{id}', '/api/cases/{id}/timeline', '/api/search', '/api/auth/login', '/api/health']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('describes every record kind with create, read, change, list and retract', () => {
    for (const kind of ['persons', 'organizations', 'places', 'cases', 'detention-periods', 'events', 'health-conditions', 'care-requests', 'visits', 'sources', 'claims']) {
      expect(Object.keys(doc.paths[`/api/${kind}`]).sort()).toEqual(['get', 'post']);
      expect(Object.keys(doc.paths[`/api/${kind}/{id}`]).sort()).toEqual(['delete', 'get', 'patch']);
    }
  });

  it('documents the vocabularies and dates with precision in the schemas', () => {
    const body = doc.paths['/api/events'].post.requestBody.content['application/json'].schema;
    expect(body.properties.type.enum).toContain('medical_denied');
    expect(body.properties.date.anyOf?.[0]?.description ?? body.properties.date.description).toMatch(/EDTF/);
  });

  it('matches the committed docs/openapi.json (run `npm run openapi` after changing the API)', () => {
    expect(doc).toEqual(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')));
  });

  it('serves a browsable documentation page', async () => {
    const res = await new Client(server.url).get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/<html/i);
  });
});
