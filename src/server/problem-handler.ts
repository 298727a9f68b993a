// Turns every failure into an RFC 9457 problem+json answer. Known failures keep their status and
// name the field; anything else is a 500 whose details go to the log only.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DateParseError } from '../domain/dates.ts';
import { IntakeError } from '../intake/index.ts';
import { Problem, type FieldIssue } from './errors.ts';

const PG_ERRORS: Record<string, (e: { detail?: string; column?: string; constraint?: string }) => Problem> = {
  '23503': (e) => new Problem('unprocessable-reference', e.detail?.replace(/"/g, '') ?? 'refers to a record that does not exist'),
  '23505': () => new Problem('conflict', 'A record with the same unique value exists already.'),
  '23514': (e) => new Problem('validation-failed', `The record breaks the rule ${e.constraint ?? ''}.`),
  '22P02': () => new Problem('validation-failed', 'A value has the wrong type.'),
  '22001': () => new Problem('validation-failed', 'A value is too long.'),
  '22021': () => new Problem('validation-failed', 'A text contains a character that cannot be stored.'),
  '22P05': () => new Problem('validation-failed', 'A text contains a character that cannot be stored.'),
};

/** The path of the first string holding a NUL character (PostgreSQL cannot store one), or null. */
function findNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(value)' : null;
  if (value instanceof Uint8Array) return null; // an uploaded file's bytes
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findNul(inner, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** What may be logged of an error: a database error's own text can quote the data it choked on. */
function loggable(error: FastifyError & { code?: string; routine?: string }) {
  if (error.constructor?.name === 'DatabaseError') return { type: 'DatabaseError', code: error.code, routine: error.routine };
  return error;
}

/** The problem+json a failure is answered with; null for one not in the catalogue (a 500, logged). */
export function toProblem(error: FastifyError & { code?: string }): Problem | null {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext;
    const issues: FieldIssue[] = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return { field: path || (where === 'body' ? '(body)' : `(${where})`), message: v.message ?? 'is not valid' };
    });
    return new Problem('validation-failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
  }
  if (error instanceof DateParseError) return new Problem('validation-failed', error.message);
  if (error instanceof IntakeError) {
    // A document Habeas cannot read: say why, in the words of the reader.
    const type = error.code === 'too-large' ? 'payload-too-large'
      : error.code === 'unsupported-format' ? 'unsupported-media-type'
      : error.code === 'bad-url' ? 'validation-failed'
      : 'unreadable-document';
    return new Problem(type, error.message, undefined, { reason: error.code });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem('payload-too-large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem('unsupported-media-type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Problem('malformed-json', 'The body is empty.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem('malformed-json', error.message);
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return new Problem('malformed-json', error.message);
  if (error.code && PG_ERRORS[error.code]) return PG_ERRORS[error.code]!(error as never);
  if (error.statusCode === 429) return new Problem('rate-limited');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new Problem('validation-failed', error.message);
  }
  return null;
}

export function registerProblemHandler(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const field = findNul(request.body) ?? findNul(request.query);
    if (field !== null) {
      throw new Problem('validation-failed', `${field}: contains a NUL character`, [{ field, message: 'contains a NUL character' }]);
    }
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (!problem) request.log.error({ err: loggable(error) }, 'unexpected error');
    const answer = problem ?? new Problem('internal');
    if (answer.extra?.retryAfter) reply.header('retry-after', String(answer.extra.retryAfter));
    return reply.code(answer.status).type('application/problem+json').send(answer.body(request.url.split('?')[0]));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).type('application/problem+json').send(new Problem('not-found', `No route ${request.method} ${request.url.split('?')[0]}.`).body()),
  );
}
