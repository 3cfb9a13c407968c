/** What a sync run answers and the state the engine keeps between runs (read by the status). */
import type { UsageStats } from '../domain/types.js';
import type { DataChangedEvent } from './events.js';
import type { ProgressTracker } from './progress.js';

export type RunOutcome =
  | { status: 'already-running' }
  | {
      status: 'ok' | 'quota-exhausted' | 'failed';
      calls: number;
      changed: DataChangedEvent[];
      /** Wanted days of the trailing window still incomplete after the run (worth a retry later today). */
      incompleteRecentDays: number;
      /** Tasks (one stream of one PDL) that failed; 0 when the run fetched everything it planned. */
      failedTasks: number;
      error?: string;
    };

export interface TasksOutcome {
  status: 'ok' | 'quota-exhausted' | 'failed';
  failedTasks: number;
  error?: unknown;
}

export interface RunState {
  running: boolean;
  progress: ProgressTracker | null;
  lastRunStartedAt: number | null;
  lastRunFinishedAt: number | null;
  lastRunOk: boolean | null;
  lastError: { code: string; message: string; at: number } | null;
  lastRunCalls: number;
  quotaPausedUntil: number | null;
  /** Gateway quota counters read at the end of the last run (free call). */
  lastStats: UsageStats | null;
  incompleteRecentDays: number;
  /** Problems of the configuration found by the last full run (a selected PDL the account lacks). */
  warnings: string[];
}

export function initialRunState(): RunState {
  return {
    running: false,
    progress: null,
    lastRunStartedAt: null,
    lastRunFinishedAt: null,
    lastRunOk: null,
    lastError: null,
    lastRunCalls: 0,
    quotaPausedUntil: null,
    lastStats: null,
    incompleteRecentDays: 0,
    warnings: [],
  };
}
