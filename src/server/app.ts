// The HTTP server: Fastify with zod schemas for validation, serialisation and the OpenAPI
// description, problem+json errors, and authentication on every /api route.
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Db } from '../store/db.ts';
import { registerAuth } from './auth.ts';
import type { Config } from './config.ts';
import { registerProblemHandler } from './problem-handler.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerDataRoutes } from './routes/data.ts';
import { registerPublicRoutes } from './routes/public.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerAlertRoutes } from './routes/alerts.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerImportRoutes } from './routes/imports.ts';
import { registerCaseRoutes } from './routes/cases.ts';
import { registerOverviewRoutes } from './routes/overview.ts';
import { registerRecordRoutes } from './routes/records.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerSuggestionRoutes } from './routes/suggestions.ts';
import { registerWeb } from './web.ts';

export const API_VERSION = '0.1.0';

export async function buildApp(db: Db, config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: 4 * 1024 * 1024,
    logger: {
      level: config.logLevel,
      // Names, document text, passwords and tokens must never reach a log line.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'body', 'password'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
      },
    },
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Habeas API',
        version: API_VERSION,
        description: 'Case files of people held in detention. Sign in with POST /api/auth/login (session cookie) or send an API token as `Authorization: Bearer hab_…`. Errors are application/problem+json (RFC 9457). Lists answer `{ items, next }`; pass `next` back as `cursor`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'habeas_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(scalar, { routePrefix: '/api/docs', configuration: { url: '/api/openapi.json' } });

  registerAuth(app, db);
  app.get('/api/health', { schema: { tags: ['Health'], summary: 'Is the server up (no login needed)', security: [] } }, async () => {
    await db.query('SELECT 1');
    return { status: 'ok', store: db.kind };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerAuthRoutes(app, db, config);
  registerRecordRoutes(app, db);
  registerCaseRoutes(app, db);
  registerOverviewRoutes(app, db);
  registerSearchRoutes(app, db);
  registerSuggestionRoutes(app, db);
  registerImportRoutes(app, db, config);
  registerAdminRoutes(app, db);
  registerAlertRoutes(app, db);
  registerDataRoutes(app, db);
  registerPublicRoutes(app, db);
  registerDocumentRoutes(app, db);
  await registerWeb(app);
  return app;
}
