/**
 * The one small interface every exporter implements; the exporter kit (`kit/kit-exporter.ts`) implements
 * it once for all (serial runs, status, retry, subscriptions), see CONTRIBUTING.md. The constructor only
 * stores fields; `start` connects and subscribes; `stop` releases everything. Each exporter is started
 * inside its own try/catch by the exporter manager, so one broken exporter is logged, shown as an error
 * status, and never stops the sync or the other exporters.
 */
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/repository.js';
import type { SyncEvents } from '../sync/events.js';

export interface ExporterContext {
  store: Store;
  events: SyncEvents;
  clock: Clock;
  logger: Logger;
}

export interface ExporterStatus {
  name: string;
  state: 'idle' | 'running' | 'ok' | 'error' | 'stopped';
  lastRunAt: number | null;
  lastSuccessAt: number | null;
  /** What the last run wrote (rows, messages…), exporter-specific. */
  lastResult: Record<string, unknown> | null;
  lastError: string | null;
}

export interface Exporter {
  readonly name: string;
  start(context: ExporterContext): Promise<void>;
  stop(): Promise<void>;
  /**
   * Export now (at start, after each sync); resolves when done; never throws for remote failures. Asked
   * for during a run, it is served by the next run (one for all such requests).
   */
  run(reason: string): Promise<void>;
  status(): ExporterStatus;
}
