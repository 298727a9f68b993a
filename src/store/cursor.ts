// Opaque cursors for keyset pagination over (created_at, id).
import { Problem } from '../server/errors.ts';

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) && value.length === 2 &&
      typeof value[0] === 'string' && !Number.isNaN(Date.parse(value[0])) &&
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
