/**
 * Home Assistant long-term statistics exporter. After each sync (and at start) it brings every
 * statistic of every usage point in line with the store: incremental in normal runs, self-healing when
 * HA's rows or the local data changed, recomputing costs when prices change. Runs are serialized; a
 * failed run is logged, reported in `status()` and retried with back-off, and never throws.
 */

import type { Direction } from '../../domain/types.js';
import { errorMessage } from '../../errors/app-error.js';
import type { Logger } from '../../log/logger.js';
import { registerSecret } from '../../log/redact.js';
import type { StreamName } from '../../store/repository.js';
import type { DataChangedEvent } from '../../sync/events.js';
import type { Exporter, ExporterContext, ExporterStatus } from '../types.js';
import type { StatisticKind } from './build-statistic-rows.js';
import { recordDirty } from './cursors.js';
import { exportStatistics } from './export-statistics.js';
import { type ConnectOptions, connectHomeAssistant, type HaApi, HomeAssistantError } from './ha-client.js';
import type { HomeAssistantExporterOptions } from './options.js';
import type { SyncSettings } from './sync-statistic.js';
import { wireDashboard } from './wire-dashboard.js';

export const EXPORTER_NAME = 'home-assistant';

export interface HomeAssistantExporterDeps {
  connect?: (options: ConnectOptions) => Promise<HaApi>;
  sleep?: (ms: number) => Promise<void>;
}

const STREAM_DIRECTION: Partial<Record<StreamName, Direction>> = {
  consumption_daily: 'consumption',
  consumption_curve: 'consumption',
  production_daily: 'production',
  production_curve: 'production',
};

export class HomeAssistantExporter implements Exporter {
  readonly name = EXPORTER_NAME;
  private context: ExporterContext | null = null;
  private logger: Logger | null = null;
  private api: HaApi | null = null;
  private queue: Promise<void> = Promise.resolve();
  private dirtyWrites: Promise<void> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  private readonly state: ExporterStatus = {
    name: EXPORTER_NAME,
    state: 'idle',
    lastRunAt: null,
    lastSuccessAt: null,
    lastResult: null,
    lastError: null,
  };
  private readonly onDataChanged = (e: DataChangedEvent) => this.markDirty(e);
  private readonly onSyncFinished = () => void this.run('sync-finished');

  constructor(
    private readonly options: HomeAssistantExporterOptions,
    private readonly deps: HomeAssistantExporterDeps = {},
  ) {}

  async start(context: ExporterContext): Promise<void> {
    registerSecret(this.options.token);
    this.context = context;
    this.stopped = false;
    this.logger = context.logger.child({ exporter: EXPORTER_NAME });
    context.events.on('data-changed', this.onDataChanged);
    context.events.on('sync-finished', this.onSyncFinished);
    void this.run('start');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.context?.events.off('data-changed', this.onDataChanged);
    this.context?.events.off('sync-finished', this.onSyncFinished);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.queue;
    await this.dirtyWrites;
    this.api?.close();
    this.api = null;
    this.state.state = 'stopped';
  }

  status(): ExporterStatus {
    return { ...this.state };
  }

  run(reason: string): Promise<void> {
    this.queue = this.queue.then(() => (this.stopped ? undefined : this.runOnce(reason)));
    return this.queue;
  }

  private markDirty(e: DataChangedEvent): void {
    const direction = STREAM_DIRECTION[e.stream];
    const store = this.context?.store;
    if (!direction || !store) return;
    this.dirtyWrites = this.dirtyWrites
      .then(() => recordDirty(store, e.pdl, direction, e.range.start))
      .catch((err) => this.logger?.warn({ err: errorMessage(err) }, 'could not record changed days'));
  }

  private async ensureApi(): Promise<HaApi> {
    if (!this.api) {
      const connect = this.deps.connect ?? connectHomeAssistant;
      this.api = await connect({ url: this.options.url, token: this.options.token });
      this.logger?.info({ haVersion: this.api.haVersion }, 'connected to Home Assistant');
    }
    return this.api;
  }

  private async runOnce(reason: string): Promise<void> {
    const { clock } = this.context!;
    this.state.state = 'running';
    this.state.lastRunAt = clock.now();
    try {
      await this.dirtyWrites;
      const result = await this.exportAll(await this.ensureApi());
      this.failures = 0;
      Object.assign(this.state, { state: 'ok', lastSuccessAt: clock.now(), lastResult: result, lastError: null });
      this.logger?.debug({ reason, ...result }, 'Home Assistant statistics up to date');
    } catch (err) {
      this.onFailure(err);
    }
  }

  private onFailure(err: unknown): void {
    const code = (err as { code?: unknown }).code;
    Object.assign(this.state, { state: 'error', lastError: errorMessage(err) });
    this.logger?.error({ code }, errorMessage(err));
    if (code === 'HA_CONNECTION_LOST' || code === 'HA_UNREACHABLE' || code === 'HA_AUTH_REJECTED') {
      this.api?.close();
      this.api = null;
    }
    if (code === 'HA_AUTH_REJECTED' || this.stopped) return;
    const delays = this.options.retryDelaysMs;
    const delay = delays[Math.min(this.failures, delays.length - 1)]!;
    this.failures++;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.run('retry'), delay);
    this.retryTimer.unref();
  }

  private settings(): SyncSettings {
    return {
      trailingHours: this.options.trailingDays * 24,
      chunkHours: this.options.chunkHours,
      readBackTimeoutMs: this.options.readBackTimeoutMs,
      sleep: this.deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
  }

  private exportAll(api: HaApi): Promise<Record<string, unknown>> {
    const { store, clock } = this.context!;
    const wire = (haApi: HaApi, pdl: string, kinds: StatisticKind[]) => this.wireDashboard(haApi, pdl, kinds);
    const deps = { store, clock, logger: this.logger!, api, options: this.options, settings: this.settings() };
    return exportStatistics({ ...deps, wireDashboard: wire });
  }

  private wireDashboard(api: HaApi, pdl: string, kinds: StatisticKind[]): Promise<void> {
    return wireDashboard(api, this.logger!, pdl, kinds);
  }
}

export { HomeAssistantError };
