// What every rule needs about one case, computed once per evaluation: parsed dates (each text
// parsed once), events by id and by type, and when observation ends (today while the person is
// held, the end of custody otherwise).
import { formatPreciseDate, tryParsePreciseDate, type PreciseDate } from '../domain/dates.ts';
import type { EventType } from '../domain/vocabularies.ts';
import type { Bounds } from './time.ts';
import type { CaseEvent, CaseFile } from './types.ts';

/** Where the clock stops for a request nobody answered. */
export interface ObservationEnd {
  bounds: Bounds;
  /** 'today (23 November 2026)', 'the end of custody (March 2023)' */
  label: string;
}

const NO_BOUNDS: Bounds = { earliest: null, latest: null };

// Parsing and formatting are pure functions of the text, and the same texts ('2019', '2022-03',
// a given day) recur across the cases of a run: a bounded memo shared by evaluations saves most
// of the work of a run over every case. Each evaluation still keeps its own map (below).
const MEMO_LIMIT = 50_000;
const parseMemo = new Map<string, PreciseDate | null>();
const formatMemo = new Map<string, string>();

function memo<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined && !map.has(key)) {
    value = make();
    if (map.size >= MEMO_LIMIT) map.clear();
    map.set(key, value);
  }
  return value as T;
}

function parse(text: string): PreciseDate | null {
  return memo(parseMemo, text, () => {
    const r = tryParsePreciseDate(text);
    return r.ok ? r.value : null;
  });
}
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class CaseContext {
  readonly file: CaseFile;
  readonly today: string;
  private byId: Map<string, CaseEvent> | undefined;
  private readonly byType = new Map<EventType, CaseEvent[]>();
  private readonly parsed = new Map<string, PreciseDate | null>();
  private observationEnd: ObservationEnd | undefined;

  constructor(file: CaseFile, today: string) {
    const t = DAY.test(today) ? tryParsePreciseDate(today) : null;
    if (!t?.ok) throw new RangeError(`today must be a day (YYYY-MM-DD), got "${today}"`);
    this.file = file;
    this.today = today;
    for (const e of file.events) {
      const list = this.byType.get(e.type);
      if (list) list.push(e);
      else this.byType.set(e.type, [e]);
    }
  }

  event(id: string): CaseEvent | undefined {
    this.byId ??= new Map(this.file.events.map((e) => [e.id, e]));
    return this.byId.get(id);
  }

  events(...types: EventType[]): CaseEvent[] {
    if (types.length === 1) return this.byType.get(types[0]!) ?? [];
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }

  /** The parsed date, or null when there is none or it cannot be read (treated as undated). */
  date(text: string | null | undefined): PreciseDate | null {
    if (text === null || text === undefined) return null;
    let d = this.parsed.get(text);
    if (d === undefined) {
      d = parse(text);
      this.parsed.set(text, d);
    }
    return d;
  }

  /** First and last possible day; both null when undated. */
  bounds(text: string | null | undefined): Bounds {
    return this.date(text) ?? NO_BOUNDS;
  }

  /** 'dated 14 May 2022', 'dated before 14 May 2022', 'undated'. */
  dated(text: string | null | undefined): string {
    const d = this.date(text);
    return d ? `dated ${this.format(d)}` : 'of unknown date';
  }

  format(d: PreciseDate): string {
    return memo(formatMemo, d.text, () => formatPreciseDate(d));
  }

  /** The latest detention period by start (the current one while the person is held). */
  lastPeriod(): CaseFile['detentionPeriods'][number] | undefined {
    let last: CaseFile['detentionPeriods'][number] | undefined;
    let key = '';
    for (const p of this.file.detentionPeriods) {
      const b = this.bounds(p.start);
      const k = b.earliest ?? b.latest ?? '';
      if (last === undefined || k >= key) [last, key] = [p, k];
    }
    return last;
  }

  /**
   * Where an unanswered obligation's clock stops. While the person is held (status detained, or
   * unknown with nothing recorded as ending custody), today. Otherwise the end of custody: the
   * last detention period's end, and release or death-in-custody events of that period, taking
   * the earliest bounds among them (the safe side: a shorter gap never raises a false alarm).
   * When custody ended but no date is on record, the end is unknown (any day up to today).
   */
  get end(): ObservationEnd {
    if (this.observationEnd) return this.observationEnd;
    const todayEnd: ObservationEnd = {
      bounds: { earliest: this.today, latest: this.today },
      label: `today (${this.format(this.date(this.today)!)})`,
    };
    if (this.file.status === 'detained') return (this.observationEnd = todayEnd);
    const last = this.lastPeriod();
    const lastStart = last ? this.bounds(last.start) : NO_BOUNDS;
    const ends: PreciseDate[] = [];
    const periodEnd = last ? this.date(last.end) : null;
    if (periodEnd) ends.push(periodEnd);
    for (const e of this.events('release', 'death_in_custody')) {
      const d = this.date(e.date);
      if (!d) continue;
      // A release from an earlier period does not end the last one.
      if (d.latest !== null && lastStart.earliest !== null && d.latest < lastStart.earliest) continue;
      ends.push(d);
    }
    if (ends.length === 0) {
      if (this.file.status === 'unknown' && (!last || last.end === null)) return (this.observationEnd = todayEnd);
      return (this.observationEnd = {
        bounds: { earliest: null, latest: this.today },
        label: 'the end of custody (date not on record)',
      });
    }
    let chosen = ends[0]!;
    let earliest: string | null = chosen.earliest;
    let latest = chosen.latest ?? this.today;
    for (const d of ends.slice(1)) {
      if (earliest !== null && (d.earliest === null || d.earliest < earliest)) {
        earliest = d.earliest;
        chosen = d;
      }
      if (d.latest !== null && d.latest < latest) latest = d.latest;
    }
    return (this.observationEnd = {
      bounds: { earliest, latest },
      label: `the end of custody (${this.format(chosen)})`,
    });
  }

  /** True when the record surely falls after custody ended (custody standards no longer apply). */
  afterEnd(b: Bounds): boolean {
    const endLatest = this.end.bounds.latest;
    return b.earliest !== null && endLatest !== null && b.earliest > endLatest;
  }
}
