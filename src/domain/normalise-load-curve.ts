/**
 * Load-curve readings from the v2 gateway → `CurveReading`s with exact UTC interval starts.
 *
 * The v2 gateway labels each reading with its interval START, obtained by naively subtracting
 * `interval_length` from Enedis' END label. That loses information on DST days, so each label is turned
 * back into its end label (+interval, naive), resolved in Europe/Paris (the first occurrence of an
 * ambiguous time is summer time, the second winter time: occurrences are told apart by their ORDER in
 * the response), and the interval is then subtracted in absolute time. Readings are never deduplicated
 * by label: the spring-forward day has 46 half-hours, the fall-back day 50.
 */
import { parisNaiveToUtcQuick, steadyParisOffsetMs } from './paris-fast-path.js';
import { addNaiveMinutes, parisNaiveToUtc } from './time.js';
import type { CurveReading } from './types.js';

export interface RawCurveReading {
  /** Average power over the interval, integer W. */
  value: number;
  /** Naive Paris wall-clock label, `YYYY-MM-DD HH:MM:SS`. */
  date: string;
  /** ISO 8601 duration (`PT30M`, `PT60M`, `PT15M`, `PT10M`, `PT1H`); PT30M when absent. */
  intervalLength?: string | null;
}

export type LabelConvention = 'start' | 'end' | 'auto';

export interface NormalisedCurve {
  readings: CurveReading[];
  /** The labels were found (or declared) to be interval ENDS. */
  endLabelled: boolean;
}

const DURATION_RE = /^PT(?:(\d+)H)?(?:(\d+)M)?$/i;
const knownLengths = new Map<string, number>();

/** Minutes of an ISO 8601 interval length; 30 when absent. Throws on an unknown shape. */
export function intervalMinutes(length: string | null | undefined): number {
  if (!length) return 30;
  const known = knownLengths.get(length);
  if (known !== undefined) return known;
  const m = DURATION_RE.exec(length.trim());
  const minutes = m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : 0;
  if (!minutes) throw new RangeError(`unknown interval_length ${JSON.stringify(length)}`);
  if (knownLengths.size < 100) knownLengths.set(length, minutes);
  return minutes;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
function isLabel(s: string): boolean {
  if (s.length !== 19 || s[4] !== '-' || s[7] !== '-' || s[10] !== ' ' || s[13] !== ':' || s[16] !== ':') return false;
  for (const i of DIGITS) if (!(digit(s, i) >= 0 && digit(s, i) <= 9)) return false;
  return true;
}

/**
 * The start instant of a start-labelled reading whose interval ends on the same ordinary day (one
 * offset all day): the label itself in Paris time, read without building any string. Null otherwise
 * (the general path then resolves it through the end label).
 */
function ordinaryDayStart(label: string, minutes: number): number | null {
  if (!isLabel(label)) return null;
  const hour = two(label, 11);
  const minute = two(label, 14);
  const second = two(label, 17);
  if (minute > 59 || second > 59 || hour * 60 + minute + minutes >= 24 * 60) return null;
  const offset = steadyParisOffsetMs(label.slice(0, 10));
  if (offset === null) return null;
  const year = two(label, 0) * 100 + two(label, 2);
  const utc = Date.UTC(year, two(label, 5) - 1, two(label, 8), hour, minute, second);
  return Number.isNaN(utc) ? null : utc - offset;
}

function timeOfDay(label: string): string {
  return label.trim().slice(11, 16);
}

/**
 * End-labelled data (v1, raw Enedis) runs `00:30 … 24:00` (the next day's `00:00`). Detected when the
 * first reading sits one interval after midnight and the last one at midnight of a later day.
 */
export function looksEndLabelled(raw: readonly RawCurveReading[]): boolean {
  if (raw.length < 2) return false;
  const first = raw[0]!;
  const last = raw[raw.length - 1]!;
  const expectedFirst = addNaiveMinutes(`${first.date.slice(0, 10)} 00:00:00`, intervalMinutes(first.intervalLength));
  return (
    timeOfDay(first.date) === timeOfDay(expectedFirst) &&
    timeOfDay(last.date) === '00:00' &&
    last.date.slice(0, 10) > first.date.slice(0, 10)
  );
}

/** Resolves end labels in Paris; the n-th occurrence of an ambiguous label picks summer, then winter. */
function endInstant(endLabel: string, seen: Map<string, number>): number {
  // Only wall times between 02:00 and 03:00 of a DST-change day can be ambiguous in Europe/Paris.
  if (endLabel.slice(11, 13) !== '02' || steadyParisOffsetMs(endLabel.slice(0, 10)) !== null) {
    return parisNaiveToUtcQuick(endLabel);
  }
  const earlier = parisNaiveToUtc(endLabel, 'earlier');
  const later = parisNaiveToUtc(endLabel, 'later');
  if (earlier === later) return earlier;
  const count = seen.get(endLabel) ?? 0;
  seen.set(endLabel, count + 1);
  return count === 0 ? earlier : later;
}

export function normaliseLoadCurve(
  raw: readonly RawCurveReading[],
  convention: LabelConvention = 'start',
): NormalisedCurve {
  const endLabelled = convention === 'end' || (convention === 'auto' && looksEndLabelled(raw));
  const seen = new Map<string, number>();
  const readings = raw.map((r): CurveReading => {
    const minutes = intervalMinutes(r.intervalLength);
    const label = r.date.trim().replace('T', ' ');
    const quick = endLabelled ? null : ordinaryDayStart(label, minutes);
    if (quick !== null) return { start: quick, minutes, w: r.value };
    const endLabel = endLabelled ? addNaiveMinutes(label, 0) : addNaiveMinutes(label, minutes);
    return { start: endInstant(endLabel, seen) - minutes * 60_000, minutes, w: r.value };
  });
  return { readings, endLabelled };
}
