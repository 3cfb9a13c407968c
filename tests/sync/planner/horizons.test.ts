import { addDays, addYears, daysBetween, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { LocalDate, UsagePoint } from '../../../src/domain/types.js';
import {
  clampToReachable,
  curveEndpoint,
  planRequests,
  type RangeEndpoint,
  reachableRange,
} from '../../../src/gateway/plan-requests.js';
import { dayStreamSpec } from '../../../src/streams/index.js';
import {
  type DayStream,
  DEFAULT_PLANNER_OPTIONS,
  dayStreamsOf,
  maxSpanDays,
  planPdl,
  STREAM_ENDPOINT,
  streamHorizon,
} from '../../../src/sync/planner/index.js';

const PDL = '09111642617347';

function point(activationDate: LocalDate | null): UsagePoint {
  return {
    id: 'uuid',
    pdl: PDL,
    name: null,
    subscribedPowerKva: 6,
    offpeakHours: [],
    pricingOption: 'BASE',
    hasConsumption: true,
    hasProduction: true,
    isActive: true,
    activationDate,
    oldestAvailableDataDate: null,
    linkedProductionPdlId: null,
  };
}

// Ordinary day, DST changes, a leap day and the days around it, a year end.
const TODAYS = ['2026-11-27', '2026-03-29', '2026-10-25', '2028-02-29', '2028-03-01', '2027-02-28', '2027-01-01'];

function fullPlan(today: LocalDate, activation: LocalDate | null) {
  const now = parisNaiveToUtc(`${today} 09:30:00`);
  return planPdl({ point: point(activation), today, now, holdings: {}, lastSuccess: {} }, DEFAULT_PLANNER_OPTIONS);
}

/** The route a task's days go through: curve days older than the batch reach take the single-window route. */
function endpointOf(stream: DayStream, range: { end: LocalDate }, today: LocalDate): RangeEndpoint {
  const older = dayStreamSpec(stream).horizon.older?.reachable(today);
  const direction = stream.startsWith('production') ? 'production' : 'consumption';
  if (older && range.end <= older.end) return curveEndpoint(direction, 'detail');
  return STREAM_ENDPOINT[stream as Exclude<DayStream, 'tempo'>];
}

/** Every route a stream's full history goes through, in the order asked, with the days it covers. */
function routesOf(
  stream: DayStream,
  today: LocalDate,
): { endpoint: RangeEndpoint; range: { start: LocalDate; end: LocalDate }; span: number }[] {
  const endpoint = STREAM_ENDPOINT[stream as Exclude<DayStream, 'tempo'>];
  const routes = [{ endpoint, range: reachableRange(endpoint, today), span: maxSpanDays(stream) }];
  const older = dayStreamSpec(stream).horizon.older;
  const olderRange = older?.reachable(today);
  if (older && olderRange && olderRange.start < olderRange.end) {
    routes.unshift({ endpoint: endpointOf(stream, olderRange, today), range: olderRange, span: older.maxSpanDays });
  }
  return routes;
}

describe('planner horizons come from the gateway client rules', () => {
  it.each(TODAYS)('on %s the planner never asks a day the client would clamp away', (today) => {
    for (const activation of [null, addDays(addYears(today, -1), -61), addDays(today, -3)]) {
      for (const task of fullPlan(today, activation)) {
        if (!task.range || task.stream === 'tempo') continue;
        const endpoint = endpointOf(task.stream as DayStream, task.range, today);
        expect([task.stream, clampToReachable(endpoint, task.range, today)]).toEqual([task.stream, task.range]);
      }
    }
  });

  it.each(TODAYS)('on %s the full-history plan covers everything reachable with the fewest calls', (today) => {
    const tasks = fullPlan(today, null);
    for (const stream of dayStreamsOf(point(null)).filter((s) => s !== 'tempo')) {
      const routes = routesOf(stream, today);
      const mine = tasks.filter((t) => t.stream === stream);
      // One task per route (single-window days grouped apart), each with the fewest calls of its route.
      expect(mine.map((t) => t.range)).toEqual(routes.map((r) => r.range));
      routes.forEach(({ endpoint, range, span }, i) => {
        const minimal = Math.ceil(daysBetween(range.start, range.end) / span);
        expect(mine[i]?.calls).toBe(minimal);
        expect(planRequests(endpoint, PDL, range, today)).toHaveLength(minimal);
      });
    }
  });

  it('raises the start to the activation date and stops consumption daily at J-2', () => {
    const horizon = streamHorizon('consumption_daily', '2026-11-27', point('2025-09-27'));
    expect(horizon).toEqual({ start: '2025-09-27', end: '2026-11-26' });
    // The batch route serves 729 days counted inclusively (from 2024-11-28); the single-window route
    // reaches Enedis' 24 months + 15 days before them, so the curve horizon starts at today-2y-15d.
    expect(streamHorizon('consumption_curve', '2026-11-27', point(null))).toEqual({
      start: '2024-11-12',
      end: '2026-11-27',
    });
    expect(reachableRange(curveEndpoint('consumption', 'batch'), '2026-11-27').start).toBe('2024-11-28');
  });

  it('has an empty horizon for a meter activated today', () => {
    const today = '2026-11-27';
    expect(fullPlan(today, today).filter((t) => t.range && t.stream !== 'tempo')).toEqual([]);
  });
});
