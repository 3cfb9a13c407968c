/**
 * Reads one usage point's stored history into the series we push (the only store reads): the whole
 * history, or from `fromDay` (a Paris day) on for a daily run's window (`point-series.ts`).
 */
import type { Prices } from '../../domain/tariff.js';
import { parisMidnightUtc } from '../../domain/time.js';
import type { Direction, LocalDate } from '../../domain/types.js';
import type { Store, StoredUsagePoint } from '../../store/repository.js';
import { loadTariffContext } from '../../store/tariff-history.js';
import { curveSeries, dailySeries, maxPowerSeries, type Series } from './build-import-lines.js';
import { costSeries } from './cost-series.js';

const ALL_DAYS = { start: '1970-01-01', end: '9999-12-31' };

export async function loadSeries(
  store: Store,
  point: StoredUsagePoint,
  nowMs: number,
  extra: Record<string, string>,
  prices: Prices = {},
  fromDay: LocalDate | null = null,
): Promise<Series[]> {
  const days = fromDay ? { ...ALL_DAYS, start: fromDay } : ALL_DAYS;
  const fromMs = fromDay ? parisMidnightUtc(fromDay) : 0;
  const out: Series[] = [];
  const directions: Direction[] = [];
  if (point.hasConsumption) directions.push('consumption');
  if (point.hasProduction) directions.push('production');
  const context = await loadTariffContext(store, point.pdl);
  for (const direction of directions) {
    const curve = await store.listCurve(point.pdl, direction, fromMs, nowMs + 2 * 86_400_000);
    const daily = await store.listDaily(point.pdl, direction, days);
    out.push(...curveSeries(point.pdl, direction, curve, extra));
    out.push(...dailySeries(point.pdl, direction, daily, extra));
    out.push(...costSeries(point, direction, { curve, daily }, prices, extra, context));
  }
  out.push(...maxPowerSeries(point.pdl, await store.listMaxPower(point.pdl, days), extra));
  return out;
}
