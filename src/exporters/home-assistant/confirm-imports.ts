/**
 * Confirms that Home Assistant wrote the statistics a run imported (it acknowledges an import before its
 * recorder writes it). The run first sends every statistic of a direction, so the recorder writes them
 * in one go while the next ones are built and sent; then this waits, statistic by statistic in the order
 * they were sent (the recorder's queue is first in, first out), until HA holds the last row of each, by
 * polling that single row, and then reads that statistic's rows back once and compares the sums, while
 * the recorder writes the next one. Statistics whose rows differ (a chunk the recorder re-queued after
 * a database error is written last) are read again, together, until `readBackTimeoutMs` passes.
 */
import { HOUR_MS } from '../../domain/hourly.js';
import { type HaApi, HomeAssistantError } from './ha-client.js';
import { pause } from './pause.js';
import type { SyncSettings } from './sync-statistic.js';

/** One statistic whose rows HA acknowledged and must now hold. */
export interface PendingImport {
  id: string;
  /** The sums of the imported rows, consecutive hours from `firstHour` (the rows themselves are not kept). */
  sums: Float64Array;
  firstHour: number;
}

/** Longest pause between two polls of the last row (HA writes about 8,000 rows a second here). */
const MAX_POLL_MS = 200;

function notWritten(id: string): HomeAssistantError {
  return new HomeAssistantError(
    'HA_IMPORT_NOT_WRITTEN',
    `Home Assistant accepted the statistics of ${id} but did not store them: look for recorder errors in Home Assistant's log.`,
  );
}

const within = (a: number | null | undefined, b: number, tolerance: number) =>
  typeof a === 'number' && Math.abs(a - b) <= tolerance;

/** Waits until HA holds the last row of `p`, each statistic having `readBackTimeoutMs` from the one before. */
async function awaitLastRow(api: HaApi, p: PendingImport, settings: SyncSettings, tolerance: number) {
  const last = p.firstHour + (p.sums.length - 1) * HOUR_MS;
  const expected = p.sums[p.sums.length - 1]!;
  const deadline = Date.now() + settings.readBackTimeoutMs;
  for (let delay = 25; ; delay = Math.min(delay * 2, MAX_POLL_MS)) {
    const rows = (await api.hourlySums([p.id], last, last + HOUR_MS))[p.id] ?? [];
    if (within(rows.find((r) => r.start === last)?.sum, expected, tolerance)) return;
    if (Date.now() > deadline) throw notWritten(p.id);
    await pause(settings, delay);
  }
}

/**
 * HA's sums of every pending statistic over its own rows, `hoursPerRead` hours of all of them a
 * request: per statistic one number per imported row (NaN where HA has no sum).
 */
async function readAll(api: HaApi, pending: readonly PendingImport[], hoursPerRead: number) {
  const sums = new Map(pending.map((p) => [p.id, new Float64Array(p.sums.length).fill(Number.NaN)]));
  const firsts = new Map(pending.map((p) => [p.id, p.firstHour]));
  const ends = pending.map((p) => p.firstHour + p.sums.length * HOUR_MS);
  const from = Math.min(...pending.map((p) => p.firstHour));
  const to = Math.max(...ends);
  for (let t = from; t < to; t += hoursPerRead * HOUR_MS) {
    const end = Math.min(to, t + hoursPerRead * HOUR_MS);
    const ids = pending.filter((p, i) => p.firstHour < end && ends[i]! > t).map((p) => p.id);
    if (ids.length === 0) continue;
    const answer = await api.hourlySums(ids, t, end);
    for (const id of ids) {
      const held = sums.get(id)!;
      const first = firsts.get(id)!;
      for (const r of answer[id] ?? []) {
        const i = (r.start - first) / HOUR_MS;
        if (Number.isInteger(i) && i >= 0 && i < held.length && r.sum !== null) held[i] = r.sum;
      }
    }
  }
  return sums;
}

function holds(p: PendingImport, held: Float64Array, tolerance: number): boolean {
  for (let i = 0; i < held.length; i++) if (!(Math.abs(held[i]! - p.sums[i]!) <= tolerance)) return false;
  return true;
}

/** Hours of one statistic per read-back request, in `chunkHours + 1` steps (about 3,000 rows an answer). */
const READ_CHUNKS = 4;

/** Returns once HA holds every row of every pending import; throws `HA_IMPORT_NOT_WRITTEN` otherwise. */
export async function confirmImports(
  api: HaApi,
  pending: readonly PendingImport[],
  settings: SyncSettings,
  tolerance: number,
): Promise<void> {
  const hoursPerRead = (settings.chunkHours + 1) * READ_CHUNKS;
  let left: PendingImport[] = [];
  // Each statistic is read back as soon as its last row is there, while the recorder writes the next.
  for (const p of pending) {
    await awaitLastRow(api, p, settings, tolerance);
    if (!holds(p, (await readAll(api, [p], hoursPerRead)).get(p.id)!, tolerance)) left.push(p);
  }
  const deadline = Date.now() + settings.readBackTimeoutMs;
  for (let delay = 50; left.length > 0; delay = Math.min(delay * 2, 1000)) {
    if (Date.now() > deadline) throw notWritten(left[0]!.id);
    await pause(settings, delay);
    const sums = await readAll(api, left, hoursPerRead);
    left = left.filter((p) => !holds(p, sums.get(p.id)!, tolerance));
  }
}
