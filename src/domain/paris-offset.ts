/**
 * The offset of Europe/Paris from UTC at an instant. Since 1977 Paris follows the European rules of the
 * tz database (summer time from 01:00 UTC on the first Sunday of April until 1980, the last Sunday of March
 * since 1981; back to winter time on the last Sunday of September until 1995, with 1 October in 1978, the
 * last Sunday of October since 1996): those are computed here. Earlier instants ask the runtime's zone
 * rules through `Intl` (loaded only then). Not creating an `Intl.DateTimeFormat` keeps about 8 MiB of ICU
 * data and 12 ms out of a process that only needs Paris (README, performance). The rules are checked
 * against the runtime's own (ICU, through Temporal) by `tests/domain/paris-time-oracle.test.ts`: a rule
 * change in a future tz database shows there.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const WINTER = HOUR_MS;
const SUMMER = 2 * HOUR_MS;
const RULES_FROM_MS = Date.UTC(1977, 0, 1);

/** 01:00 UTC on the last Sunday of a month (0-based), or on the first Sunday with `first`. */
function sundayAt1Utc(year: number, month: number, first = false): number {
  if (first) {
    const day1 = Date.UTC(year, month, 1);
    return day1 + ((7 - new Date(day1).getUTCDay()) % 7) * DAY_MS + HOUR_MS;
  }
  const last = Date.UTC(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY_MS + HOUR_MS;
}

const summerOf = new Map<number, [number, number]>();

/** The instants summer time starts and ends in `year` (1977 on). */
function summerTime(year: number): [number, number] {
  let span = summerOf.get(year);
  if (!span) {
    const start = year <= 1980 ? sundayAt1Utc(year, 3, true) : sundayAt1Utc(year, 2);
    const end = year === 1978 ? Date.UTC(1978, 9, 1, 1) : year <= 1995 ? sundayAt1Utc(year, 8) : sundayAt1Utc(year, 9);
    span = [start, end];
    summerOf.set(year, span);
  }
  return span;
}

let format: Intl.DateTimeFormat | null = null;

/** The runtime's answer, for instants before 1977 (wall-clock fields read back as UTC, minus the instant). */
function offsetFromIntl(ms: number): number {
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
  const f: Record<string, string> = {};
  for (const part of format.formatToParts(ms)) f[part.type] = part.value;
  const year = f.era?.startsWith('B') ? 1 - Number(f.year) : Number(f.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(f.month) - 1, Number(f.day));
  wall.setUTCHours(Number(f.hour), Number(f.minute), Number(f.second), 0);
  const second = Math.floor(ms / 1000) * 1000;
  return wall.getTime() - second;
}

/** The UTC year of the last instant asked, with its two changes: hot loops ask one year at a time. */
const lastYear = { from: 0, until: 0, summer: 0, winter: 0 };

function enterYear(y: number): void {
  [lastYear.summer, lastYear.winter] = summerTime(y);
  lastYear.from = Date.UTC(y, 0, 1);
  lastYear.until = Date.UTC(y + 1, 0, 1);
}

/** Offset from UTC (ms) of Paris at the instant `ms`: 3,600,000 in winter, 7,200,000 in summer. */
export function parisOffsetMs(ms: number): number {
  if (!(ms >= lastYear.from && ms < lastYear.until)) {
    if (ms < RULES_FROM_MS) return offsetFromIntl(ms);
    enterYear(new Date(ms).getUTCFullYear());
  }
  return ms >= lastYear.summer && ms < lastYear.winter ? SUMMER : WINTER;
}

/** The next instant after `ms` at which Paris changes its offset (1977 on). */
export function nextParisOffsetChange(ms: number): number {
  const year = new Date(Math.max(ms, RULES_FROM_MS)).getUTCFullYear();
  for (const y of [year, year + 1]) {
    for (const change of summerTime(y)) if (change > ms) return change;
  }
  throw new RangeError(`no Paris offset change after ${ms}`);
}
