/**
 * Builds the status snapshot (API, `status` command) from the store and the engine's run state.
 */
import type { Clock } from '../domain/clock.js';
import { addDays, parisToday } from '../domain/time.js';
import type { DateRange, LocalDate } from '../domain/types.js';
import type { ExporterStatus } from '../exporters/types.js';
import type { GatewayClient } from '../gateway/types.js';
import { GLOBAL_PDL, type Store, type StreamName, type StreamState } from '../store/repository.js';
import type { SyncEngine } from './engine.js';
import { completeDays } from './holdings.js';
import { isSelected } from './plan-run.js';
import { type DayStream, dayStreamsOf } from './planner/index.js';
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
}

const HISTORY_YEARS_BACK = 4;

async function dataRange(store: Store, pdl: string, stream: DayStream, today: LocalDate): Promise<DateRange | null> {
  const range = { start: addDays(today, -366 * HISTORY_YEARS_BACK), end: addDays(today, 2) };
  const days = [...(await completeDays(store, pdl, stream, range))].sort();
  const first = days[0];
  const last = days[days.length - 1];
  return first && last ? { start: first, end: addDays(last, 1) } : null;
}

async function streamStatus(
  deps: StatusDeps,
  pdl: string,
  stream: StreamName,
  states: Map<string, StreamState>,
): Promise<StreamStatus> {
  const state = states.get(`${pdl}|${stream}`);
  const today = parisToday(deps.clock.now());
  const isDay = stream !== 'contract' && stream !== 'address' && stream !== 'ecowatt';
  const attempts = isDay
    ? await deps.store.listDayAttempts(pdl, stream, {
        start: addDays(today, -366 * HISTORY_YEARS_BACK),
        end: addDays(today, 2),
      })
    : [];
  return {
    stream,
    lastSuccessAt: state?.lastSuccessAt ?? null,
    lastAttemptAt: state?.lastAttemptAt ?? null,
    lastError: state?.lastError ?? null,
    dataRange: isDay ? await dataRange(deps.store, pdl, stream as DayStream, today) : null,
    missingDays: attempts.filter((a) => a.nextRetryAt !== null).length,
    givenUpDays: attempts.filter((a) => a.nextRetryAt === null).length,
  };
}

export function createStatusProvider(deps: StatusDeps): StatusProvider {
  return {
    async getStatus(): Promise<SyncStatus> {
      const states = new Map((await deps.store.listStreamStates()).map((s) => [`${s.pdl}|${s.stream}`, s]));
      const pdls: PdlStatus[] = [];
      for (const p of await deps.store.listUsagePoints()) {
        const streams: StreamName[] = [
          ...(p.hasConsumption ? (['contract'] as const) : []),
          'address',
          ...dayStreamsOf(p),
        ];
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
      const global = await Promise.all(
        (['tempo', 'ecowatt'] as const).map((s) => streamStatus(deps, GLOBAL_PDL, s, states)),
      );
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
        global,
        pdls,
        exporters: deps.exporters ? await deps.exporters() : [],
      };
    },
  };
}
