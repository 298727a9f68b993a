// The text every format ends as: one kind of space, one kind of line break, paragraphs kept.
// Within a line nothing moves (each odd space becomes one space), so offsets into a clean plain
// text file stay what they were.

const SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Invisible characters that only get in the way of matching words: zero-width space, BOM, soft
// hyphen, word joiner, and C0/C1 controls other than the line feed. ZWJ/ZWNJ stay (they matter in
// Persian and Indic scripts).
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const INVISIBLE = /[\u200b\ufeff\u00ad\u2060\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .normalize('NFC')
    .replace(/^ +$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
