/**
 * The last sync runs, newest first, kept in the store (cursor `sync-history/runs`, a JSON list) so the
 * status shows them after a restart and to `med-local status`: when a run started and ended, its scope,
 * its outcome, its gateway calls and, when it did not end ok, the error. Bounded: the oldest runs drop out.
 */
import * as v from 'valibot';
import { errorMessage } from '../errors/app-error.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/repository.js';
import type { RunOutcome, RunState } from './run-state.js';

export const RUN_HISTORY_LIMIT = 20;
const CURSOR = { owner: 'sync-history', key: 'runs' } as const;

const RunRecordSchema = v.object({
  startedAt: v.number(),
  finishedAt: v.number(),
  scope: v.string(),
  outcome: v.picklist(['ok', 'failed', 'quota-exhausted'] as const),
  calls: v.number(),
  failedTasks: v.number(),
  error: v.nullable(v.object({ code: v.string(), message: v.string() })),
});

export type RunRecord = v.InferOutput<typeof RunRecordSchema>;

type Ended = Exclude<RunOutcome, { status: 'already-running' }>;

/** The record of a run that just ended (the engine's state holds its times and error). */
export function runRecord(
  scope: string,
  state: Pick<RunState, 'lastRunStartedAt' | 'lastRunFinishedAt' | 'lastError'>,
  outcome: Ended,
): RunRecord {
  const error = outcome.status !== 'ok' && state.lastError ? state.lastError : null;
  return {
    startedAt: state.lastRunStartedAt ?? 0,
    finishedAt: state.lastRunFinishedAt ?? 0,
    scope,
    outcome: outcome.status,
    calls: outcome.calls,
    failedTasks: outcome.failedTasks,
    error: error ? { code: error.code, message: error.message } : null,
  };
}

/** The recorded runs, newest first; none when nothing (or something unreadable) was recorded. */
export async function readRunHistory(store: Store): Promise<RunRecord[]> {
  const text = await store.getCursor(CURSOR.owner, CURSOR.key);
  if (!text) return [];
  try {
    const parsed = v.safeParse(v.array(RunRecordSchema), JSON.parse(text));
    return parsed.success ? parsed.output : [];
  } catch {
    return [];
  }
}

/** Adds `runs` (newest first) in front of the history, keeping the newest `limit` runs. */
export async function appendRunHistory(
  store: Store,
  runs: RunRecord | readonly RunRecord[],
  limit = RUN_HISTORY_LIMIT,
): Promise<void> {
  const added = Array.isArray(runs) ? runs : [runs as RunRecord];
  const all = [...added, ...(await readRunHistory(store))].slice(0, limit);
  await store.setCursor(CURSOR.owner, CURSOR.key, JSON.stringify(all));
}

/**
 * Records the runs the store could not take yet, then this one. A run that failed because the database
 * is unreachable is kept in memory and written with the next run: asking the database again at once
 * would only lengthen its reconnection back-off. A store failure is logged; the history never fails a run.
 */
export class RunHistoryRecorder {
  private unsaved: RunRecord[] = [];

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  async record(run: RunRecord): Promise<void> {
    this.unsaved = [run, ...this.unsaved].slice(0, RUN_HISTORY_LIMIT);
    if (run.error?.code === 'STORE_UNAVAILABLE') return;
    try {
      await appendRunHistory(this.store, this.unsaved);
      this.unsaved = [];
    } catch (err) {
      this.logger.warn(`could not record the sync run in the history: ${errorMessage(err)}`);
    }
  }
}
