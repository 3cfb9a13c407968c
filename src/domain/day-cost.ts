/**
 * Cost per Paris day, from the same hourly costs Home Assistant receives (`buildHourlyCost`), so a day's
 * cost is the sum of its hours everywhere it is shown. A UTC hour lies in exactly one Paris day (Paris
 * offsets are whole hours). Pure.
 */
import { type EnergyInput, hourStartOf } from './hourly.js';
import { parisDateQuick } from './paris-fast-path.js';
import { buildHourlyCost, type Tariff } from './pricing.js';
import type { LocalDate } from './types.js';

export interface DayCost {
  date: LocalDate;
  /** Integer micro-euros. */
  microEur: number;
}

export function buildDailyCost(input: EnergyInput, tariff: Tariff): DayCost[] {
  const days = new Map<LocalDate, number>();
  for (const h of buildHourlyCost(input, tariff)) {
    const date = parisDateQuick(hourStartOf(h.hourStart));
    days.set(date, (days.get(date) ?? 0) + h.microEur);
  }
  return [...days.entries()]
    .map(([date, microEur]) => ({ date, microEur }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
