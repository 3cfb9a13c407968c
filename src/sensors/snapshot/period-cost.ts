/**
 * Cost of a period of local days, pure. Same days as the period's energy (`period-energy.ts`): a day
 * whose load curve covers the whole day is priced reading by reading (so HC/HP is exact); a day known
 * by its daily value is priced like Home Assistant's cost statistic: its partial curve readings at their
 * own times and the rest spread over the hours they miss (`fill-curve-gaps.ts`), or, without any
 * reading, at the tariff's day-weighted price; a day with neither is missing. Sums are integer
 * micro-euros (`buildHourlyEnergyCost`), split by tariff period, so a day costs the same here, in Home Assistant and in the API.
 */
import { buildHourlyEnergyCost, type PeriodAmount } from '../../domain/hourly.js';
import type { Tariff } from '../../domain/pricing.js';
import type { TariffPeriod } from '../../domain/tariff-period.js';
import { eachDay } from '../../domain/time.js';
import type { CurveReading, DateRange, LocalDate } from '../../domain/types.js';
import type { PeriodQuality } from './period-energy.js';

export interface CostSources {
  daily: ReadonlyMap<LocalDate, number>;
  /** Readings of the days whose curve covers the whole day, keyed by local day. */
  fullCurveDays: ReadonlyMap<LocalDate, readonly CurveReading[]>;
  /** Readings of the days whose curve has holes, keyed by local day. */
  partialCurveDays?: ReadonlyMap<LocalDate, readonly CurveReading[]>;
}

export interface PeriodCost {
  range: DateRange;
  /** Null when no day of the period has data. */
  microEur: number | null;
  daysFromDaily: number;
  daysFromCurve: number;
  daysMissing: number;
  quality: PeriodQuality;
  /** `Tariff.fingerprint` of the prices used. */
  tariff: string;
  /** The periods the tariff bills (`['base']`, `['hc', 'hp']`, the six Tempo ones). */
  tariffPeriods: readonly TariffPeriod[];
  /** Energy (watt-minutes) and cost per tariff period over the days with data; adds up to `microEur`. */
  periods: Partial<Record<TariffPeriod, { wattMinutes: number; microEur: number }>>;
}

type Split = PeriodCost['periods'];

/** Adds a day's hours to the running total and split; returns the day's micro-euros. */
function addHours(hours: readonly { microEur: number; periods: readonly PeriodAmount[] }[], split: Split): number {
  let micro = 0;
  for (const hour of hours) {
    micro += hour.microEur;
    for (const p of hour.periods) {
      const acc = split[p.period] ?? { wattMinutes: 0, microEur: 0 };
      acc.wattMinutes += p.wattMinutes;
      acc.microEur += p.microEur;
      split[p.period] = acc;
    }
  }
  return micro;
}

export function periodCost(range: DateRange, sources: CostSources, tariff: Tariff): PeriodCost {
  let micro = 0;
  let fromDaily = 0;
  let fromCurve = 0;
  let missing = 0;
  const split: Split = {};
  for (const date of eachDay(range)) {
    const curve = sources.fullCurveDays.get(date);
    const wh = sources.daily.get(date);
    if (curve) {
      micro += addHours(buildHourlyEnergyCost({ curve, daily: [] }, tariff), split);
      fromCurve++;
    } else if (wh !== undefined) {
      const partial = sources.partialCurveDays?.get(date) ?? [];
      micro += addHours(buildHourlyEnergyCost({ curve: partial, daily: [{ date, wh }] }, tariff), split);
      fromDaily++;
    } else {
      missing++;
    }
  }
  const withData = fromDaily + fromCurve;
  return {
    range,
    microEur: withData === 0 && missing > 0 ? null : micro,
    daysFromDaily: fromDaily,
    daysFromCurve: fromCurve,
    daysMissing: missing,
    quality: missing === 0 ? 'complete' : withData === 0 ? 'missing' : 'partial',
    tariff: tariff.fingerprint,
    tariffPeriods: tariff.periods,
    periods: split,
  };
}
