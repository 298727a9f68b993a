// The words of the search pages (part of the English strings; see ../en.ts).
import { plural } from './plural.ts';

export const searchStrings = {
  title: 'Search',
  box: 'Search people, sources and events',
  placeholder: 'A name in any spelling or script, or words from a source',
  hint: 'Type a name as any source spells it (Атамбаев, Atambaev, Atambayev), or words from a source or an event.',
  moreLetters: 'Type one more letter to search.',
  noMatch: 'No match. Try another spelling, or fewer words.',
  noMatchFiltered: 'No match with these filters. Clear them, or try another spelling.',
  clearFilters: 'Clear filters',
  searching: 'Searching…',
  resultsFor: (n: number, q: string) => `${plural(n, 'result', 'results')} for “${q}”`,
  filters: 'Filter the results',
  facet: { kind: 'Kind', status: 'Case status', country: 'Country' },
  kind: { person: 'People', source: 'Sources', event: 'Events' } as Record<string, string>,
  kindOne: { person: 'Person', source: 'Source', event: 'Event' } as Record<string, string>,
  /** Read after a facet's count by screen readers: "People 3 results". */
  resultsWord: (n: number) => (n === 1 ? ' result' : ' results'),
  matchedAs: 'Matched the spelling',
  noCase: 'No case you may see',
};
