// Text in, suggestions out: persons, organisations, places and events, each with the exact spans
// that state them. Pure: no database, no files (see DESIGN.md, "Contracts").
import { findDates } from './dates.ts';
import { findEntities } from './entities.ts';
import { findEvents } from './events.ts';
import { sentences } from './sentences.ts';
import type { ExtractOptions, Extraction } from './types.ts';

export type { ExtractOptions, Extraction } from './types.ts';

/** Never throws: a text it cannot read yields an empty extraction. */
export function extract(text: string, options: ExtractOptions = {}): Extraction {
  try {
    // Same length, so offsets still index the caller's text: NBSP and other spaces become spaces.
    const plain = text.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
    const dates = findDates(plain, options.published ?? null);
    const entities = findEntities(plain, dates);
    const events = findEvents(sentences(plain), entities.persons, dates, plain);
    return { ...entities, events };
  } catch {
    return { persons: [], organizations: [], places: [], events: [] };
  }
}
