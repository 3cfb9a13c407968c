/**
 * The aggregate buckets split by tariff period (HP/HC, or Tempo colour × HP/HC), pure. The cost and the
 * proportions come from the tariff engine's days (`dayCosts`, the same as the cost route and Home
 * Assistant's per-period statistics); only the days a bucket counts (a daily value or a complete curve)
 * take part. A bucket's energy — its daily values, whole Wh — is shared between the periods in the
 * engine's proportions by largest remainder, so the periods add up to the bucket to the Wh.
 */
import type { DayCost } from '../domain/day-cost.js';
import { splitInteger } from '../domain/split-integer.js';
import type { TariffPeriod } from '../domain/tariff-period.js';
import { eachDay } from '../domain/time.js';
import type { LocalDate } from '../domain/types.js';
import type { Bucket, DayEnergy } from './aggregate.js';
import { eurOf } from './day-costs.js';

export interface PeriodShare {
  /** Whole Wh. */
  wh: number;
  eur: number;
}

export interface BucketSplit {
  /** The cost of the bucket's counted days (EUR): the sum of its periods. */
  eur: number;
  /** Per period the tariff bills, in its order; periods without energy left out. */
  periods: Partial<Record<TariffPeriod, PeriodShare>>;
}

interface Sums {
  wattMinutes: Map<TariffPeriod, number>;
  micro: Map<TariffPeriod, number>;
}

function sumDays(days: Iterable<LocalDate>, counted: DayEnergy, costs: ReadonlyMap<LocalDate, DayCost>): Sums {
  const sums: Sums = { wattMinutes: new Map(), micro: new Map() };
  for (const day of days) {
    if (!counted.has(day)) continue;
    for (const [period, total] of Object.entries(costs.get(day)?.periods ?? {})) {
      const p = period as TariffPeriod;
      sums.wattMinutes.set(p, (sums.wattMinutes.get(p) ?? 0) + (total?.wattMinutes ?? 0));
      sums.micro.set(p, (sums.micro.get(p) ?? 0) + (total?.microEur ?? 0));
    }
  }
  return sums;
}

interface MicroShare {
  wh: number;
  micro: number;
}
type MicroSplit = Map<TariffPeriod, MicroShare>;

/** The split of a bucket of `wh`: shares in the engine's proportions, costs as the engine priced them. */
function splitOf(wh: number, sums: Sums, periods: readonly TariffPeriod[]): MicroSplit {
  const seen = periods.filter((p) => sums.wattMinutes.has(p));
  const shares = splitInteger(
    wh,
    seen.map((p) => sums.wattMinutes.get(p)!),
  );
  return new Map(seen.map((p, i) => [p, { wh: shares[i]!, micro: sums.micro.get(p)! }]));
}

function jsonOf(split: MicroSplit, periods: readonly TariffPeriod[]): BucketSplit {
  const out: BucketSplit['periods'] = {};
  let micro = 0;
  for (const p of periods) {
    const share = split.get(p);
    if (!share) continue;
    micro += share.micro;
    out[p] = { wh: share.wh, eur: eurOf(share.micro) };
  }
  return { eur: eurOf(micro), periods: out };
}

/** Each bucket's split, and the whole range's (the sum of the buckets, to the Wh and the micro-euro). */
export function splitBuckets(
  buckets: readonly Bucket[],
  counted: DayEnergy,
  days: readonly DayCost[],
  periods: readonly TariffPeriod[],
): { buckets: BucketSplit[]; total: BucketSplit } {
  const costs = new Map(days.map((d) => [d.date, d] as const));
  const splits = buckets.map((b) => splitOf(b.wh, sumDays(eachDay(b), counted, costs), periods));
  const total: MicroSplit = new Map();
  for (const split of splits) {
    for (const [p, share] of split) {
      const acc = total.get(p) ?? { wh: 0, micro: 0 };
      acc.wh += share.wh;
      acc.micro += share.micro;
      total.set(p, acc);
    }
  }
  return { buckets: splits.map((s) => jsonOf(s, periods)), total: jsonOf(total, periods) };
}
