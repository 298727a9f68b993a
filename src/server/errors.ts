// The catalogue of errors a client can branch on. Each becomes an RFC 9457 problem+json answer
// whose `type` is stable; anything not in this catalogue is a 500 with details only in the log.
export interface FieldIssue {
  field: string;
  message: string;
}

const PROBLEMS = {
  'validation-failed': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  unauthenticated: { status: 401, title: 'Sign in first' },
  'invalid-credentials': { status: 401, title: 'Wrong username or password' },
  forbidden: { status: 403, title: 'Your role does not allow this' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict with an existing record' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Send application/json' },
  'unprocessable-reference': { status: 422, title: 'The request refers to records that do not exist' },
  'unreadable-document': { status: 422, title: 'The document cannot be read' },
  'too-many-attempts': { status: 429, title: 'Too many failed sign-in attempts' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Something went wrong on our side' },
  'not-available': { status: 503, title: 'Not available on this server' },
} as const;
export type ProblemType = keyof typeof PROBLEMS;

export class Problem extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly type: ProblemType,
    readonly detail?: string,
    readonly errors?: FieldIssue[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? PROBLEMS[type].title);
    this.status = PROBLEMS[type].status;
    this.title = PROBLEMS[type].title;
  }

  body(instance?: string) {
    return {
      type: `/problems/${this.type}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

export const notFound = (what: string) => new Problem('not-found', `No ${what} with this id.`);
export const invalid = (errors: FieldIssue[]) =>
  new Problem('validation-failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
