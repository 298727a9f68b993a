// Opaque cursors for keyset pagination over (created_at, id), or another key and id.
import { Problem } from '../server/errors.ts';

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  return decodeKeyCursor(cursor, (v): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v)));
}

/** For pagination over (a number, id): e.g. cases by days held. */
export function encodeNumberCursor(key: number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeNumberCursor(cursor: string): [number, string] {
  return decodeKeyCursor(cursor, (v): v is number => typeof v === 'number' && Number.isInteger(v));
}

function decodeKeyCursor<T>(cursor: string, isKey: (v: unknown) => v is T): [T, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) && value.length === 2 && isKey(value[0]) &&
      typeof value[1] === 'string' && /^[0-9a-f-]{36}$/i.test(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through to the problem below
  }
  throw new Problem('validation-failed', 'cursor: not a cursor this server gave out', [
    { field: 'cursor', message: 'not a cursor this server gave out' },
  ]);
}
