// Metadata helpers shared by the readers: dates brought to YYYY-MM-DD / YYYY-MM / YYYY at the
// precision the document gives, and the byline, date line and dateline a text states near its top.
import * as chrono from 'chrono-node';
import { isValidPreciseDate } from '../domain/dates.ts';

export interface DocumentMeta {
  title?: string;
  author?: string;
  publisher?: string;
  published?: string;
  language?: string;
}

const REFERENCE = new Date(Date.UTC(2000, 0, 1));

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as a machine or a person wrote it — ISO 8601 (`2022-05-14T09:00:00+05:00` keeps the
 * day it was written on), a PDF date (`D:20220514…`), or words (`14 May 2022`, `March 2023`) —
 * as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; undefined if it is no date or has no year.
 */
export function dateValue(raw: string | undefined | null): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  const m =
    s.match(/^D:(\d{4})(\d{2})?(\d{2})?/) ??
    s.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|T|\s)/) ??
    s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return dateLine(s, false);
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : undefined;
  const d = m[3] ? Number(m[3]) : undefined;
  if (y < 1000) return undefined;
  if (mo === undefined) return String(y);
  if (mo < 1 || mo > 12) return undefined;
  if (d === undefined) return `${y}-${pad(mo)}`;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  return isValidPreciseDate(day) ? day : undefined;
}

const DATE_WORDS = /^(?:[\s,.:;|/()[\]–—-]|published|posted|first|last|updated|modified|date[d]?|on|at|gmt|utc|bst|cet|cest|est|edt|pst|pdt|msk|am|pm)*$/i;

/**
 * The date a short line states and nothing else besides words such as "Published", a weekday and a
 * time: `14 May 2022`, `Posted on March 5, 2023`, `Monday, 14 May 2022 10:32 BST`, `May 2022`.
 */
export function dateLine(line: string, strict = true): string | undefined {
  const text = line.trim();
  if (!text || text.length > 80) return undefined;
  if (/^(19|20)\d{2}$/.test(text)) return text;
  // "Bishkek, 14 May 2022": a place, then the date.
  const placed = strict ? text.match(/^\p{Lu}[\p{L} .'-]{1,30},\s+(.+)$/u) : null;
  if (placed) return dateLine(placed[1]!);
  const results = chrono.en.GB.parse(text, REFERENCE, { forwardDate: false });
  const first = results[0];
  if (!first) return undefined;
  if (strict) {
    let rest = text;
    for (const r of results) rest = rest.replace(r.text, ' ');
    if (!DATE_WORDS.test(rest)) return undefined;
  }
  const start = first.start;
  if (!start.isCertain('year')) return undefined;
  const y = start.get('year')!;
  if (!start.isCertain('month')) return String(y);
  const m = start.get('month')!;
  if (!start.isCertain('day')) return `${y}-${pad(m)}`;
  return `${y}-${pad(m)}-${pad(start.get('day')!)}`;
}

const NAME_WORD = String.raw`(?:\p{Lu}[\p{Ll}\p{Lu}'’-]*\.?|\p{Lu}\.)`;
const PARTICLE = String.raw`(?:van|von|de|del|da|der|den|di|du|la|le|bin|ibn|al|el|ul)`;
const PERSON = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)*${NAME_WORD}){1,4}`;
const AUTHORS = new RegExp(String.raw`^(${PERSON}(?:\s*(?:&|\band\b)\s*${PERSON})*)`, 'u');
const BYLINE = /^(?:by|written by|words by|posted by|reported by|text by|story by|authors?:|byline:)\s*(.+)$/iu;

/** A byline such as `By Jane Doe`, `Written by Ali Karimov and Jane Doe | 14 May 2022`. */
export function bylineOf(line: string): { author: string; published?: string } | undefined {
  const m = line.trim().match(BYLINE);
  if (!m || line.length > 160) return undefined;
  const names = m[1]!.match(AUTHORS);
  if (!names) return undefined;
  const author = names[1]!.replace(/[\s,&]+$/, '').trim();
  const rest = m[1]!.slice(names[0].length).replace(/^\s*(?:[|,;·•–—-]|\bon\b|\bpublished\b)+\s*/i, '');
  // "By Jane Doe, Human Rights Watch": the name only. "By the time…" never matched a name.
  const published = rest ? dateLine(rest) : undefined;
  return published ? { author, published } : { author };
}

/** A news dateline opening the first paragraph: `BISHKEK, 14 May 2022 — …`, `Almaty (Reuters), March 5, 2023 - …`. */
export function datelineOf(paragraph: string): string | undefined {
  const m = paragraph.match(/^\p{Lu}[\p{L}.' -]{1,40}?(?:\s*\([^)]{1,40}\))?,\s+([^—–\n]{4,40}?)\s*(?:—|–|--?|:)\s/u);
  return m ? dateLine(m[1]!) : undefined;
}

/**
 * The byline, date line, dateline and (for plain text) title near the top of a text. Only lines
 * that say nothing else are taken, so a sentence that merely mentions a date is never read as one.
 */
export function headMeta(text: string, options: { title: boolean }): DocumentMeta {
  const meta: DocumentMeta = {};
  const lines = text.split('\n');
  const head: Array<{ line: string; index: number }> = [];
  for (let i = 0; i < lines.length && head.length < 12; i++) if (lines[i]!.trim()) head.push({ line: lines[i]!.trim(), index: i });
  let updated: string | undefined;
  for (const { line } of head) {
    if (!meta.author) {
      const byline = bylineOf(line);
      if (byline) {
        meta.author = byline.author;
        if (byline.published && !meta.published) meta.published = byline.published;
        continue;
      }
    }
    if (!meta.published && line.length <= 80) {
      const date = dateLine(line);
      if (date) {
        if (/updated|modified/i.test(line)) updated ??= date;
        else meta.published = date;
        continue;
      }
    }
  }
  if (!meta.published) {
    const firstParagraph = head.find(({ line }) => line.length > 80)?.line;
    meta.published = (firstParagraph && datelineOf(firstParagraph)) || updated;
  }
  if (options.title && head[0] && head.length > 1) {
    const { line, index } = head[0];
    const next = lines[index + 1]?.trim() ?? '';
    const standsAlone = next === '' || Boolean(bylineOf(next) || dateLine(next));
    if (index === 0 && standsAlone && line.length <= 150 && !/[.!?:;,]$/.test(line) && !bylineOf(line) && !dateLine(line)) meta.title = line;
  }
  for (const key of Object.keys(meta) as Array<keyof DocumentMeta>) if (meta[key] === undefined) delete meta[key];
  return meta;
}
