/**
 * The plan for one usage point: which streams to fetch and over which ranges, newest first. Pure.
 */
import { addDays, minDate, parisDate } from '../../domain/time.js';
import type { DateRange, LocalDate, UsagePoint } from '../../domain/types.js';
import { type DayHorizon, dayStreamSpec, isDayStream, type StreamName, streamsOf } from '../../streams/index.js';
import { callsFor, groupRanges } from './group-ranges.js';
import { maxSpanDays, streamHorizon } from './horizons.js';
import { missingDays, trailingWindowStart } from './missing-days.js';
import type { DayStream, DayStreamHolding, PdlPlanInput, PlannerOptions, SyncTask } from './types.js';

/** Day-based streams a usage point has, by its flags (the stream table's owners). */
export function dayStreamsOf(point: UsagePoint): DayStream[] {
  return streamsOf(point)
    .filter(isDayStream)
    .map((s) => s.name);
}

const EMPTY: DayStreamHolding = { completeDays: new Set(), attempts: [] };

/** Tasks for one day-based stream (possibly none), newest range first. */
export function planDayStream(
  pdl: string,
  stream: DayStream,
  input: Pick<PdlPlanInput, 'today' | 'now'> & { point: UsagePoint | null; holding: DayStreamHolding | undefined },
  options: PlannerOptions,
): SyncTask[] {
  const spec = dayStreamSpec(stream).horizon;
  const horizon = publishedHorizon(streamHorizon(stream, input.today, input.point), spec, input.now);
  if (horizon.start >= horizon.end) return [];
  const trailing = spec.recheckRecent ? options.trailingDays : 0;
  const wanted = missingDays({
    horizon,
    holding: input.holding ?? EMPTY,
    now: input.now,
    trailingStart: trailingWindowStart(horizon.end, trailing),
    pollStart: spec.published ? addDays(horizon.end, -spec.published.pollDays) : undefined,
  });
  // Days only the slower route reaches are grouped apart, by its own span, and asked first: the
  // single-window route drops the last missing day before a day its cache already holds, so asked after
  // the batch it would lose the day just before the batch's oldest.
  const olderEnd = spec.older?.reachable(input.today).end;
  const parts: [LocalDate[], number][] = olderEnd
    ? [
        [wanted.filter((d) => d < olderEnd), spec.older?.maxSpanDays ?? 1],
        [wanted.filter((d) => d >= olderEnd), maxSpanDays(stream)],
      ]
    : [[wanted, maxSpanDays(stream)]];
  return parts.flatMap(([days, span]) =>
    groupRanges(days, span).map((range) => ({
      pdl,
      stream,
      range,
      wanted: days.filter((d) => d >= range.start && d < range.end),
      calls: callsFor(range, span),
    })),
  );
}

/** The horizon cut to the days that can be published at `now` (Tempo's tomorrow from 10:30 Paris). */
function publishedHorizon(range: DateRange, horizon: DayHorizon, now: number): DateRange {
  return horizon.published ? { start: range.start, end: minDate(range.end, horizon.published.end(now)) } : range;
}

/** True when a rarely-changing stream (contract, address) was not refreshed yet on this Paris day. */
export function needsDailyRefresh(lastSuccessAt: number | null | undefined, now: number): boolean {
  if (lastSuccessAt === null || lastSuccessAt === undefined) return true;
  return parisDate(lastSuccessAt) !== parisDate(now);
}

/** One call refreshing a snapshot stream (contract, address, EcoWatt). */
export function snapshotTask(pdl: string, stream: StreamName): SyncTask {
  return { pdl, stream, range: null, wanted: [], calls: 1 };
}

export function planPdl(input: PdlPlanInput, options: PlannerOptions): SyncTask[] {
  const { point } = input;
  if (!point.isActive) return [];
  const tasks: SyncTask[] = [];
  for (const spec of streamsOf(point)) {
    if (spec.unit === 'snapshot') {
      if (needsDailyRefresh(input.lastSuccess[spec.name], input.now)) tasks.push(snapshotTask(point.pdl, spec.name));
    } else if (options.curve !== false || spec.kind !== 'curve') {
      const holding = input.holdings[spec.name];
      tasks.push(...planDayStream(point.pdl, spec.name, { ...input, holding }, options));
    }
  }
  return tasks;
}
