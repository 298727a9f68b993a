// Sentences with their offsets. Intl.Segmenter (ICU, built into Node) knows abbreviations and
// quotes better than a regular expression; we only add what news texts need on top: a headline
// or dateline line is a sentence of its own.
import type { Span } from './types.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    // A line break inside a segment separates a headline from the text that follows.
    let offset = 0;
    for (const part of segment.split(/\n\s*\n|\n(?=[A-Z"“])/)) {
      const at = segment.indexOf(part, offset);
      offset = at + part.length;
      const trimmedStart = part.length - part.trimStart().length;
      const body = part.trim();
      if (body) out.push({ text: body, start: index + at + trimmedStart, end: index + at + trimmedStart + body.length });
    }
  }
  return out;
}
