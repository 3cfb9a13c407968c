/**
 * What the sync engine and scheduler tell the outside world (API, `status` command): the contract between
 * the sync side and the API server. Pure types; the engine implements `StatusProvider` and `SyncTrigger`.
 */
import type { DateRange } from '../domain/types.js';
import type { ExporterStatus } from '../exporters/types.js';
import type { StreamName } from '../store/repository.js';
import type { PdlScope, SyncScope } from './plan-run.js';
import type { SyncTask } from './planner/index.js';
import type { RunRecord } from './run-history.js';

/** Progress of a running sync; `etaMs` is null until there is enough to estimate. */
export interface SyncProgress {
  startedAt: number;
  done: number;
  total: number;
  /** 0..100, rounded down. */
  percent: number;
  etaMs: number | null;
  /** PDL and stream being fetched now, when known. */
  pdl: string | null;
  stream: StreamName | null;
  message: string;
}

export interface StreamStatus {
  stream: StreamName;
  /** Last run that completed for this stream (epoch ms), null if never. */
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  /** Last error message for this stream (no secrets), null after a success. */
  lastError: string | null;
  /** Local days held in the store: first and last (end exclusive); null when nothing is held. */
  dataRange: DateRange | null;
  /** Days asked for that the gateway did not return, and which were given up on (not asked again). */
  missingDays: number;
  givenUpDays: number;
}

export interface PdlStatus {
  pdl: string;
  /** Display name: `pdl_names` from the config, else the gateway's name, else null. */
  name: string | null;
  isActive: boolean;
  hasConsumption: boolean;
  hasProduction: boolean;
  /** Excluded by the `pdls` selection: listed but not synchronised. */
  selected: boolean;
  streams: StreamStatus[];
}

export interface QuotaStatus {
  cachedUsed: number | null;
  cachedLimit: number | null;
  noCacheUsed: number | null;
  noCacheLimit: number | null;
  /** When a bucket is exhausted: the instant it resets (epoch ms); null when not paused. */
  pausedUntil: number | null;
}

export interface ScheduleStatus {
  /** Next time each job runs (epoch ms), null when it is not scheduled. */
  nextDailySync: number | null;
  nextTempo: number | null;
  nextEcoWatt: number | null;
}

export interface SyncStatus {
  running: boolean;
  progress: SyncProgress | null;
  lastRunStartedAt: number | null;
  lastRunFinishedAt: number | null;
  /** Outcome of the last finished run. */
  lastRunOk: boolean | null;
  lastError: { code: string; message: string; at: number } | null;
  /** Gateway calls made by the last (or current) run. */
  lastRunCalls: number;
  quota: QuotaStatus;
  schedule: ScheduleStatus;
  /** Tempo and EcoWatt (account-wide streams). */
  global: StreamStatus[];
  pdls: PdlStatus[];
  /** Configuration problems found by the last run (a selected PDL the account does not have). */
  warnings: string[];
  /** The exporters that run (API), or their last recorded state (`status` command); in start order. */
  exporters: ExporterStatus[];
  /** The last sync runs, newest first (bounded, kept in the store: `run-history.ts`). */
  history: RunRecord[];
}

export interface StatusProvider {
  /** A snapshot of the current state; reads the store, so it is async. */
  getStatus(): Promise<SyncStatus>;
}

export interface SyncTrigger {
  /** Starts a sync (of every PDL by default) in the background unless one is already running. Never throws. */
  start(scope?: SyncScope): 'started' | 'already-running';
}

/** What the API's control routes ask of the sync besides starting it (the engine implements it). */
export interface SyncControl {
  /** The tasks a sync of `scope` would run now, planned from the stored usage point (no gateway call). */
  preview(scope: PdlScope): Promise<SyncTask[]>;
  /** True when the `pdls` setting lets this PDL be synchronised. */
  selects(pdl: string): boolean;
  /** Runs `fn` while no sync runs, and keeps syncs from starting until it ends; else 'already-running'. */
  whileIdle<T>(fn: () => Promise<T>): Promise<{ done: T } | 'already-running'>;
}
