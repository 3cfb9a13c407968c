/**
 * Brings one Home Assistant statistic in line with the local hourly values: picks how far back to
 * compare (trailing window, data changed since the last run, or everything when the cursor no longer
 * matches HA), finds the first hour that differs and sends everything from there with chained sums in
 * chunks. HA acknowledges an import before writing it: the caller confirms the rows are in HA
 * (`confirm-imports.ts`) before it stores the new cursor.
 *
 * The sums are chained from the sum HA itself holds at the hour before the first re-imported hour, so
 * a run never needs the local history before its compare window; the cursor's `lastSum` (what HA held
 * at the last exported hour) tells whether HA's rows can still be trusted: when it no longer matches
 * (statistic cleared, sums adjusted, rows removed) or the prices changed, the whole history is compared.
 */
import { HOUR_MS } from '../../domain/hourly.js';
import { parisIsoQuick } from '../../domain/paris-fast-path.js';
import type { Logger } from '../../log/logger.js';
import {
  type HourValue,
  type StatisticKind,
  type StatisticMetadata,
  type StatisticRow,
  statisticRowChunks,
  unitScale,
} from './build-statistic-rows.js';
import type { PendingImport } from './confirm-imports.js';
import type { StatisticCursor } from './cursors.js';
import { type HaApi, HomeAssistantError } from './ha-client.js';
import { pause } from './pause.js';
import { planImport } from './plan-import.js';

export type { StatisticCursor } from './cursors.js';

export const TOLERANCE = 1e-6;

/** What decides where a statistic's comparison with HA starts (known before reading the store). */
export interface StartInput {
  statisticId: string;
  fingerprint: string;
  /** The statistic exists in HA (from `get_statistics_metadata`). */
  existsInHa: boolean;
  cursor: StatisticCursor | null;
  /** Earliest hour whose local data changed since the last successful run. */
  dirtyFrom: number | null;
  /** End of the hours the store can hold (exclusive): the compare window is read from HA up to here. */
  untilMs: number;
}

export interface CompareStart {
  /** First hour to compare with HA; null compares the whole history. */
  verifyFrom: number | null;
  /** HA's sums of `[verifyFrom - 1 h, untilMs)`, read together with the cursor check; null when not read. */
  haSums: ReadonlyMap<number, number | null> | null;
  untilMs: number;
}

export interface StatisticJob {
  kind: StatisticKind;
  metadata: StatisticMetadata;
  /**
   * Dense, sorted hourly values in integer units: the whole history, or every hour from some hour
   * before `verifyFrom` on.
   */
  values: HourValue[];
  fingerprint: string;
  existsInHa: boolean;
  cursor: StatisticCursor | null;
  /** First hour to compare with HA (`compareStart`); null compares the whole history. */
  verifyFrom: number | null;
  /** HA's sums of the compare window when `compareStart` already read them. */
  haSums: ReadonlyMap<number, number | null> | null;
  untilMs: number;
  /** The whole history's values, for the rare runs that must compare everything. */
  loadAll: () => Promise<HourValue[]>;
}

export interface SyncSettings {
  trailingHours: number;
  chunkHours: number;
  readBackTimeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  /** The run's stop signal: the waits for HA's recorder end when it aborts. */
  signal?: AbortSignal;
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

/**
 * Where the comparison with HA starts: the start of the trailing window before the last exported hour,
 * or the hour before the first changed day when earlier; null (the whole history) for a first import,
 * a statistic missing in HA, a price change, or a cursor HA no longer agrees with (the sum HA holds at
 * the cursor's hour differs: statistic cleared, sums adjusted, rows removed). HA's sums of the window
 * are read in the same request as the cursor check and handed to `syncStatistic`.
 */
export async function compareStart(api: HaApi, input: StartInput, settings: SyncSettings): Promise<CompareStart> {
  const c = input.cursor;
  const whole = { verifyFrom: null, haSums: null, untilMs: input.untilMs };
  if (!input.existsInHa || !c || c.fingerprint !== input.fingerprint) return whole;
  const trailing = c.lastHour + HOUR_MS - settings.trailingHours * HOUR_MS;
  const from = Math.min(trailing, input.dirtyFrom ?? Number.POSITIVE_INFINITY);
  const until = Math.max(input.untilMs, c.lastHour + HOUR_MS);
  const haSums = await readSums(api, input.statisticId, from - HOUR_MS, until, settings.chunkHours);
  const sum = haSums.get(c.lastHour);
  if (typeof sum !== 'number' || Math.abs(sum - c.lastSum) > TOLERANCE) return whole;
  return { verifyFrom: from, haSums, untilMs: until };
}

/** Reads imported rows back until HA holds them (it acknowledges an import before writing it). */
export async function readBack(api: HaApi, id: string, rows: StatisticRow[], settings: SyncSettings): Promise<void> {
  const hours = rows.map((r) => Date.parse(r.start));
  const from = hours[0]!;
  const to = hours.at(-1)! + HOUR_MS;
  const deadline = Date.now() + settings.readBackTimeoutMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
    const sums = await readSums(api, id, from, to, settings.chunkHours + 1);
    const ok = rows.every((r, i) => Math.abs((sums.get(hours[i]!) ?? Number.NaN) - r.sum) <= TOLERANCE);
    if (ok) return;
    if (Date.now() > deadline) {
      throw new HomeAssistantError(
        'HA_IMPORT_NOT_WRITTEN',
        `Home Assistant accepted the statistics of ${id} but did not store them: look for recorder errors in Home Assistant's log.`,
      );
    }
    await pause(settings, delay);
  }
}

/** What `sendStatistic` did: nothing to import (final result), or rows sent that HA must now hold. */
export type SentStatistic =
  | { kind: 'done'; result: SyncResult }
  | { kind: 'sent'; result: SyncResult; pending: PendingImport };

/**
 * Compares one statistic with HA and sends what differs, without waiting for HA to write it: the
 * result's cursor may be stored only once `confirmImports` saw the rows in HA.
 */
export async function sendStatistic(
  api: HaApi,
  job: StatisticJob,
  settings: SyncSettings,
  logger: Logger,
): Promise<SentStatistic> {
  let values = job.values;
  // A window is enough only when it holds data before `verifyFrom` (then HA's row before it carries
  // the sum); otherwise (short history, long hole, whole compare) read everything, as a full run would.
  if (job.verifyFrom === null || !(values.length > 0 && values[0]!.hourStart < job.verifyFrom)) {
    values = await job.loadAll();
  }
  if (values.length === 0) return { kind: 'done', result: { cursor: job.cursor, importedRows: 0, fromHour: null } };
  const id = job.metadata.statistic_id;
  const scale = unitScale(job.kind);
  const compare = async (local: HourValue[], from: number) => {
    const last = local.at(-1)!.hourStart;
    const prefetched = from === job.verifyFrom && last + HOUR_MS <= job.untilMs ? job.haSums : null;
    const ha = !job.existsInHa
      ? new Map()
      : (prefetched ?? (await readSums(api, id, from - HOUR_MS, last + HOUR_MS, settings.chunkHours)));
    return planImport({ local, ha, scale, verifyFrom: from, tolerance: TOLERANCE });
  };
  let plan = await compare(values, job.verifyFrom ?? values[0]!.hourStart);
  if (plan.kind === 'compare-all') {
    values = await job.loadAll();
    plan = await compare(values, values[0]!.hourStart);
  }
  const last = values.at(-1)!.hourStart;
  if (plan.kind !== 'import') {
    const sums = await readSums(api, id, last, last + HOUR_MS, 1);
    const cursor = { lastHour: last, lastSum: sums.get(last) ?? 0, fingerprint: job.fingerprint };
    return { kind: 'done', result: { cursor, importedRows: 0, fromHour: null } };
  }
  const { fromHour, base } = plan;
  const first = values.findIndex((v) => v.hourStart >= fromHour);
  const imported = values.slice(first);
  const sums = new Float64Array(imported.length);
  logger.info(
    { statistic: id, from: parisIsoQuick(imported[0]!.hourStart), rows: imported.length },
    'importing statistics into Home Assistant',
  );
  // HA handles a connection's messages in the order they came and its recorder writes them in that
  // order, so the chunks go out together and only their acknowledgements are awaited. Each chunk is
  // built as it is sent (the message is encoded at once), so only one chunk's rows live at a time.
  const sends: Promise<void>[] = [];
  for (const rows of statisticRowChunks(imported, job.kind, base, settings.chunkHours, sums)) {
    sends.push(api.importStatistics(job.metadata, rows));
  }
  await Promise.all(sends);
  const cursor = { lastHour: last, lastSum: sums[sums.length - 1]!, fingerprint: job.fingerprint };
  return {
    kind: 'sent',
    result: { cursor, importedRows: imported.length, fromHour },
    pending: { id, sums, firstHour: imported[0]!.hourStart },
  };
}
