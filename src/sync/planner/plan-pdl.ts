/**
 * The plan for one usage point: which streams to fetch and over which ranges, newest first. Pure.
 */
import { parisDate } from '../../domain/time.js';
import type { UsagePoint } from '../../domain/types.js';
import type { StreamName } from '../../store/repository.js';
import { callsFor, groupRanges } from './group-ranges.js';
import { maxSpanDays, streamHorizon } from './horizons.js';
import { missingDays, trailingWindowStart } from './missing-days.js';
import type { DayStream, DayStreamHolding, PdlPlanInput, PlannerOptions, SyncTask } from './types.js';

/** Day-based streams a usage point has, by its flags. */
export function dayStreamsOf(point: UsagePoint): DayStream[] {
  const out: DayStream[] = [];
  if (point.hasConsumption) out.push('consumption_daily', 'consumption_curve', 'max_power');
  if (point.hasProduction) out.push('production_daily', 'production_curve');
  return out;
}

const EMPTY: DayStreamHolding = { completeDays: new Set(), attempts: [] };

/** Tasks for one day-based stream (possibly none), newest range first. */
export function planDayStream(
  pdl: string,
  stream: DayStream,
  input: Pick<PdlPlanInput, 'today' | 'now'> & { point: UsagePoint | null; holding: DayStreamHolding | undefined },
  options: PlannerOptions,
): SyncTask[] {
  const horizon = streamHorizon(stream, input.today, input.point);
  if (horizon.start >= horizon.end) return [];
  const trailing = stream === 'tempo' ? 0 : options.trailingDays;
  const wanted = missingDays({
    horizon,
    holding: input.holding ?? EMPTY,
    now: input.now,
    trailingStart: trailingWindowStart(horizon.end, trailing),
  });
  const span = maxSpanDays(stream);
  return groupRanges(wanted, span).map((range) => ({
    pdl,
    stream,
    range,
    wanted: wanted.filter((d) => d >= range.start && d < range.end),
    calls: callsFor(range, span),
  }));
}

/** True when a rarely-changing stream (contract, address) was not refreshed yet on this Paris day. */
export function needsDailyRefresh(lastSuccessAt: number | null | undefined, now: number): boolean {
  if (lastSuccessAt === null || lastSuccessAt === undefined) return true;
  return parisDate(lastSuccessAt) !== parisDate(now);
}

export function planPdl(input: PdlPlanInput, options: PlannerOptions): SyncTask[] {
  const { point } = input;
  if (!point.isActive) return [];
  const tasks: SyncTask[] = [];
  const single = (stream: StreamName): SyncTask => ({ pdl: point.pdl, stream, range: null, wanted: [], calls: 1 });
  if (point.hasConsumption && needsDailyRefresh(input.lastSuccess.contract, input.now)) tasks.push(single('contract'));
  if (needsDailyRefresh(input.lastSuccess.address, input.now)) tasks.push(single('address'));
  for (const stream of dayStreamsOf(point)) {
    if (options.curve === false && stream.endsWith('_curve')) continue;
    tasks.push(...planDayStream(point.pdl, stream, { ...input, holding: input.holdings[stream] }, options));
  }
  return tasks;
}
