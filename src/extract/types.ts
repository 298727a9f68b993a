// The output of extraction, exactly as DESIGN.md's contract for `habeas extract` gives it.
// Offsets index the plain text that was passed in.

export interface Span {
  text: string;
  start: number;
  end: number;
}

export type PersonRole = 'detainee' | 'official' | 'judge' | 'lawyer' | 'advocate' | 'relative' | 'other';
export type OrganizationKind = 'court' | 'ngo' | 'party' | 'government' | 'prison' | 'international' | 'media' | 'other';
export type PlaceKind = 'country' | 'city' | 'facility' | 'other';
export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

export interface ExtractedPerson {
  name: string;
  role: PersonRole;
  mentions: Span[];
}
export interface ExtractedOrganization {
  name: string;
  kind: OrganizationKind;
  mentions: Span[];
}
export interface ExtractedPlace {
  name: string;
  kind: PlaceKind;
  mentions: Span[];
}
export interface ExtractedEvent {
  type: string;
  date: string | null;
  precision: DatePrecision;
  subject: string | null;
  evidence: Span;
  confidence: number;
}

export interface Extraction {
  persons: ExtractedPerson[];
  organizations: ExtractedOrganization[];
  places: ExtractedPlace[];
  events: ExtractedEvent[];
}

export interface ExtractOptions {
  /** The document's publication day (YYYY-MM-DD): relative dates ("on Tuesday") resolve against it. */
  published?: string | null;
}
