/**
 * Cost per Paris day, from the same hourly costs Home Assistant receives (`buildHourlyEnergyCost`), so a
 * day's cost is the sum of its hours everywhere it is shown; with the day's split by tariff period. A
 * UTC hour lies in exactly one Paris day (Paris offsets are whole hours). Pure.
 */

import { compareText } from './compare-text.js';
import { buildHourlyEnergyCost, type EnergyInput, hourStartOf } from './hourly.js';
import { parisDateQuick } from './paris-fast-path.js';
import type { Tariff } from './pricing.js';
import type { TariffPeriod } from './tariff-period.js';
import type { LocalDate } from './types.js';

export interface PeriodTotal {
  /** Integer watt-minutes (Wh × 60). */
  wattMinutes: number;
  /** Integer micro-euros. */
  microEur: number;
}

export interface DayCost {
  date: LocalDate;
  /** Integer micro-euros. */
  microEur: number;
  /** Integer watt-minutes of the day. */
  wattMinutes: number;
  /** The day per tariff period (in the tariff's period order); adds up to the day exactly. */
  periods: Partial<Record<TariffPeriod, PeriodTotal>>;
}

export function buildDailyCost(input: EnergyInput, tariff: Tariff): DayCost[] {
  const days = new Map<LocalDate, DayCost>();
  for (const h of buildHourlyEnergyCost(input, tariff)) {
    const date = parisDateQuick(hourStartOf(h.hourStart));
    let day = days.get(date);
    if (!day) {
      day = { date, microEur: 0, wattMinutes: 0, periods: {} };
      days.set(date, day);
    }
    day.microEur += h.microEur;
    day.wattMinutes += h.wattMinutes;
    for (const p of h.periods) {
      const total = day.periods[p.period] ?? { wattMinutes: 0, microEur: 0 };
      day.periods[p.period] = total;
      total.wattMinutes += p.wattMinutes;
      total.microEur += p.microEur;
    }
  }
  return [...days.values()].sort((a, b) => compareText(a.date, b.date));
}
