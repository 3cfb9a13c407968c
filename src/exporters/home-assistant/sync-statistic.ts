/**
 * Brings one Home Assistant statistic in line with the local hourly values: picks how far back to
 * compare (trailing window, data changed since the last run, or everything when the cursor no longer
 * matches HA), finds the first hour that differs, re-imports from there with chained sums in chunks,
 * and reads every chunk back before the cursor moves (HA acknowledges an import before writing it).
 */
import { HOUR_MS } from '../../domain/hourly.js';
import type { Logger } from '../../log/logger.js';
import {
  buildStatisticRows,
  type HourValue,
  type StatisticKind,
  type StatisticMetadata,
  type StatisticRow,
  unitScale,
} from './build-statistic-rows.js';
import { type HaApi, HomeAssistantError } from './ha-client.js';
import { planImport } from './plan-import.js';

export const TOLERANCE = 1e-6;

export interface StatisticCursor {
  lastHour: number;
  lastSum: number;
  /** Prices (or `energy`) the sums were computed with. */
  fingerprint: string;
}

export interface StatisticJob {
  kind: StatisticKind;
  metadata: StatisticMetadata;
  /** Dense, sorted hourly values in integer units. */
  values: HourValue[];
  fingerprint: string;
  /** The statistic exists in HA (from `get_statistics_metadata`). */
  existsInHa: boolean;
  cursor: StatisticCursor | null;
  /** Earliest hour whose local data changed since the last successful run. */
  dirtyFrom: number | null;
}

export interface SyncSettings {
  trailingHours: number;
  chunkHours: number;
  readBackTimeoutMs: number;
  sleep: (ms: number) => Promise<void>;
}

export interface SyncResult {
  cursor: StatisticCursor | null;
  importedRows: number;
  fromHour: number | null;
}

/** HA sums by hour over `[from, to)`, read `chunkHours` at a time. */
export async function readSums(api: HaApi, id: string, from: number, to: number, chunkHours: number) {
  const sums = new Map<number, number | null>();
  for (let t = from; t < to; t += chunkHours * HOUR_MS) {
    const rows = await api.hourlySums([id], t, Math.min(to, t + chunkHours * HOUR_MS));
    for (const r of rows[id] ?? []) sums.set(r.start, r.sum);
  }
  return sums;
}

async function cursorStillValid(api: HaApi, job: StatisticJob): Promise<boolean> {
  const c = job.cursor;
  if (!c || c.fingerprint !== job.fingerprint) return false;
  const rows = await api.hourlySums([job.metadata.statistic_id], c.lastHour, c.lastHour + HOUR_MS);
  const sum = rows[job.metadata.statistic_id]?.[0]?.sum;
  return typeof sum === 'number' && Math.abs(sum - c.lastSum) <= TOLERANCE;
}

async function verifyStart(api: HaApi, job: StatisticJob, settings: SyncSettings): Promise<number> {
  const first = job.values[0]!.hourStart;
  if (!job.existsInHa || !(await cursorStillValid(api, job))) return first;
  const trailing = job.cursor!.lastHour + HOUR_MS - settings.trailingHours * HOUR_MS;
  return Math.max(first, Math.min(trailing, job.dirtyFrom ?? Number.POSITIVE_INFINITY));
}

async function readBack(api: HaApi, id: string, rows: StatisticRow[], settings: SyncSettings): Promise<void> {
  const from = Date.parse(rows[0]!.start);
  const to = Date.parse(rows.at(-1)!.start) + HOUR_MS;
  const deadline = Date.now() + settings.readBackTimeoutMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
    const sums = await readSums(api, id, from, to, settings.chunkHours + 1);
    const ok = rows.every((r) => Math.abs((sums.get(Date.parse(r.start)) ?? Number.NaN) - r.sum) <= TOLERANCE);
    if (ok) return;
    if (Date.now() > deadline) {
      throw new HomeAssistantError(
        'HA_IMPORT_NOT_WRITTEN',
        `Home Assistant accepted the statistics of ${id} but did not store them: look for recorder errors in Home Assistant's log.`,
      );
    }
    await settings.sleep(delay);
  }
}

export async function syncStatistic(
  api: HaApi,
  job: StatisticJob,
  settings: SyncSettings,
  logger: Logger,
): Promise<SyncResult> {
  if (job.values.length === 0) return { cursor: job.cursor, importedRows: 0, fromHour: null };
  const id = job.metadata.statistic_id;
  const scale = unitScale(job.kind);
  const first = job.values[0]!.hourStart;
  const last = job.values.at(-1)!.hourStart;
  const compare = async (from: number) => {
    const ha = job.existsInHa
      ? await readSums(api, id, from - HOUR_MS, last + HOUR_MS, settings.chunkHours)
      : new Map();
    return planImport({ local: job.values, ha, scale, verifyFrom: from, tolerance: TOLERANCE });
  };
  let plan = await compare(await verifyStart(api, job, settings));
  if (plan.kind === 'compare-all') plan = await compare(first);
  if (plan.kind !== 'import') {
    const sums = await readSums(api, id, last, last + HOUR_MS, 1);
    return {
      cursor: { lastHour: last, lastSum: sums.get(last) ?? 0, fingerprint: job.fingerprint },
      importedRows: 0,
      fromHour: null,
    };
  }
  const { fromHour, base } = plan;
  const rows = buildStatisticRows(
    job.values.filter((v) => v.hourStart >= fromHour),
    job.kind,
    base,
  );
  logger.info({ statistic: id, from: rows[0]!.start, rows: rows.length }, 'importing statistics into Home Assistant');
  for (let i = 0; i < rows.length; i += settings.chunkHours) {
    const chunk = rows.slice(i, i + settings.chunkHours);
    await api.importStatistics(job.metadata, chunk);
    await readBack(api, id, chunk, settings);
  }
  const lastSum = rows.at(-1)!.sum;
  return { cursor: { lastHour: last, lastSum, fingerprint: job.fingerprint }, importedRows: rows.length, fromHour };
}
