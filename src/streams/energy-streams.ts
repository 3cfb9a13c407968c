/**
 * The metered day streams of a PDL: daily energy and load curve per direction, and daily maximum power.
 * Their horizons are the gateway client's reachability rules, so the planner never asks for a day the
 * client would clamp away.
 */
import { readingWh, sumWh } from '../domain/energy.js';
import { parisDayHoursQuick, parisIsoQuick } from '../domain/paris-fast-path.js';
import { addDays, eachDay, parisMidnightUtc } from '../domain/time.js';
import type { CurveReading, DailyEnergy, DateRange, Direction, LocalDate, MaxPower } from '../domain/types.js';
import {
  curveEndpoint,
  dailyEndpoint,
  ENDPOINT_RULES,
  type RangeEndpoint,
  reachableRange,
} from '../gateway/plan-requests.js';
import type { Store } from '../store/repository.js';
import { CURVE_CODEC, DAILY_ENERGY_CODEC, MAX_POWER_CODEC } from '../store/stream-codecs.js';
import type { DayStreamSpec, Derivation, GatewayHorizon, StreamName } from './spec.js';

/** API answers stream a week at a time (`api/stream-json.ts`): memory does not grow with the range, so no cap. */
export const DAILY_READ_LIMITS = { defaultDays: 30, maxDays: Number.POSITIVE_INFINITY };
export const CURVE_READ_LIMITS = { defaultDays: 7, maxDays: Number.POSITIVE_INFINITY };

function gatewayHorizon(endpoint: RangeEndpoint): GatewayHorizon {
  return {
    endpoint,
    reachable: (today) => reachableRange(endpoint, today),
    maxSpanDays: ENDPOINT_RULES[endpoint].maxDays,
    recheckRecent: true,
  };
}

const daysOf = (rows: readonly { date: LocalDate }[]) => new Set(rows.map((r) => r.date));

/** A curve day is complete when its readings cover the whole local day (23, 24 or 25 hours). */
export function isCurveDayComplete(date: LocalDate, minutes: number): boolean {
  return minutes >= parisDayHoursQuick(date) * 60;
}

export function dailyEnergyStream<N extends StreamName>(
  name: N,
  direction: Direction,
): DayStreamSpec<DailyEnergy, GatewayHorizon, N> {
  return {
    name,
    kind: 'daily-energy',
    unit: 'day',
    owner: direction,
    energy: direction,
    horizon: gatewayHorizon(dailyEndpoint(direction)),
    codec: DAILY_ENERGY_CODEC,
    derives: null,
    api: { path: `${direction}/daily`, limits: DAILY_READ_LIMITS, json: (r) => ({ date: r.date, wh: r.wh }) },
    fetch: (client, pdl, range, options) => client.getDailyEnergy(pdl, direction, range, options),
    write: (store, pdl, rows) => store.upsertDaily(pdl, direction, rows),
    read: (store, pdl, range) => store.listDaily(pdl, direction, range),
    completeDays: async (store, pdl, range) => daysOf(await store.listDaily(pdl, direction, range)),
  };
}

async function curveDayWh(tx: Store, pdl: string, direction: Direction, date: LocalDate): Promise<number> {
  const readings = await tx.listCurve(pdl, direction, parisMidnightUtc(date), parisMidnightUtc(addDays(date, 1)));
  return Math.round(sumWh(readings));
}

/**
 * Daily totals derived from complete curve days the store has no daily value for (consumption daily J-1
 * is out of the daily route's reach). A real value fetched later overwrites it (upsert).
 */
export function dailyFromCurve(daily: StreamName, direction: Direction): Derivation {
  return {
    stream: daily,
    async run(tx, pdl, range, complete) {
      const held = daysOf(await tx.listDaily(pdl, direction, range));
      const todo = eachDay(range).filter((d) => complete.has(d) && !held.has(d));
      if (todo.length === 0) return [];
      const rows: DailyEnergy[] = [];
      for (const date of todo) rows.push({ date, wh: await curveDayWh(tx, pdl, direction, date) });
      await tx.upsertDaily(pdl, direction, rows);
      await tx.deleteDayAttempts(pdl, daily, todo);
      return todo;
    },
  };
}

/** The curve days before the batch route's 729: the single-window route still reaches them, 7 a call. */
function olderCurveDays(direction: Direction): NonNullable<GatewayHorizon['older']> {
  const detail = curveEndpoint(direction, 'detail');
  const batch = curveEndpoint(direction, 'batch');
  return {
    reachable: (today) => ({ start: reachableRange(detail, today).start, end: reachableRange(batch, today).start }),
    maxSpanDays: ENDPOINT_RULES[detail].maxDays,
  };
}

const curveRange = (range: DateRange) => [parisMidnightUtc(range.start), parisMidnightUtc(range.end)] as const;

export function curveStream<N extends StreamName>(
  name: N,
  direction: Direction,
  derives: Derivation | null,
): DayStreamSpec<CurveReading, GatewayHorizon, N> {
  return {
    name,
    kind: 'curve',
    unit: 'day',
    owner: direction,
    energy: direction,
    horizon: { ...gatewayHorizon(curveEndpoint(direction, 'batch')), older: olderCurveDays(direction) },
    codec: CURVE_CODEC,
    derives,
    api: {
      path: `${direction}/curve`,
      limits: CURVE_READ_LIMITS,
      json: (r) => ({ start: parisIsoQuick(r.start), minutes: r.minutes, w: r.w, wh: readingWh(r) }),
    },
    fetch: (client, pdl, range, options) => client.getLoadCurve(pdl, direction, range, options),
    write: (store, pdl, rows) => store.upsertCurve(pdl, direction, rows),
    read: (store, pdl, range) => store.listCurve(pdl, direction, ...curveRange(range)),
    async completeDays(store, pdl, range) {
      const coverage = await store.curveCoverage(pdl, direction, range);
      return new Set(coverage.filter((c) => isCurveDayComplete(c.date, c.minutes)).map((c) => c.date));
    },
  };
}

export const MAX_POWER: DayStreamSpec<MaxPower, GatewayHorizon, 'max_power'> = {
  name: 'max_power',
  kind: 'max-power',
  unit: 'day',
  owner: 'consumption',
  energy: null,
  horizon: gatewayHorizon('maxPower'),
  codec: MAX_POWER_CODEC,
  derives: null,
  api: {
    path: 'max-power',
    limits: DAILY_READ_LIMITS,
    json: (r) => ({ date: r.date, va: r.va, at: parisIsoQuick(r.at) }),
  },
  fetch: (client, pdl, range, options) => client.getMaxPower(pdl, range, options),
  write: (store, pdl, rows) => store.upsertMaxPower(pdl, rows),
  read: (store, pdl, range) => store.listMaxPower(pdl, range),
  completeDays: async (store, pdl, range) => daysOf(await store.listMaxPower(pdl, range)),
};
