/**
 * The weekly deep check: every statistic HA holds is compared with the store over its whole history,
 * hour by hour, and only the hours that differ are re-imported (`plan-repairs.ts`). The incremental
 * run compares only its trailing window (14 days) and trusts older rows while the last sum matches, so
 * a row altered further back (another tool, a hand edit) would otherwise stay wrong for ever, with a
 * negative bar next to it.
 *
 * Why hour by hour and not "monthly sums first": every aggregate HA serves for a sum statistic (the
 * month's or day's `sum`, its `change`) is read from the last row of each period, so an altered row
 * inside a month leaves the monthly and daily figures unchanged and would never be found by descending
 * from them. HA's hourly rows are read a month (`chunkHours`) per request instead: 24 requests per
 * statistic for two years, once a week, and nothing is written when everything fits.
 */

import { HOUR_MS } from '../../domain/hourly.js';
import { tariffFor } from '../../domain/tariff.js';
import type { Direction } from '../../domain/types.js';
import type { Store } from '../../store/repository.js';
import { loadTariffContext } from '../../store/tariff-history.js';
import { buildStatisticRows, statisticId, statisticMetadata, unitScale } from './build-statistic-rows.js';
import { CURSOR_OWNER } from './cursors.js';
import { ALL_PERIOD_KINDS, type ExportDeps } from './export-statistics.js';
import { costKind, loadDirection, type Series } from './load-series.js';
import { planRepairs } from './plan-repairs.js';
import { readBack, readSums, TOLERANCE } from './sync-statistic.js';

export const DEEP_CHECK_EVERY_MS = 7 * 86_400_000;
const LAST_KEY = 'deep-check:last';

export interface DeepCheckResult {
  statistics: number;
  repairedRows: number;
}

/** When the last deep check ran (ms), or null when none ran yet. */
export async function lastDeepCheck(store: Store): Promise<number | null> {
  const text = await store.getCursor(CURSOR_OWNER, LAST_KEY);
  return text === null ? null : Number(text);
}

export function recordDeepCheck(store: Store, at: number): Promise<void> {
  return store.setCursor(CURSOR_OWNER, LAST_KEY, String(at));
}

/**
 * Whether a run does the deep check: asked for by the weekly job, or the last one is a week old (a
 * program that was off on the scheduled day catches up at start). Never before a first check time was
 * recorded: a first export compares everything anyway, and records that time.
 */
export function deepCheckDue(reason: string, last: number | null, now: number): boolean {
  if (reason === DEEP_CHECK_REASON) return true;
  return last !== null && now - last >= DEEP_CHECK_EVERY_MS;
}

export const DEEP_CHECK_REASON = 'deep-check';

async function repairSeries(deps: ExportDeps, pdl: string, name: string | null, s: Series): Promise<number> {
  const { api, settings } = deps;
  const id = statisticId(pdl, s.kind);
  const first = s.values[0]!.hourStart;
  const last = s.values.at(-1)!.hourStart;
  const ha = await readSums(api, id, first, last + HOUR_MS, settings.chunkHours);
  const repairs = planRepairs({ local: s.values, ha, scale: unitScale(s.kind), tolerance: TOLERANCE });
  if (!repairs?.length) return 0;
  const metadata = statisticMetadata(pdl, s.kind, api.haVersion, name);
  let rows = 0;
  for (const repair of repairs) {
    const all = buildStatisticRows(repair.values, s.kind, repair.base);
    for (let i = 0; i < all.length; i += settings.chunkHours) {
      const chunk = all.slice(i, i + settings.chunkHours);
      await api.importStatistics(metadata, chunk);
      await readBack(api, id, chunk, settings);
    }
    rows += all.length;
  }
  deps.logger.warn(
    { statistic: id, stretches: repairs.length, rows, from: new Date(repairs[0]!.values[0]!.hourStart).toISOString() },
    'deep check: repaired Home Assistant statistic rows that no longer matched the store',
  );
  return rows;
}

/** Compares every statistic that HA holds with the store and repairs the hours that differ. */
export async function deepCheck(deps: ExportDeps): Promise<DeepCheckResult> {
  const out: DeepCheckResult = { statistics: 0, repairedRows: 0 };
  for (const point of await deps.store.listUsagePoints()) {
    const directions: Direction[] = [];
    if (point.hasConsumption) directions.push('consumption');
    if (point.hasProduction) directions.push('production');
    const ids = directions.flatMap((d) => [statisticId(point.pdl, d), statisticId(point.pdl, costKind(d))]);
    for (const kind of ALL_PERIOD_KINDS) ids.push(statisticId(point.pdl, kind));
    const inHa = new Set((await deps.api.getStatisticsMetadata(ids)).map((m) => m.statistic_id));
    // The same tariff as the export (schedules and Tempo colours from the store), so the same costs.
    const context = await loadTariffContext(deps.store, point.pdl);
    for (const direction of directions) {
      const tariff = tariffFor(deps.options.prices, point, direction, context);
      const request = { pdl: point.pdl, direction, tariff, nowMs: deps.clock.now(), from: null };
      const { series } = await loadDirection(deps.store, request);
      for (const s of series.filter((x) => inHa.has(statisticId(point.pdl, x.kind)))) {
        out.repairedRows += await repairSeries(deps, point.pdl, point.name, s);
        out.statistics++;
      }
    }
  }
  return out;
}
