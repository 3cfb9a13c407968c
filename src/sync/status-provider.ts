/**
 * Builds the status snapshot (API, `status` command) from the store and the engine's run state.
 */
import type { Clock } from '../domain/clock.js';
import { addDays, parisToday } from '../domain/time.js';
import type { DateRange, LocalDate } from '../domain/types.js';
import type { ExporterStatus } from '../exporters/types.js';
import type { GatewayClient } from '../gateway/types.js';
import { GLOBAL_PDL, type Store, type StreamState } from '../store/repository.js';
import { type AnyDayStreamSpec, type AnyStreamSpec, accountStreams, streamsOf } from '../streams/index.js';
import type { SyncEngine } from './engine.js';
import type { SyncEvents } from './events.js';
import { isSelected } from './plan-run.js';
import { readRunHistory } from './run-history.js';
import type { PdlStatus, ScheduleStatus, StatusProvider, StreamStatus, SyncStatus } from './status.js';

export interface StatusDeps {
  store: Store;
  engine: SyncEngine;
  client: GatewayClient | null;
  clock: Clock;
  selection: readonly string[];
  names: Readonly<Record<string, string>>;
  schedule: () => ScheduleStatus;
  /** The exporters' state: live from the exporter manager, or as last recorded in the store. */
  exporters?: () => ExporterStatus[] | Promise<ExporterStatus[]>;
  /**
   * The sync's events: when given, what is read from the store (PDLs, streams, data held) is kept until
   * the next event that can change it, so `/api/status` costs a store read only after a change.
   */
  events?: SyncEvents;
}

type Stored = Pick<SyncStatus, 'pdls' | 'global'>;

const CHANGING_EVENTS = ['data-changed', 'sync-started', 'sync-progress', 'sync-finished', 'sync-failed'] as const;

/** Reads through `read` once, then again only after `events` said something changed. */
function cachedStored(read: () => Promise<Stored>, events: SyncEvents | undefined): () => Promise<Stored> {
  if (!events) return read;
  let cached: Promise<Stored> | null = null;
  for (const name of CHANGING_EVENTS) {
    events.on(name, () => {
      cached = null;
    });
  }
  return () => {
    cached ??= read().catch((err: unknown) => {
      cached = null;
      throw err;
    });
    return cached;
  };
}

const HISTORY_YEARS_BACK = 4;

const historyRange = (today: LocalDate) => ({
  start: addDays(today, -366 * HISTORY_YEARS_BACK),
  end: addDays(today, 2),
});

async function dataRange(
  store: Store,
  pdl: string,
  spec: AnyDayStreamSpec,
  today: LocalDate,
): Promise<DateRange | null> {
  const days = [...(await spec.completeDays(store, pdl, historyRange(today)))].sort();
  const first = days[0];
  const last = days[days.length - 1];
  return first && last ? { start: first, end: addDays(last, 1) } : null;
}

async function dayStatus(store: Store, pdl: string, spec: AnyStreamSpec, today: LocalDate) {
  if (spec.unit === 'snapshot') return { dataRange: null, attempts: [] };
  const attempts = await store.listDayAttempts(pdl, spec.name, historyRange(today));
  return { dataRange: await dataRange(store, pdl, spec, today), attempts };
}

async function streamStatus(
  deps: StatusDeps,
  pdl: string,
  spec: AnyStreamSpec,
  states: Map<string, StreamState>,
): Promise<StreamStatus> {
  const state = states.get(`${pdl}|${spec.name}`);
  const { dataRange, attempts } = await dayStatus(deps.store, pdl, spec, parisToday(deps.clock.now()));
  return {
    stream: spec.name,
    lastSuccessAt: state?.lastSuccessAt ?? null,
    lastAttemptAt: state?.lastAttemptAt ?? null,
    lastError: state?.lastError ?? null,
    dataRange,
    missingDays: attempts.filter((a) => a.nextRetryAt !== null).length,
    givenUpDays: attempts.filter((a) => a.nextRetryAt === null).length,
  };
}

async function readStored(deps: StatusDeps): Promise<Stored> {
  const states = new Map((await deps.store.listStreamStates()).map((s) => [`${s.pdl}|${s.stream}`, s]));
  const pdls: PdlStatus[] = [];
  for (const p of await deps.store.listUsagePoints()) {
    const streams = streamsOf(p);
    pdls.push({
      pdl: p.pdl,
      name: deps.names[p.pdl] ?? p.name,
      isActive: p.isActive,
      hasConsumption: p.hasConsumption,
      hasProduction: p.hasProduction,
      selected: isSelected(p.pdl, deps.selection),
      streams: await Promise.all(streams.map((s) => streamStatus(deps, p.pdl, s, states))),
    });
  }
  const global = await Promise.all(accountStreams().map((s) => streamStatus(deps, GLOBAL_PDL, s, states)));
  return { pdls, global };
}

export function createStatusProvider(deps: StatusDeps): StatusProvider {
  const stored = cachedStored(() => readStored(deps), deps.events);
  return {
    async getStatus(): Promise<SyncStatus> {
      const { pdls, global } = await stored();
      const run = deps.engine.state;
      const stats = run.lastStats;
      return {
        running: run.running,
        progress: run.progress?.snapshot() ?? null,
        lastRunStartedAt: run.lastRunStartedAt,
        lastRunFinishedAt: run.lastRunFinishedAt,
        lastRunOk: run.lastRunOk,
        lastError: run.lastError,
        lastRunCalls: run.lastRunCalls,
        quota: {
          cachedUsed: stats?.cachedRequests ?? null,
          cachedLimit: stats?.cachedLimit ?? null,
          noCacheUsed: stats?.noCacheRequests ?? null,
          noCacheLimit: stats?.noCacheLimit ?? null,
          pausedUntil: deps.client
            ? (deps.client.quotaPausedUntil('cached') ?? deps.client.quotaPausedUntil('noCache'))
            : run.quotaPausedUntil,
        },
        schedule: deps.schedule(),
        global: structuredClone(global),
        pdls: structuredClone(pdls),
        warnings: [...run.warnings],
        exporters: deps.exporters ? await deps.exporters() : [],
        history: await readRunHistory(deps.store),
      };
    },
  };
}
