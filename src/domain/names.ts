// Names arrive in many scripts and spellings: Атамбаев, Atambaev, Atambayev are one man, and so
// are Zhaparov and Japarov. A search key folds a name to one Latin form so that trigram matching
// in the store sees the same letters whatever the source wrote.
import anyAscii from 'any-ascii';

// Romanisations of one sound that differ between transliteration systems (GOST, BGN/PCGN, ICAO,
// French or German habits). Order matters: longer patterns first.
const FOLDS: Array<[RegExp, string]> = [
  [/dzh|dj|zh/g, 'j'],
  [/kh/g, 'h'],
  [/tch|tsch|ch/g, 'c'],
  [/sch|shch|sh/g, 's'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/ou/g, 'u'],
  [/([aeiou])y(?=[aeiou])/g, '$1'], // Atambayev → Atambaev
  [/(?:iy|ii|yi|y)\b/g, 'i'], // Dmitriy, Dmitrii, Dmitry
  [/\by(?=[aeiou])/g, ''], // Yevgeny → Evgeni
  [/([a-z])\1+/g, '$1'], // doubled letters
];

/** The folded Latin form of a name, for fuzzy matching across scripts and spellings. */
export function searchKey(name: string): string {
  let key = anyAscii(name.normalize('NFKC'))
    .toLowerCase()
    .replace(/['’`ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const [pattern, replacement] of FOLDS) key = key.replace(pattern, replacement);
  return key.replace(/\s+/g, ' ').trim();
}

/** All distinct spellings of a record's name, canonical first. */
export function allNames(canonical: string, aliases: readonly string[] = []): string[] {
  return [...new Set([canonical, ...aliases].map((n) => n.trim()).filter(Boolean))];
}
