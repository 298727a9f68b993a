// The address of a public case page: the name in Latin letters, then eight hex digits of the case
// id (which find the case even after the name changes). Shared by the server and the web app.
import anyAscii from 'any-ascii';

export function publicSlug(id: string, name: string): string {
  const words = anyAscii(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${words ? `${words}-` : ''}${id.slice(0, 8)}`;
}

/** The eight hex digits a slug ends with, or null when it is no slug of ours. */
export const idPrefixOf = (slug: string) => /(?:^|-)([0-9a-f]{8})$/.exec(slug)?.[1] ?? null;
