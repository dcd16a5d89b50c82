// One date rule for every format (front matter, a saved page's metadata): a date as written →
// ISO 8601, `YYYY-MM-DD` unless a time is given, then `YYYY-MM-DDTHH:MM[:SS[.fff]]` with the
// offset kept when one is given (SPEC §2 list --json). A day that does not exist (2025-02-30)
// is no date, and every format reports it in the same words (`dateProblem`).
const pad = (n: number) => String(n).padStart(2, '0');

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function zoneOf(zone: string): string {
  if (zone.toUpperCase() === 'Z') return 'Z';
  if (zone.length === 3) return `${zone}:00`;
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

const TIME = /\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:GMT|UTC|UT|Z|[+-]\d{2}:?\d{2})?/i;

/**
 * Date() rolls a day past the month's end over ("April 31, 2025" is 1 May): the day it reads
 * from the date part alone must be one of the numbers written.
 */
function dayAsWritten(s: string): boolean {
  const day = new Date(s.replace(TIME, ' ')).getDate();
  if (Number.isNaN(day)) return true;
  return (s.replace(TIME, ' ').match(/\b\d{1,2}\b/g) ?? []).some((n) => +n === day);
}

/** ISO date (or date and time) for a date as written; null when it is not a date. */
export function normalizeDate(value: string | null | undefined): string | null {
  const s = (value ?? '').trim();
  if (!s) return null;
  const m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, zone] = m;
    if (!isRealDay(+y, +mo, +d)) return null;
    const out = `${y}-${pad(+mo)}-${pad(+d)}`;
    if (h === undefined) return out;
    if (+h > 23 || +mi > 59 || (sec !== undefined && +sec > 60)) return null;
    const time = `T${pad(+h)}:${mi}${sec !== undefined ? `:${sec}${frac ?? ''}` : ''}`;
    return zone ? out + time + zoneOf(zone) : out + time;
  }
  // Other spellings ("Wed, 02 Apr 2025 09:30:00 GMT", "April 2, 2025", "2 April 2025"): only
  // with a year and a word, so that "12/03/2025" (day or month first?) is not guessed at.
  if (!/\b\d{4}\b/.test(s) || !/[a-z]{3}/i.test(s)) return null;
  const t = new Date(s);
  if (Number.isNaN(t.getTime()) || !dayAsWritten(s)) return null;
  if (/\d:\d\d/.test(s)) {
    // With a zone, the instant in UTC; without one, the wall-clock time as written.
    if (/\b(?:GMT|UTC|UT|Z)\b|[+-]\d{2}:?\d{2}\s*$/i.test(s)) return t.toISOString().replace(/\.000Z$/, 'Z');
    return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`;
  }
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** The problem message for a date that `normalizeDate` cannot read, the same in every format. */
export function dateProblem(written: string): string {
  return `date ${JSON.stringify(written.trim())} is not a date broadsheet can read`;
}

/**
 * An ISO date as a reader reads it: `YYYY-MM-DD`, and `HH:MM` after a space when a time is
 * given, in the page's own clock (the offset and seconds are for `list --json`). Anything else
 * is shown as written.
 */
export function displayDate(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/.exec(iso.trim());
  if (!m) return iso;
  return m[2] ? `${m[1]} ${m[2]}` : m[1];
}
