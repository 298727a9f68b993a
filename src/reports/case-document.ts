// What the letters and drafts are written from: one case as the documents read it, and the small
// kit they share for writing DOCX with the `docx` library — headings, paragraphs, gaps marked for
// the person who completes the document, and footnotes that tie each statement to its source.
import { FootnoteReferenceRun, HeadingLevel, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { RuleResult } from '../standards/types.ts';

export interface DocumentSource {
  id: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  publishedDate: string | null;
}

export interface DocumentEvent {
  id: string;
  type: string;
  date: string | null;
  dateLabel: string;
  description: string | null;
  place: { name: string } | null;
  attributes: Record<string, unknown> | null;
  claims: Array<{ stance: string; source: DocumentSource }>;
}

export interface CaseDocument {
  caseId: string;
  status: string;
  confidentiality: string;
  country: string | null;
  summary: string | null;
  person: { name: string; aliases: string[]; birthYear: number | null; gender: string | null; nationality: string | null };
  daysHeld: { label: string; ongoing: boolean; since: string | null } | null;
  periods: Array<{ start: string; end: string | null; facility: string | null; basis: string | null }>;
  events: DocumentEvent[];
  compliance: RuleResult[];
  conditions: Array<{ id: string; name: string; onset: string | null; severity: string | null; specialistCareNeeded: boolean | null; description: string | null }>;
  careRequests: Array<{ id: string; requestedOn: string; urgency: string; status: string; conditionId: string | null; description: string | null }>;
  visits: Array<{ id: string; date: string; facility: string | null; body: string | null; findings: Array<{ description: string; documentsInjuries?: boolean }>; recommendations: Array<{ text: string; followUpStatus?: string }> }>;
  sources: Array<DocumentSource & { reliability: string | null }>;
}

const countries = new Intl.DisplayNames(['en'], { type: 'region' });
export const countryName = (code: string | null) => {
  if (!code) return null;
  try {
    return countries.of(code) ?? code;
  } catch {
    return code;
  }
};

export const humanize = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replace(/_/g, ' ');

export const heading = (text: string, level: 1 | 2 = 1) =>
  new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 } });

export const para = (...children: Array<ParagraphChild | string>) =>
  new Paragraph({ children: children.map((c) => (typeof c === 'string' ? new TextRun(c) : c)), spacing: { after: 120 } });

export const bullet = (...children: Array<ParagraphChild | string>) =>
  new Paragraph({ children: children.map((c) => (typeof c === 'string' ? new TextRun(c) : c)), bullet: { level: 0 }, spacing: { after: 80 } });

/** A gap the person completing the document must fill: bold, highlighted, in brackets. */
export const GAP_MARK = 'TO COMPLETE';
export const gap = (what: string) => new TextRun({ text: `[${GAP_MARK}: ${what}]`, bold: true, highlight: 'yellow' });

/** A value, or the gap that says what is missing. */
export const valueOr = (value: string | number | null | undefined, what: string) =>
  value === null || value === undefined || value === '' ? gap(what) : new TextRun(String(value));

/**
 * Footnotes that cite sources. A word-processor numbers footnotes in the order of their marks and
 * a mark belongs to one note, so each citation is a note of its own (as "ibid." would be).
 */
export class Citations {
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  private next = 1;

  /** The footnote marks for these sources (an empty list when none). */
  cite(sources: DocumentSource[]): FootnoteReferenceRun[] {
    const unique = [...new Map(sources.map((s) => [s.id, s])).values()];
    return unique.map((s) => {
      const n = this.next++;
      const parts = [s.title ?? 'Untitled source', s.publisher, s.publishedDate, s.url].filter(Boolean);
      this.footnotes[n] = { children: [new Paragraph(parts.join(', '))] };
      return new FootnoteReferenceRun(n);
    });
  }
}

/** The sentence that states an event, at the precision of its date. */
export function eventSentence(e: DocumentEvent): string {
  const what = e.description?.trim() || humanize(e.type);
  const where = e.place ? ` (${e.place.name})` : '';
  return `${e.dateLabel === 'date unknown' ? 'At a date not known' : capitalise(e.dateLabel)}: ${what.replace(/\.$/, '')}${where}.`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The rules the case breaches, with the findings that breach them. */
export const breaches = (doc: CaseDocument) =>
  doc.compliance.filter((r) => r.status === 'breached').map((r) => ({ ...r, findings: r.findings.filter((f) => f.status === 'breached') }));
