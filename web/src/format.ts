// Display helpers: country names, dates of records, and text folded for search.
const regions = new Intl.DisplayNames(['en'], { type: 'region' });
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function countryName(code: string | null): string {
  if (!code) return '';
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A timestamp of a record (when it was changed), not a fact's date: those come labelled by the API. */
export const formatTimestamp = (iso: string) => dateFormat.format(new Date(iso));

/** Lower case, accents dropped: "Atambáev" finds "atambaev". */
export const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const humanize = (id: string) => {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A whole day the API gives as YYYY-MM-DD ("2022-05-22" → "22 May 2022"); anything else as it is. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? dateFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : day;
}
