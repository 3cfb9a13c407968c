/**
 * The JSON shape of `GET /api/status`: the sync engine's `SyncStatus`, field by field (so nothing new
 * leaks out unreviewed), with instants as ISO 8601 with the Paris offset and every text redacted.
 */
import { parisIso } from '../domain/time.js';
import type { ExporterStatus } from '../exporters/types.js';
import { redactText } from '../log/redact.js';
import type { RunRecord } from '../sync/run-history.js';
import type { PdlStatus, StreamStatus, SyncProgress, SyncStatus } from '../sync/status.js';

const iso = (ms: number | null): string | null => (ms === null ? null : parisIso(ms));
const text = (s: string | null): string | null => (s === null ? null : redactText(s));

function streamJson(s: StreamStatus) {
  return {
    stream: s.stream,
    lastSuccessAt: iso(s.lastSuccessAt),
    lastAttemptAt: iso(s.lastAttemptAt),
    lastError: text(s.lastError),
    dataRange: s.dataRange ? { start: s.dataRange.start, end: s.dataRange.end } : null,
    missingDays: s.missingDays,
    givenUpDays: s.givenUpDays,
  };
}

function pdlJson(p: PdlStatus) {
  return {
    pdl: p.pdl,
    name: p.name,
    isActive: p.isActive,
    hasConsumption: p.hasConsumption,
    hasProduction: p.hasProduction,
    selected: p.selected,
    streams: p.streams.map(streamJson),
  };
}

/** Exporter-specific result: numbers and flags as they are, every text redacted, nesting kept. */
function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)]));
  }
  return value;
}

function exporterJson(e: ExporterStatus) {
  return {
    name: e.name,
    state: e.state,
    lastRunAt: iso(e.lastRunAt),
    lastSuccessAt: iso(e.lastSuccessAt),
    lastResult: e.lastResult === null ? null : (redactDeep(e.lastResult) as Record<string, unknown>),
    lastError: text(e.lastError),
  };
}

function progressJson(p: SyncProgress | null) {
  if (!p) return null;
  const { done, total, percent, etaMs, pdl, stream } = p;
  return { startedAt: parisIso(p.startedAt), done, total, percent, etaMs, pdl, stream, message: redactText(p.message) };
}

function runJson(r: RunRecord) {
  return {
    startedAt: parisIso(r.startedAt),
    finishedAt: parisIso(r.finishedAt),
    scope: r.scope,
    outcome: r.outcome,
    calls: r.calls,
    failedTasks: r.failedTasks,
    error: r.error ? { code: r.error.code, message: redactText(r.error.message) } : null,
  };
}

export function statusJson(s: SyncStatus, meta: { version: string; nowMs: number }) {
  const { quota, schedule } = s;
  return {
    version: meta.version,
    now: parisIso(meta.nowMs),
    running: s.running,
    progress: progressJson(s.progress),
    lastRun: {
      startedAt: iso(s.lastRunStartedAt),
      finishedAt: iso(s.lastRunFinishedAt),
      ok: s.lastRunOk,
      calls: s.lastRunCalls,
    },
    lastError: s.lastError
      ? { code: s.lastError.code, message: redactText(s.lastError.message), at: parisIso(s.lastError.at) }
      : null,
    quota: {
      cachedUsed: quota.cachedUsed,
      cachedLimit: quota.cachedLimit,
      noCacheUsed: quota.noCacheUsed,
      noCacheLimit: quota.noCacheLimit,
      pausedUntil: iso(quota.pausedUntil),
    },
    schedule: {
      nextDailySync: iso(schedule.nextDailySync),
      nextTempo: iso(schedule.nextTempo),
      nextEcoWatt: iso(schedule.nextEcoWatt),
    },
    global: s.global.map(streamJson),
    pdls: s.pdls.map(pdlJson),
    warnings: s.warnings.map(redactText),
    exporters: s.exporters.map(exporterJson),
    history: s.history.map(runJson),
  };
}

export type StatusJson = ReturnType<typeof statusJson>;
