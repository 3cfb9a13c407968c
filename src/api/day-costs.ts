/**
 * Cost per Paris day of a range, priced by the tariff engine a month of readings at a time: what the cost
 * route answers and what the aggregate route splits by tariff period (the same amounts as Home Assistant's
 * per-period statistics, from `buildDailyCost`).
 */
import { buildDailyCost, type DayCost } from '../domain/day-cost.js';
import type { Tariff } from '../domain/pricing.js';
import { parisMidnightUtc } from '../domain/time.js';
import type { DateRange, Direction } from '../domain/types.js';
import type { Store } from '../store/repository.js';
import { splitRange } from './stream-json.js';

export async function dayCosts(
  store: Store,
  pdl: string,
  direction: Direction,
  range: DateRange,
  tariff: Tariff,
): Promise<DayCost[]> {
  const days: DayCost[] = [];
  for (const piece of splitRange(range, 31)) {
    const curve = await store.listCurve(pdl, direction, parisMidnightUtc(piece.start), parisMidnightUtc(piece.end));
    const daily = await store.listDaily(pdl, direction, piece);
    days.push(...buildDailyCost({ curve, daily }, tariff));
  }
  return days;
}

/** EUR of integer micro-euros. */
export const eurOf = (micro: number) => micro / 1e6;
/** Wh to the mWh from integer watt-minutes. */
export const whOf = (wattMinutes: number) => Math.round((wattMinutes / 60) * 1000) / 1000;
