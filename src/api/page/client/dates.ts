/**
 * Paris calendar days (`YYYY-MM-DD`) as the API counts them. "Today" is the server's: the Paris date of
 * `api/status`'s `now` (an instant written with the Paris offset), so the page agrees with the API even
 * when the browser's clock or time zone differ.
 */
export type Day = string;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const fromUtc = (ms: number): Day => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const parts = (day: Day) => [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))] as const;

/** The Paris date of an ISO instant written with the Paris offset (`2026-11-27T12:00:00+01:00`). */
export const parisDay = (iso: string): Day => iso.slice(0, 10);

export function addDays(day: Day, n: number): Day {
  const [y, m, d] = parts(day);
  return fromUtc(Date.UTC(y, m - 1, d + n));
}

export function addMonths(day: Day, n: number): Day {
  const [y, m, d] = parts(day);
  return fromUtc(Date.UTC(y, m - 1 + n, d));
}

/** The same calendar day `n` years later (29 February becomes 1 March). */
export function addYears(day: Day, n: number): Day {
  const [y, m, d] = parts(day);
  return fromUtc(Date.UTC(y + n, m - 1, d));
}

export const monthStart = (day: Day): Day => `${day.slice(0, 7)}-01`;
export const yearStart = (day: Day): Day => `${day.slice(0, 4)}-01-01`;

/** Days in `[start, end)`. */
export const daysBetween = (start: Day, end: Day): number => (Date.parse(end) - Date.parse(start)) / 86_400_000;

/** Noon UTC of the day, for formatting it with a `timeZone: 'UTC'` formatter. */
export const dayMs = (day: Day): number => Date.parse(`${day}T12:00:00Z`);
