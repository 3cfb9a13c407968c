/**
 * Reads what the store holds for a stream into the planner's shape: complete days and day attempts
 * over the stream's horizon.
 */
import { parisDayHours } from '../domain/time.js';
import type { DateRange, Direction, LocalDate } from '../domain/types.js';
import { GLOBAL_PDL, type Store } from '../store/repository.js';
import type { DayStream, DayStreamHolding } from './planner/index.js';

export const CURVE_DIRECTION: Partial<Record<DayStream, Direction>> = {
  consumption_curve: 'consumption',
  production_curve: 'production',
};
export const DAILY_DIRECTION: Partial<Record<DayStream, Direction>> = {
  consumption_daily: 'consumption',
  production_daily: 'production',
};

/** A curve day is complete when its readings cover the whole local day (23, 24 or 25 hours). */
export function isCurveDayComplete(date: LocalDate, minutes: number): boolean {
  return minutes >= parisDayHours(date) * 60;
}

export async function completeDays(
  store: Store,
  pdl: string,
  stream: DayStream,
  range: DateRange,
): Promise<Set<LocalDate>> {
  const curveDir = CURVE_DIRECTION[stream];
  if (curveDir) {
    const coverage = await store.curveCoverage(pdl, curveDir, range);
    return new Set(coverage.filter((c) => isCurveDayComplete(c.date, c.minutes)).map((c) => c.date));
  }
  const dailyDir = DAILY_DIRECTION[stream];
  if (dailyDir) return new Set((await store.listDaily(pdl, dailyDir, range)).map((r) => r.date));
  if (stream === 'max_power') return new Set((await store.listMaxPower(pdl, range)).map((r) => r.date));
  return new Set((await store.listTempo(range)).map((r) => r.date));
}

export async function readHolding(
  store: Store,
  pdl: string,
  stream: DayStream,
  range: DateRange,
): Promise<DayStreamHolding> {
  const key = stream === 'tempo' ? GLOBAL_PDL : pdl;
  const [days, attempts] = await Promise.all([
    completeDays(store, key, stream, range),
    store.listDayAttempts(key, stream, range),
  ]);
  return { completeDays: days, attempts };
}
