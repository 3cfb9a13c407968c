/**
 * Reads the store into a `Snapshot`: the only I/O of the sensor catalog. The maths is in the pure
 * helpers (`calendar-periods.ts`, `period-energy.ts`).
 */

import { compareText } from '../../domain/compare-text.js';
import { sumWh } from '../../domain/energy.js';
import { parisDayHoursQuick } from '../../domain/paris-fast-path.js';
import type { Tariff } from '../../domain/pricing.js';
import { consumptionTariff, offpeakHoursOf, type Prices, productionTariff } from '../../domain/tariff.js';
import { addDays, minDate, parisMidnightUtc, parisToday } from '../../domain/time.js';
import type { CurveReading, DateRange, Direction, LocalDate } from '../../domain/types.js';
import type { Store, StoredUsagePoint } from '../../store/repository.js';
import { loadTariffContext } from '../../store/tariff-history.js';
import { currentPeriods } from './calendar-periods.js';
import { type CostSources, periodCost } from './period-cost.js';
import { type EnergySources, periodEnergy } from './period-energy.js';
import {
  type DirectionSnapshot,
  ECOWATT_DAYS,
  type LastHour,
  type PdlSnapshot,
  type Snapshot,
  type SyncSnapshot,
  type TempoSnapshot,
} from './snapshot-types.js';
import { tempoRange, tempoSnapshot } from './tempo-snapshot.js';

const HOUR_MS = 3_600_000;
const LAST_HOUR_LOOKBACK_DAYS = 7;
const MAX_POWER_LOOKBACK_DAYS = 60;

/** `prices` (EUR per kWh) adds the cost sensors' data; without it, `cost` is null everywhere. */
export async function readSnapshot(store: Store, nowMs: number, prices: Prices = {}): Promise<Snapshot> {
  const today = parisToday(nowMs);
  const points = await store.listUsagePoints();
  const states = await store.listStreamStates();
  const pdls: PdlSnapshot[] = [];
  for (const point of currentPoints(points)) {
    pdls.push(await readPdl(store, point, today, nowMs, states, prices));
  }
  return {
    takenAt: nowMs,
    today,
    pdls,
    tempo: await readTempo(store, nowMs, prices),
    ecowatt: await readEcoWatt(store, today),
  };
}

/**
 * Usage points of the latest `/pdl` listing: the sync stamps every listed point with the same
 * `lastSeenAt`, so a point seen only before that is gone from the account. Sorted by PDL.
 */
export function currentPoints(points: StoredUsagePoint[]): StoredUsagePoint[] {
  const latest = Math.max(...points.map((p) => p.lastSeenAt ?? 0));
  return points.filter((p) => (p.lastSeenAt ?? 0) === latest).sort((a, b) => compareText(a.pdl, b.pdl));
}

async function readPdl(
  store: Store,
  point: StoredUsagePoint,
  today: LocalDate,
  nowMs: number,
  states: Awaited<ReturnType<Store['listStreamStates']>>,
  prices: Prices,
): Promise<PdlSnapshot> {
  const offpeakHours = [...offpeakHoursOf(point)];
  const consumptionPrice = consumptionTariff(prices, point, await loadTariffContext(store, point.pdl));
  const maxPowers = await store.listMaxPower(point.pdl, {
    start: addDays(today, -MAX_POWER_LOOKBACK_DAYS),
    end: today,
  });
  return {
    pdl: point.pdl,
    name: point.name,
    consumption: point.hasConsumption
      ? await readDirection(store, point.pdl, 'consumption', today, consumptionPrice)
      : null,
    production: point.hasProduction
      ? await readDirection(store, point.pdl, 'production', today, productionTariff(prices))
      : null,
    lastHour: point.hasConsumption ? await readLastHour(store, point.pdl, nowMs) : null,
    maxPower: maxPowers.length ? maxPowers.reduce((a, b) => (b.date > a.date ? b : a)) : null,
    subscribedPowerKva: point.contract?.subscribedPowerKva ?? point.subscribedPowerKva,
    offpeakHours,
    pricingOption: point.pricingOption,
    contract: point.contract,
    address: point.address,
    sync: syncOf(states.filter((s) => s.pdl === point.pdl)),
  };
}

async function readDirection(
  store: Store,
  pdl: string,
  direction: Direction,
  today: LocalDate,
  tariff: Tariff | null,
): Promise<DirectionSnapshot> {
  const periods = currentPeriods(today);
  const oldest = minDate(periods.yesterday.start, minDate(periods.week.start, periods.year.start));
  const whole: DateRange = { start: oldest, end: today };
  const sources = await energySources(store, pdl, direction, whole);
  let cost: DirectionSnapshot['cost'] = null;
  if (tariff) {
    // From yesterday or the year's first day, whichever is older (on 1 January yesterday is last year).
    const costSources = await costSourcesOf(store, pdl, direction, whole, sources.daily);
    cost = {
      yesterday: periodCost(periods.yesterday, costSources, tariff),
      month: periodCost(periods.month, costSources, tariff),
      year: periodCost(periods.year, costSources, tariff),
    };
  }
  return {
    direction,
    yesterday: periodEnergy(periods.yesterday, sources),
    week: periodEnergy(periods.week, sources),
    month: periodEnergy(periods.month, sources),
    year: periodEnergy(periods.year, sources),
    cost,
  };
}

/** Daily values, plus the readings of every day of the range that has some, split by full coverage. */
async function costSourcesOf(
  store: Store,
  pdl: string,
  direction: Direction,
  range: DateRange,
  daily: ReadonlyMap<LocalDate, number>,
): Promise<CostSources> {
  const fullCurveDays = new Map<LocalDate, CurveReading[]>();
  const partialCurveDays = new Map<LocalDate, CurveReading[]>();
  if (range.start >= range.end) return { daily, fullCurveDays, partialCurveDays };
  const readings = await store.listCurve(pdl, direction, parisMidnightUtc(range.start), parisMidnightUtc(range.end));
  // Readings and coverage days are both in time order: one pass hands each day its readings.
  let i = 0;
  for (const cov of await store.curveCoverage(pdl, direction, range)) {
    const from = parisMidnightUtc(cov.date);
    const to = parisMidnightUtc(addDays(cov.date, 1));
    while (i < readings.length && readings[i]!.start < from) i++;
    const first = i;
    while (i < readings.length && readings[i]!.start < to) i++;
    const full = cov.minutes >= parisDayHoursQuick(cov.date) * 60;
    (full ? fullCurveDays : partialCurveDays).set(cov.date, readings.slice(first, i));
  }
  return { daily, fullCurveDays, partialCurveDays };
}

/** Daily values of the range, plus the full load curve of each day that has no daily value. */
async function energySources(
  store: Store,
  pdl: string,
  direction: Direction,
  range: DateRange,
): Promise<EnergySources> {
  const daily = new Map((await store.listDaily(pdl, direction, range)).map((d) => [d.date, d.wh] as const));
  const fullCurveDays = new Map<LocalDate, CurveReading[]>();
  for (const cov of await store.curveCoverage(pdl, direction, range)) {
    if (daily.has(cov.date) || cov.minutes < parisDayHoursQuick(cov.date) * 60) continue;
    const from = parisMidnightUtc(cov.date);
    fullCurveDays.set(cov.date, await store.listCurve(pdl, direction, from, parisMidnightUtc(addDays(cov.date, 1))));
  }
  return { daily, fullCurveDays };
}

/** The latest whole hour that has load-curve readings (Paris hours are whole UTC hours). */
async function readLastHour(store: Store, pdl: string, nowMs: number): Promise<LastHour | null> {
  const readings = await store.listCurve(pdl, 'consumption', nowMs - LAST_HOUR_LOOKBACK_DAYS * 86_400_000, nowMs);
  const last = readings.at(-1);
  if (!last) return null;
  const start = Math.floor(last.start / HOUR_MS) * HOUR_MS;
  const inHour = readings.filter((r) => r.start >= start && r.start < start + HOUR_MS);
  return { start, wh: sumWh(inHour), minutesCovered: inHour.reduce((n, r) => n + r.minutes, 0) };
}

function syncOf(
  states: { lastSuccessAt: number | null; lastAttemptAt: number | null; lastError: string | null }[],
): SyncSnapshot {
  const successes = states.map((s) => s.lastSuccessAt).filter((v): v is number => v !== null);
  const failing = states.filter((s) => s.lastError !== null && (s.lastAttemptAt ?? 0) >= (s.lastSuccessAt ?? 0));
  return {
    lastSuccessAt: successes.length ? Math.max(...successes) : null,
    status: failing.length ? 'error' : successes.length ? 'ok' : 'never',
    lastError: failing[0]?.lastError ?? null,
  };
}

async function readTempo(store: Store, nowMs: number, prices: Prices): Promise<TempoSnapshot> {
  return tempoSnapshot(await store.listTempo(tempoRange(nowMs)), nowMs, prices);
}

async function readEcoWatt(store: Store, today: LocalDate): Promise<Snapshot['ecowatt']> {
  const signals = await store.listEcoWatt({ start: today, end: addDays(today, ECOWATT_DAYS) });
  const byDate = new Map(signals.map((s) => [s.date, s] as const));
  return Array.from({ length: ECOWATT_DAYS }, (_, i) => byDate.get(addDays(today, i)) ?? null);
}
