/**
 * How far back each day stream can be fetched and how many days one gateway call covers, as the stream
 * table says (`streams/`): metered streams take their gateway route's reachability rules
 * (`gateway/plan-requests.ts`), so the planner never asks for days the
 * client would clamp away.
 */
import { maxDate, minDate } from '../../domain/time.js';
import type { DateRange, LocalDate, UsagePoint } from '../../domain/types.js';
import { dayStreamSpec, gatewayEndpoints } from '../../streams/index.js';
import type { DayStream } from './types.js';

/** The gateway endpoint the client uses for each metered stream (load curves via the batch routes). */
export const STREAM_ENDPOINT = gatewayEndpoints();

/** Most days one gateway call covers for `stream`. */
export function maxSpanDays(stream: DayStream): number {
  return dayStreamSpec(stream).horizon.maxSpanDays;
}

/**
 * The days worth asking for (end exclusive; may be empty): what the client can reach today, raised to the
 * meter's activation and oldest data date. Consumption daily stops at J-2 (its route cannot reach J-1; the
 * engine derives J-1 from the load curve).
 */
export function streamHorizon(stream: DayStream, today: LocalDate, point: UsagePoint | null): DateRange {
  const horizon = dayStreamSpec(stream).horizon;
  let { start, end } = horizon.reachable(today);
  const older = horizon.older?.reachable(today);
  if (older && older.start < older.end) start = minDate(start, older.start);
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
