/**
 * Reads one direction of a usage point from the store and turns it, in one pass, into the dense hourly
 * series of its statistics (energy in watt-minutes, cost in micro-euros), with the fingerprint of the
 * prices used. Reads either the whole history or only from a given hour on: an hour's value depends
 * only on its own Paris day (curve, daily total, gap filling), so reading from the start of that day
 * (plus the readings of the day before, in case one crosses midnight) gives exactly the values a whole
 * read would give for every hour from there on.
 */
import { buildHourlyEnergyCost, HOUR_MS, type HourlyEnergyCost } from '../../domain/hourly.js';
import type { Tariff } from '../../domain/pricing.js';
import { addDays, parisDate, parisMidnightUtc, parisToday } from '../../domain/time.js';
import type { Direction } from '../../domain/types.js';
import type { Store } from '../../store/repository.js';
import { type HourValue, periodKinds, type SplitPeriod, type StatisticKind } from './build-statistic-rows.js';
import { densify } from './plan-import.js';

export interface Series {
  kind: StatisticKind;
  direction: Direction;
  values: HourValue[];
  fingerprint: string;
}

export interface DirectionSeries {
  /** Every hour from `loadedFrom` on is exact; null when the whole history was read. */
  loadedFrom: number | null;
  /**
   * Energy first, then the cost when the direction has a tariff, then per split period its energy and
   * cost (`splitPeriodsOf` order); empty when nothing was stored.
   */
  series: Series[];
}

const FIRST_DAY = '2000-01-01';

export function costKind(direction: Direction): StatisticKind {
  return direction === 'consumption' ? 'consumption_cost' : 'production_compensation';
}

/** Start of the Paris day holding the hour before `hour`: the read start for comparing from `hour`. */
export function loadStartFor(hour: number): number {
  return parisMidnightUtc(parisDate(hour - HOUR_MS));
}

export interface LoadRequest {
  pdl: string;
  direction: Direction;
  tariff: Tariff | null;
  nowMs: number;
  /** A Paris midnight (`loadStartFor`), or null for the whole history. */
  from: number | null;
}

export async function loadDirection(store: Store, req: LoadRequest): Promise<DirectionSeries> {
  const { pdl, direction, tariff, nowMs, from } = req;
  const firstDay = from === null ? FIRST_DAY : parisDate(from);
  const curveFrom = from === null ? 0 : parisMidnightUtc(addDays(firstDay, -1));
  const curve = await store.listCurve(pdl, direction, curveFrom, nowMs + 2 * 86_400_000);
  const daily = await store.listDaily(pdl, direction, { start: firstDay, end: addDays(parisToday(nowMs), 2) });
  let hours = buildHourlyEnergyCost({ curve, daily }, tariff);
  if (from !== null) hours = hours.filter((h) => h.hourStart >= from);
  if (hours.length === 0) return { loadedFrom: from, series: [] };
  const energy = densify(hours.map((h) => ({ hourStart: h.hourStart, value: h.wattMinutes })));
  const series: Series[] = [{ kind: direction, direction, values: energy, fingerprint: 'energy' }];
  if (tariff) {
    // Same hours as the energy, so missing cost hours become 0 and overwrite stale rows; the monthly
    // subscription (when set) is spread over every hour of the series.
    const costs = new Map(hours.map((h) => [h.hourStart, h.microEur]));
    const values = energy.map((e) => ({
      hourStart: e.hourStart,
      value: (costs.get(e.hourStart) ?? 0) + tariff.subscriptionMicro(e.hourStart),
    }));
    series.push({ kind: costKind(direction), direction, values, fingerprint: COST_FINGERPRINT });
    for (const period of splitPeriodsOf(tariff, direction)) series.push(...periodSeries(hours, energy, period));
  }
  return { loadedFrom: from, series };
}

/**
 * What the cost statistics' cursors store: the tariff itself is compared day by day
 * (`tariff-change.ts`), so a price change recomputes from its first affected hour, not the whole history.
 */
export const COST_FINGERPRINT = 'cost:v2';

/** The consumption periods with their own statistics: none for Base or production. */
export function splitPeriodsOf(tariff: Tariff | null, direction: Direction): SplitPeriod[] {
  if (!tariff || direction !== 'consumption' || tariff.periods.length < 2) return [];
  return tariff.periods.filter((p): p is SplitPeriod => p !== 'base');
}

/** The energy and cost of one period, on the same dense hours as the total. */
function periodSeries(hours: HourlyEnergyCost[], energy: HourValue[], period: SplitPeriod): Series[] {
  const byHour = new Map<number, { wm: number; micro: number }>();
  for (const h of hours) {
    const p = h.periods.find((x) => x.period === period);
    if (p) byHour.set(h.hourStart, { wm: p.wattMinutes, micro: p.microEur });
  }
  const [energyKind, costKindOfPeriod] = periodKinds(period);
  const at = (hour: number) => byHour.get(hour);
  return [
    {
      kind: energyKind,
      direction: 'consumption',
      values: energy.map((e) => ({ hourStart: e.hourStart, value: at(e.hourStart)?.wm ?? 0 })),
      fingerprint: 'energy',
    },
    {
      kind: costKindOfPeriod,
      direction: 'consumption',
      values: energy.map((e) => ({ hourStart: e.hourStart, value: at(e.hourStart)?.micro ?? 0 })),
      fingerprint: COST_FINGERPRINT,
    },
  ];
}
