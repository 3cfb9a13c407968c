import { addDays, addYears, daysBetween, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { LocalDate, UsagePoint } from '../../../src/domain/types.js';
import { clampToReachable, planRequests, reachableRange } from '../../../src/gateway/plan-requests.js';
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

describe('planner horizons come from the gateway client rules', () => {
  it.each(TODAYS)('on %s the planner never asks a day the client would clamp away', (today) => {
    for (const activation of [null, addDays(addYears(today, -1), -61), addDays(today, -3)]) {
      for (const task of fullPlan(today, activation)) {
        if (!task.range || task.stream === 'tempo') continue;
        const endpoint = STREAM_ENDPOINT[task.stream as Exclude<DayStream, 'tempo'>];
        expect([task.stream, clampToReachable(endpoint, task.range, today)]).toEqual([task.stream, task.range]);
      }
    }
  });

  it.each(TODAYS)('on %s the full-history plan covers everything reachable with the fewest calls', (today) => {
    const tasks = fullPlan(today, null);
    for (const stream of dayStreamsOf(point(null)).filter((s) => s !== 'tempo')) {
      const endpoint = STREAM_ENDPOINT[stream as Exclude<DayStream, 'tempo'>];
      const reach = reachableRange(endpoint, today);
      const mine = tasks.filter((t) => t.stream === stream);
      expect(mine.map((t) => t.range)).toEqual([reach]);
      const minimal = Math.ceil(daysBetween(reach.start, reach.end) / maxSpanDays(stream));
      expect(mine[0]?.calls).toBe(minimal);
      expect(planRequests(endpoint, PDL, reach, today)).toHaveLength(minimal);
    }
  });

  it('raises the start to the activation date and stops consumption daily at J-2', () => {
    const horizon = streamHorizon('consumption_daily', '2026-11-27', point('2025-09-27'));
    expect(horizon).toEqual({ start: '2025-09-27', end: '2026-11-26' });
    // The batch route serves 729 days counted inclusively: today-2y itself is out of its reach.
    expect(streamHorizon('consumption_curve', '2026-11-27', point(null))).toEqual({
      start: '2024-11-28',
      end: '2026-11-27',
    });
  });

  it('has an empty horizon for a meter activated today', () => {
    const today = '2026-11-27';
    expect(fullPlan(today, today).filter((t) => t.range && t.stream !== 'tempo')).toEqual([]);
  });
});
