/**
 * One export run: brings every statistic of every usage point in line with the store, reading and
 * computing only what the run needs. Per direction of a usage point it first asks each statistic
 * where its comparison with HA starts (`compareStart`: trailing window, first changed hour, or the
 * whole history), then reads the store once from the earliest of those hours and builds energy and
 * cost in one pass, then sends each statistic and confirms them all in HA at once. A daily run thus
 * costs the same with 2 or 8 years of history; a first import, a cleared statistic or a price change
 * reads everything, as it must.
 */
import type { Clock } from '../../domain/clock.js';
import { HOUR_MS } from '../../domain/hourly.js';
import type { Tariff } from '../../domain/pricing.js';
import { tariffFor } from '../../domain/tariff.js';
import { TEMPO_PERIODS } from '../../domain/tariff-period.js';
import { parisMidnightUtc } from '../../domain/time.js';
import type { Direction } from '../../domain/types.js';
import type { Logger } from '../../log/logger.js';
import type { Store, StoredUsagePoint } from '../../store/repository.js';
import { loadTariffContext } from '../../store/tariff-history.js';
import { ServedMarks } from '../kit/dirty-marks.js';
import { periodKinds, type StatisticKind, statisticId, statisticMetadata } from './build-statistic-rows.js';
import { confirmImports } from './confirm-imports.js';
import { DIRTY, dirtyFrom, readStatisticCursor, type StatisticCursor, writeStatisticCursor } from './cursors.js';
import type { HaApi } from './ha-client.js';
import {
  COST_FINGERPRINT,
  costKind,
  type DirectionSeries,
  loadDirection,
  loadStartFor,
  splitPeriodsOf,
} from './load-series.js';
import type { HomeAssistantExporterOptions } from './options.js';
import { compareStart, type SentStatistic, type SyncSettings, sendStatistic, TOLERANCE } from './sync-statistic.js';
import { saveExportedTariff, tariffChangedFrom } from './tariff-change.js';

export interface ExportDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  api: HaApi;
  options: HomeAssistantExporterOptions;
  settings: SyncSettings;
  /** Called per usage point with the statistics it has, when `energyDashboard` is `auto`. */
  wireDashboard: (api: HaApi, pdl: string, kinds: StatisticKind[]) => Promise<void>;
}

export interface ExportResult extends Record<string, unknown> {
  statistics: number;
  importedRows: number;
}

interface PointResult {
  statistics: number;
  importedRows: number;
  kinds: StatisticKind[];
}

/** Every per-period statistic a usage point may have (HC/HP and Tempo), energy and cost. */
export const ALL_PERIOD_KINDS: StatisticKind[] = (['hc', 'hp', ...TEMPO_PERIODS] as const).flatMap((p) =>
  periodKinds(p),
);

function directionsOf(point: StoredUsagePoint): Direction[] {
  const out: Direction[] = [];
  if (point.hasConsumption) out.push('consumption');
  if (point.hasProduction) out.push('production');
  return out;
}

/** End of the hours the store is read for (`loadDirection` reads readings up to now + 2 days). */
function untilOf(deps: ExportDeps): number {
  return deps.clock.now() + 2 * 86_400_000;
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}

/** One statistic of a direction and where its comparison with HA starts. */
interface Job {
  kind: StatisticKind;
  id: string;
  fingerprint: string;
  cursor: StatisticCursor | null;
  existsInHa: boolean;
  verifyFrom: number | null;
  haSums: ReadonlyMap<number, number | null> | null;
  untilMs: number;
}

async function jobsOf(
  deps: ExportDeps,
  point: StoredUsagePoint,
  direction: Direction,
  tariff: Tariff | null,
  existing: ReadonlySet<string>,
  dirty: number | null,
): Promise<Job[]> {
  const kinds: [StatisticKind, string][] = [[direction, 'energy']];
  if (tariff) kinds.push([costKind(direction), COST_FINGERPRINT]);
  for (const period of splitPeriodsOf(tariff, direction)) {
    const [energy, cost] = periodKinds(period);
    kinds.push([energy, 'energy'], [cost, COST_FINGERPRINT]);
  }
  const jobs: Job[] = [];
  for (const [kind, fingerprint] of kinds) {
    const id = statisticId(point.pdl, kind);
    const cursor = await readStatisticCursor(deps.store, id);
    const existsInHa = existing.has(id);
    const start = { statisticId: id, fingerprint, existsInHa, cursor, dirtyFrom: dirty, untilMs: untilOf(deps) };
    jobs.push({ kind, id, fingerprint, cursor, existsInHa, ...(await compareStart(deps.api, start, deps.settings)) });
  }
  return jobs;
}

/** Exports one direction of a usage point: its energy statistic and, with a tariff, its cost statistic. */
async function exportDirection(
  deps: ExportDeps,
  point: StoredUsagePoint,
  direction: Direction,
  existing: ReadonlySet<string>,
  dirty: number | null,
  out: PointResult,
): Promise<void> {
  const { store, api } = deps;
  const context = await loadTariffContext(store, point.pdl);
  const tariff = tariffFor(deps.options.prices, point, direction, context);
  const repriced = await tariffChangedFrom(store, point.pdl, direction, tariff, deps.clock.now());
  const from = earliest(dirty, repriced === null ? null : parisMidnightUtc(repriced) - HOUR_MS);
  const jobs = await jobsOf(deps, point, direction, tariff, existing, from);
  const starts = jobs.map((j) => j.verifyFrom);
  const loadFrom = starts.includes(null) ? null : loadStartFor(Math.min(...(starts as number[])));
  const request = { pdl: point.pdl, direction, tariff, nowMs: deps.clock.now() };

  const loaded = await loadDirection(store, { ...request, from: loadFrom });
  let whole: Promise<DirectionSeries> | null = loadFrom === null ? Promise.resolve(loaded) : null;
  const loadWhole = () => {
    whole ??= loadDirection(store, { ...request, from: null });
    return whole;
  };
  // Every statistic is sent before any is awaited, so HA's recorder writes them in one go; the cursors
  // move only once HA holds every row.
  const sent: [Job, SentStatistic][] = [];
  for (const [i, job] of jobs.entries()) {
    const metadata = statisticMetadata(point.pdl, job.kind, api.haVersion, point.name);
    const values = loaded.series[i]?.values ?? [];
    const loadAll = async () => (await loadWhole()).series[i]?.values ?? [];
    const outcome = await sendStatistic(api, { ...job, metadata, values, loadAll }, deps.settings, deps.logger);
    if (!loaded.series[i] && !(await whole)?.series[i]) continue; // nothing stored for this direction
    sent.push([job, outcome]);
  }
  const pending = sent.flatMap(([, o]) => (o.kind === 'sent' ? [o.pending] : []));
  await confirmImports(api, pending, deps.settings, TOLERANCE);
  for (const [job, { result }] of sent) {
    if (result.cursor) await writeStatisticCursor(store, job.id, result.cursor);
    out.importedRows += result.importedRows;
    out.statistics++;
    out.kinds.push(job.kind);
  }
  await saveExportedTariff(store, point.pdl, direction, tariff);
}

export async function exportStatistics(deps: ExportDeps): Promise<ExportResult> {
  const { store, api, options } = deps;
  let importedRows = 0;
  let statistics = 0;
  for (const point of await store.listUsagePoints()) {
    // The changed days are read before anything of the store, so a change the sync records while this
    // run reads or imports stays marked for the next run.
    const marks = new ServedMarks(store, DIRTY);
    const dirty = {
      consumption: await dirtyFrom(marks, point.pdl, 'consumption'),
      production: await dirtyFrom(marks, point.pdl, 'production'),
    };
    const directions = directionsOf(point);
    const ids = directions.flatMap((d) => [statisticId(point.pdl, d), statisticId(point.pdl, costKind(d))]);
    for (const kind of ALL_PERIOD_KINDS) ids.push(statisticId(point.pdl, kind));
    const existing = new Set((await api.getStatisticsMetadata(ids)).map((m) => m.statistic_id));
    const out: PointResult = { statistics: 0, importedRows: 0, kinds: [] };
    for (const direction of directions) await exportDirection(deps, point, direction, existing, dirty[direction], out);
    await marks.clear();
    if (options.energyDashboard === 'auto') await deps.wireDashboard(api, point.pdl, out.kinds);
    importedRows += out.importedRows;
    statistics += out.statistics;
  }
  return { statistics, importedRows };
}
