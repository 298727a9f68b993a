// The one error intake throws: a stable code for programs (batch summaries, API problems) and a
// message a person can act on.

export type IntakeErrorCode =
  // reading a document
  | 'empty'
  | 'too-large'
  | 'unsupported-format'
  | 'binary'
  | 'no-text-layer'
  | 'malformed'
  // fetching a URL
  | 'bad-url'
  | 'timeout'
  | 'too-many-redirects'
  | 'http-error';

export class IntakeError extends Error {
  override readonly name = 'IntakeError';
  readonly code: IntakeErrorCode;
  /** The HTTP status, for 'http-error' answers from a server. */
  readonly status?: number;

  constructor(code: IntakeErrorCode, message: string, options: { cause?: unknown; status?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
  }
}

/** 50 MB: a document this large or larger is refused before any parsing. */
export const MAX_DOCUMENT_BYTES = 50_000_000;

export function megabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
