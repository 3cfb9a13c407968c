/**
 * Home Assistant long-term statistics exporter. After each sync (and at start) it brings every
 * statistic of every usage point in line with the store: incremental in normal runs, self-healing when
 * HA's rows or the local data changed, recomputing costs when prices change. Runs are serialized; a
 * failed run is logged, reported in `status()` and retried with back-off, and never throws.
 */

import { HOUR_MS } from '../../domain/hourly.js';
import { parisMidnightUtc } from '../../domain/time.js';
import type { Direction } from '../../domain/types.js';
import { errorMessage } from '../../errors/app-error.js';
import type { Logger } from '../../log/logger.js';
import { registerSecret } from '../../log/redact.js';
import { streamSpec } from '../../streams/index.js';
import type { DataChangedEvent } from '../../sync/events.js';
import type { Exporter, ExporterContext, ExporterStatus } from '../types.js';
import { type StatisticKind, statisticId, statisticMetadata } from './build-statistic-rows.js';
import { type DashboardIds, mergeEnergySources } from './energy-prefs.js';
import { type ConnectOptions, connectHomeAssistant, type HaApi, HomeAssistantError } from './ha-client.js';
import { loadSeries } from './load-series.js';
import type { HomeAssistantExporterOptions } from './options.js';
import { type StatisticCursor, type SyncSettings, syncStatistic } from './sync-statistic.js';

export const EXPORTER_NAME = 'home-assistant';

export interface HomeAssistantExporterDeps {
  connect?: (options: ConnectOptions) => Promise<HaApi>;
  sleep?: (ms: number) => Promise<void>;
}

const dirtyKey = (pdl: string, direction: Direction) => `dirty:${pdl}:${direction}`;

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
    const direction = streamSpec(e.stream).energy;
    const store = this.context?.store;
    if (!direction || !store) return;
    const hour = parisMidnightUtc(e.range.start);
    this.dirtyWrites = this.dirtyWrites
      .then(async () => {
        const old = await store.getCursor(EXPORTER_NAME, dirtyKey(e.pdl, direction));
        if (old === null || Number(old) > hour)
          await store.setCursor(EXPORTER_NAME, dirtyKey(e.pdl, direction), String(hour));
      })
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

  private async exportAll(api: HaApi): Promise<Record<string, unknown>> {
    const { store, clock } = this.context!;
    let importedRows = 0;
    let statistics = 0;
    for (const point of await store.listUsagePoints()) {
      const series = await loadSeries(store, point, this.options, clock.now());
      const ids = series.map((s) => statisticId(point.pdl, s.kind));
      const existing = new Set((await api.getStatisticsMetadata(ids)).map((m) => m.statistic_id));
      const done = new Set<Direction>(['consumption', 'production']);
      for (const s of series) {
        const id = statisticId(point.pdl, s.kind);
        const dirty = await store.getCursor(EXPORTER_NAME, dirtyKey(point.pdl, s.direction));
        const cursorText = await store.getCursor(EXPORTER_NAME, `stat:${id}`);
        const result = await syncStatistic(
          api,
          {
            kind: s.kind,
            metadata: statisticMetadata(point.pdl, s.kind, api.haVersion, point.name),
            values: s.values,
            fingerprint: s.fingerprint,
            existsInHa: existing.has(id),
            cursor: cursorText ? (JSON.parse(cursorText) as StatisticCursor) : null,
            dirtyFrom: dirty === null ? null : Number(dirty) - HOUR_MS,
          },
          this.settings(),
          this.logger!,
        );
        if (result.cursor) await store.setCursor(EXPORTER_NAME, `stat:${id}`, JSON.stringify(result.cursor));
        importedRows += result.importedRows;
        statistics++;
      }
      for (const direction of done) await store.deleteCursor(EXPORTER_NAME, dirtyKey(point.pdl, direction));
      if (this.options.energyDashboard === 'auto')
        await this.wireDashboard(
          api,
          point.pdl,
          series.map((s) => s.kind),
        );
    }
    return { statistics, importedRows };
  }

  private async wireDashboard(api: HaApi, pdl: string, kinds: StatisticKind[]): Promise<void> {
    const id = (kind: StatisticKind) => (kinds.includes(kind) ? statisticId(pdl, kind) : null);
    const ids: DashboardIds = {
      consumption: id('consumption'),
      production: id('production'),
      consumptionCost: id('consumption_cost'),
      productionCompensation: id('production_compensation'),
    };
    const sources = mergeEnergySources(await api.getEnergyPrefs(), ids, api.haVersion);
    if (!sources) return;
    await api.saveEnergyPrefs({ energy_sources: sources });
    this.logger?.info({ pdl }, 'added the Linky statistics to the Energy Dashboard');
  }
}

export { HomeAssistantError };
