/**
 * Synthetic stored history for the benchmarks: days of the simulator's model (`SimulatedDataset`)
 * written straight into a store, a year per bulk upsert, so a bench can hold more history than the
 * gateway serves (2 years of curve) without syncing it. The values are the ones the simulator serves,
 * so a later sync against a simulator of the same seed and specs re-fetches equal days.
 */
import { parisNaiveToUtc } from '../src/domain/time.js';
import type { CurveReading, DailyEnergy, LocalDate, MaxPower, UsagePoint } from '../src/domain/types.js';
import { intervalStartUtc } from '../src/gateway/simulator/day-frame.js';
import type { PdlSpec, SimulatedDataset } from '../src/gateway/simulator/index.js';
import type { Store } from '../src/store/repository.js';

/** A consumption usage point as the sync would store it from the spec's `/pdl` entry. */
export function storedPoint(spec: PdlSpec): UsagePoint {
  return {
    id: spec.id,
    pdl: spec.usagePointId,
    name: spec.name,
    subscribedPowerKva: spec.subscribedPowerKva,
    offpeakHours: spec.offpeakRanges,
    pricingOption: spec.pricingOption,
    hasConsumption: true,
    hasProduction: false,
    isActive: true,
    activationDate: spec.activationDate,
    oldestAvailableDataDate: spec.activationDate,
    linkedProductionPdlId: null,
  };
}

export interface DayData {
  curve: CurveReading[];
  daily: DailyEnergy[];
  maxPower: MaxPower[];
}

/** The model's full curve (UTC starts), daily totals and daily max power of `days`. */
export function dayData(dataset: SimulatedDataset, prm: string, days: LocalDate[]): DayData {
  const out: DayData = { curve: [], daily: [], maxPower: [] };
  for (const date of days) {
    const frame = dataset.frame(prm, date);
    const wh = dataset.fullCurveWh(prm, date);
    for (let i = 0; i < wh.length; i++) {
      out.curve.push({ start: intervalStartUtc(frame, i), minutes: frame.minutes, w: (wh[i]! * 60) / frame.minutes });
    }
    out.daily.push({ date, wh: dataset.dailyWh(prm, date) });
    const peak = dataset.maxPower(prm, date);
    out.maxPower.push({ date, va: peak.va, at: parisNaiveToUtc(peak.label) });
  }
  return out;
}

/**
 * Stores the consumption curve and daily totals of `days` (and the max power with `maxPower`), one
 * year per upsert; returns the curve readings written.
 */
export async function storeDays(
  store: Store,
  dataset: SimulatedDataset,
  prm: string,
  days: LocalDate[],
  options: { maxPower?: boolean } = {},
): Promise<number> {
  let readings = 0;
  for (let i = 0; i < days.length; i += 365) {
    const { curve, daily, maxPower } = dayData(dataset, prm, days.slice(i, i + 365));
    await store.upsertCurve(prm, 'consumption', curve);
    await store.upsertDaily(prm, 'consumption', daily);
    if (options.maxPower) await store.upsertMaxPower(prm, maxPower);
    readings += curve.length;
  }
  return readings;
}
