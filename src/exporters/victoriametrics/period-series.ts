/**
 * Per-tariff-period daily series, next to the daily cost: for a tariff with periods (HC/HP, Tempo colour
 * × HC/HP), `myelectricaldata_tariff_period_energy_wh` and `myelectricaldata_tariff_period_cost_euros`
 * with the labels of the cost series plus `tariff_period` (`hc`, `hp`, `blue_hc`…), one sample per
 * period and day (0 when the day has none of it), at the day's Paris midnight. From the engine's days
 * (`buildDailyCost`), so at each timestamp the costs add up to `myelectricaldata_cost_euros` to the
 * micro-euro, and the energies add up to the day's daily value (`myelectricaldata_energy_wh`
 * resolution `day`, whole Wh) when the store has one, else to the day's curve (to the mWh). Pure.
 */
import type { DayCost } from '../../domain/day-cost.js';
import type { Tariff } from '../../domain/pricing.js';
import { splitInteger } from '../../domain/split-integer.js';
import type { TariffPeriod } from '../../domain/tariff-period.js';
import { parisMidnightUtc } from '../../domain/time.js';
import type { DailyEnergy } from '../../domain/types.js';
import type { Sample, Series } from './build-import-lines.js';

export const PERIOD_ENERGY = 'myelectricaldata_tariff_period_energy_wh';
export const PERIOD_COST = 'myelectricaldata_tariff_period_cost_euros';

/** The day's energy per period: its daily value in whole Wh, else its engine energy in mWh, shared exactly. */
function energyShares(day: DayCost, periods: readonly TariffPeriod[], dailyWh: number | undefined): number[] {
  const weights = periods.map((p) => day.periods[p]?.wattMinutes ?? 0);
  if (dailyWh !== undefined) return splitInteger(dailyWh, weights);
  return splitInteger(Math.round((day.wattMinutes * 1000) / 60), weights).map((mwh) => mwh / 1000);
}

/** The series of each period of `tariff` (none for a single-period tariff); `base` gives the rest of a series. */
export function periodSeries(
  tariff: Tariff,
  days: readonly DayCost[],
  daily: readonly DailyEnergy[],
  labels: Record<string, string>,
  base: Pick<Series, 'stream' | 'alsoStreams' | 'fingerprint'>,
): Series[] {
  const { periods } = tariff;
  if (periods.length < 2) return [];
  const dailyWh = new Map(daily.map((d) => [d.date, d.wh] as const));
  const energy: Sample[][] = periods.map(() => []);
  const cost: Sample[][] = periods.map(() => []);
  for (const day of days) {
    const t = parisMidnightUtc(day.date);
    const shares = energyShares(day, periods, dailyWh.get(day.date));
    periods.forEach((p, i) => {
      energy[i]!.push({ t, v: shares[i]! });
      cost[i]!.push({ t, v: (day.periods[p]?.microEur ?? 0) / 1e6 });
    });
  }
  return periods.flatMap((p, i) => [
    { name: PERIOD_ENERGY, labels: { ...labels, tariff_period: p }, ...base, samples: energy[i]! },
    { name: PERIOD_COST, labels: { ...labels, tariff_period: p }, ...base, samples: cost[i]! },
  ]);
}
