/**
 * The offset of Europe/Paris from UTC at an instant, from the time-zone rules of the runtime's ICU data
 * (the same rules the Temporal polyfill read through `Intl`, without loading it). Since 1911 Paris has
 * changed its offset only at whole UTC hours, so the answer is kept per UTC hour: a map lookup for the
 * hot loops after the first call in an hour.
 */
const HOUR_MS = 3_600_000;
/** From 1911 on (the end of Paris Mean Time, +00:09:21), every change falls on a whole UTC hour. */
const HOURLY_FROM_MS = Date.UTC(1911, 2, 11);
const PART_INDEX: Record<string, number> = { year: 0, month: 1, day: 2, hour: 3, minute: 4, second: 5 };

let format: Intl.DateTimeFormat | null = null;
const byHour = new Map<number, number>();

function wallClock(ms: number): number {
  format ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const f = [0, 1, 1, 0, 0, 0];
  let bc = false;
  for (const part of format.formatToParts(ms)) {
    const i = PART_INDEX[part.type];
    if (i !== undefined) f[i] = Number(part.value);
    else if (part.type === 'era') bc = part.value.startsWith('B');
  }
  const year = bc ? 1 - f[0]! : f[0]!;
  const at = new Date(0);
  at.setUTCFullYear(year, f[1]! - 1, f[2]!);
  at.setUTCHours(f[3]!, f[4]!, f[5]!, 0);
  return at.getTime();
}

/** Offset from UTC (ms) of Paris at the instant `ms`: 3,600,000 in winter, 7,200,000 in summer. */
export function parisOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const hit = byHour.get(hour);
  if (hit !== undefined) return hit;
  const second = Math.floor(ms / 1000) * 1000;
  const offset = wallClock(second) - second;
  if (ms >= HOURLY_FROM_MS) {
    if (byHour.size > 400_000) byHour.clear();
    byHour.set(hour, offset);
  }
  return offset;
}
