/** The valibot shape of `GET /api/status` (see `status-json.ts`). */
import * as v from 'valibot';
import { Day, Instant } from './shapes.js';

const at = v.nullable(Instant);
const Int = v.pipe(v.number(), v.integer());

const StreamStatus = v.strictObject({
  stream: v.string(),
  lastSuccessAt: at,
  lastAttemptAt: at,
  lastError: v.nullable(v.string()),
  dataRange: v.nullable(v.strictObject({ start: Day, end: Day })),
  missingDays: Int,
  givenUpDays: Int,
});

const PdlStatus = v.strictObject({
  pdl: v.string(),
  name: v.nullable(v.string()),
  isActive: v.boolean(),
  hasConsumption: v.boolean(),
  hasProduction: v.boolean(),
  selected: v.boolean(),
  streams: v.array(StreamStatus),
});

export const ExporterStatus = v.strictObject({
  name: v.string(),
  state: v.picklist(['idle', 'running', 'ok', 'error', 'stopped']),
  lastRunAt: at,
  lastSuccessAt: at,
  /** Exporter-specific counters of the last run, always with its `reason`. */
  lastResult: v.nullable(v.record(v.string(), v.unknown())),
  lastError: v.nullable(v.string()),
});

const Progress = v.strictObject({
  startedAt: Instant,
  done: Int,
  total: Int,
  percent: v.number(),
  etaMs: v.nullable(v.number()),
  pdl: v.nullable(v.string()),
  stream: v.nullable(v.string()),
  message: v.string(),
});

/** One sync run of the history (newest first, the last 20). */
const RunRecord = v.strictObject({
  startedAt: Instant,
  finishedAt: Instant,
  scope: v.string(),
  outcome: v.picklist(['ok', 'failed', 'quota-exhausted']),
  calls: Int,
  failedTasks: Int,
  error: v.nullable(v.strictObject({ code: v.string(), message: v.string() })),
});

export const Status = v.strictObject({
  version: v.string(),
  now: Instant,
  running: v.boolean(),
  progress: v.nullable(Progress),
  lastRun: v.strictObject({
    startedAt: at,
    finishedAt: at,
    ok: v.nullable(v.boolean()),
    calls: Int,
  }),
  lastError: v.nullable(v.strictObject({ code: v.string(), message: v.string(), at: Instant })),
  quota: v.strictObject({
    cachedUsed: v.nullable(Int),
    cachedLimit: v.nullable(Int),
    noCacheUsed: v.nullable(Int),
    noCacheLimit: v.nullable(Int),
    pausedUntil: at,
  }),
  schedule: v.strictObject({ nextDailySync: at, nextTempo: at, nextEcoWatt: at }),
  global: v.array(StreamStatus),
  pdls: v.array(PdlStatus),
  warnings: v.array(v.string()),
  exporters: v.array(ExporterStatus),
  history: v.array(RunRecord),
});
