/**
 * How far back each stream can be fetched and how many days one gateway call covers. One source of truth:
 * the gateway client's reachability rules (`ENDPOINT_RULES` in `gateway/plan-requests.ts`),
 * so the planner never asks for days the client would clamp away. Only Tempo (a free, unsplit call) has
 * its own horizon here.
 */
import { addDays, addYears, maxDate } from '../../domain/time.js';
import type { DateRange, LocalDate, UsagePoint } from '../../domain/types.js';
import {
  curveEndpoint,
  dailyEndpoint,
  ENDPOINT_RULES,
  type RangeEndpoint,
  reachableRange,
} from '../../gateway/plan-requests.js';
import type { DayStream } from './types.js';

/** The gateway endpoint the client uses for each metered stream (load curves via the batch routes). */
export const STREAM_ENDPOINT: Record<Exclude<DayStream, 'tempo'>, RangeEndpoint> = {
  consumption_daily: dailyEndpoint('consumption'),
  production_daily: dailyEndpoint('production'),
  max_power: 'maxPower',
  consumption_curve: curveEndpoint('consumption', 'batch'),
  production_curve: curveEndpoint('production', 'batch'),
};

/** Tempo: three seasons back (plenty for pricing), through tomorrow's colour; one call for any span. */
const TEMPO_HISTORY_YEARS = 3;
const TEMPO_MAX_SPAN_DAYS = 3650;

/** Most days one gateway call covers for `stream`. */
export function maxSpanDays(stream: DayStream): number {
  return stream === 'tempo' ? TEMPO_MAX_SPAN_DAYS : ENDPOINT_RULES[STREAM_ENDPOINT[stream]].maxDays;
}

/**
 * The days worth asking for (end exclusive; may be empty): what the client can reach today, raised to the
 * meter's activation and oldest data date. Consumption daily stops at J-2 (its route cannot reach J-1; the
 * engine derives J-1 from the load curve).
 */
export function streamHorizon(stream: DayStream, today: LocalDate, point: UsagePoint | null): DateRange {
  let { start, end } =
    stream === 'tempo'
      ? { start: addYears(today, -TEMPO_HISTORY_YEARS), end: addDays(today, 2) }
      : reachableRange(STREAM_ENDPOINT[stream], today);
  if (point?.activationDate) start = maxDate(start, point.activationDate);
  if (point?.oldestAvailableDataDate) start = maxDate(start, point.oldestAvailableDataDate);
  return { start, end };
}

/** First day worth asking for (see `streamHorizon`). */
export function horizonStart(stream: DayStream, today: LocalDate, point: UsagePoint | null): LocalDate {
  return streamHorizon(stream, today, point).start;
}

/** End (exclusive) of what can be fetched today (see `streamHorizon`). */
export function horizonEnd(stream: DayStream, today: LocalDate): LocalDate {
  return streamHorizon(stream, today, null).end;
}
