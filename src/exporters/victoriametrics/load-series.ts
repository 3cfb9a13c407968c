/** Reads one usage point's whole stored history into the series we push (the only store reads). */
import type { Prices } from '../../domain/tariff.js';
import type { Direction } from '../../domain/types.js';
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
): Promise<Series[]> {
  const out: Series[] = [];
  const directions: Direction[] = [];
  if (point.hasConsumption) directions.push('consumption');
  if (point.hasProduction) directions.push('production');
  const context = await loadTariffContext(store, point.pdl);
  for (const direction of directions) {
    const curve = await store.listCurve(point.pdl, direction, 0, nowMs + 2 * 86_400_000);
    const daily = await store.listDaily(point.pdl, direction, ALL_DAYS);
    out.push(...curveSeries(point.pdl, direction, curve, extra));
    out.push(...dailySeries(point.pdl, direction, daily, extra));
    out.push(...costSeries(point, direction, { curve, daily }, prices, extra, context));
  }
  out.push(...maxPowerSeries(point.pdl, await store.listMaxPower(point.pdl, ALL_DAYS), extra));
  return out;
}
