// URL intake, the one place intake does I/O: Node's fetch with every redirect followed by hand (so
// each hop is checked to be http or https and counted), one deadline for the whole exchange
// including the body, a size cap enforced while the body streams in, and the content type checked
// against the formats intake reads before the body is read at all.
import { formatOfMediaType, essence } from './detect.ts';
import { IntakeError, megabytes } from './errors.ts';

export interface FetchOptions {
  /** The whole exchange, redirects and body included; default 15 s. */
  timeoutMs?: number;
  /** Default 20 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Called before each hop, the first and every redirect; throws to refuse a destination. */
  checkDestination?: (url: URL) => Promise<void>;
}

export interface Fetched {
  bytes: Uint8Array;
  /** The Content-Type as the server sent it, charset included (`application/octet-stream` if none). */
  mediaType: string;
  /** The URL after redirects: pass its path as readDocument's `filename` hint. */
  finalUrl: string;
}

const ACCEPT = [
  'text/html', 'application/xhtml+xml', 'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/markdown', 'text/plain;q=0.9', '*/*;q=0.1',
].join(', ');
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Served for any file; readDocument then decides by the bytes and the URL's extension. */
const GENERIC = new Set(['application/octet-stream', 'binary/octet-stream', 'application/download', 'application/x-download']);

export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBytes = opts.maxBytes ?? 20_000_000;
  const maxRedirects = opts.maxRedirects ?? 5;
  let current = httpUrl(url, 'bad-url');

  const controller = new AbortController();
  const timeout = new IntakeError('timeout', `No complete answer from ${current.host} within ${seconds(timeoutMs)}.`);
  const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      await opts.checkDestination?.(current);
      const response = await fetch(current, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { accept: ACCEPT, 'user-agent': 'Habeas document intake' },
      });
      if (REDIRECTS.has(response.status)) {
        await discard(response);
        const location = response.headers.get('location');
        if (!location) throw new IntakeError('http-error', `${current.href} answered ${response.status} (a redirect) without saying where to.`, { status: response.status });
        if (redirects >= maxRedirects) {
          throw new IntakeError('too-many-redirects', `${url} redirects more than ${maxRedirects} times (last to ${location}).`);
        }
        current = httpUrl(new URL(location, current).href, 'redirect');
        continue;
      }
      if (!response.ok) {
        await discard(response);
        throw new IntakeError('http-error', `${current.href} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`, { status: response.status });
      }
      const mediaType = response.headers.get('content-type')?.trim() || 'application/octet-stream';
      const kind = essence(mediaType)!;
      if (!formatOfMediaType(mediaType) && !GENERIC.has(kind)) {
        await discard(response);
        throw new IntakeError('unsupported-format', `${current.href} is ${kind}; intake reads plain text, Markdown, HTML, PDF and DOCX.`);
      }
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await discard(response);
        throw tooLarge(current, maxBytes, declared);
      }
      const bytes = await readCapped(response, maxBytes, current);
      return { bytes, mediaType, finalUrl: current.href };
    }
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason === timeout) throw timeout;
    if (error instanceof IntakeError) throw error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    throw new IntakeError('http-error', `Could not fetch ${current.href}: ${why}.`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

function httpUrl(raw: string, code: 'bad-url' | 'redirect'): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new IntakeError('bad-url', `"${raw}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IntakeError('bad-url', code === 'redirect'
      ? `A redirect led to ${url.protocol} (${raw}); only http and https are followed.`
      : `Only http and https URLs can be fetched, not ${url.protocol}.`);
  }
  return url;
}

async function readCapped(response: Response, maxBytes: number, url: URL): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function tooLarge(url: URL, maxBytes: number, declared?: number): IntakeError {
  return new IntakeError('too-large', `${url.href} is ${declared === undefined ? 'larger than' : `${megabytes(declared)}, over`} the ${megabytes(maxBytes)} a fetched document may have.`);
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);
