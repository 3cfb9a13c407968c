/**
 * Calendar arithmetic in Home Assistant's time zone (`hass.config.time_zone`), without the process or
 * browser zone: local parts come from `Intl`, and a local wall time goes back to an instant by
 * correcting a guess with the zone's offset (twice, which settles DST changes).
 */
export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  weekday: number; // 0 = Monday … 6 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

function rawParts(ms: number, zone: string): number[] {
  const out: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return [out.year!, out.month!, out.day!, out.hour!, out.minute!, out.second!];
}

export function localParts(ms: number, zone: string): LocalParts {
  const [year, month, day, hour] = rawParts(ms, zone) as [number, number, number, number];
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return { year, month, day, hour, weekday };
}

/** Offset of `zone` at `ms`, in ms (Paris in winter: +3 600 000). */
function offsetAt(ms: number, zone: string): number {
  const [y, mo, d, h, mi, s] = rawParts(ms, zone) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(ms / 1000) * 1000;
}

/** The instant of a local wall time; month and day may overflow (Date.UTC normalises them). */
export function zonedTime(zone: string, year: number, month: number, day: number, hour = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  let guess = wall - offsetAt(wall, zone);
  guess = wall - offsetAt(guess, zone);
  return guess;
}

export function startOfDay(ms: number, zone: string): number {
  const p = localParts(ms, zone);
  return zonedTime(zone, p.year, p.month, p.day);
}

export function addDays(ms: number, days: number, zone: string): number {
  const p = localParts(ms, zone);
  return zonedTime(zone, p.year, p.month, p.day + days, p.hour);
}

export function addMonths(ms: number, months: number, zone: string): number {
  const p = localParts(ms, zone);
  return zonedTime(zone, p.year, p.month + months, p.day, p.hour);
}

/** ISO date `YYYY-MM-DD` of the local day holding `ms`. */
export function localDate(ms: number, zone: string): string {
  const p = localParts(ms, zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
