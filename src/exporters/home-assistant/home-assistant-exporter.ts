/**
 * Home Assistant long-term statistics exporter. After each sync (and at start) it brings every
 * statistic of every usage point in line with the store: incremental in normal runs, self-healing when
 * HA's rows or the local data changed, recomputing costs when prices change. Built on the exporter kit
 * (`../kit/`): runs one at a time, a failed run is logged, reported in `status()` and retried with
 * back-off (not when the token is refused), and never throws.
 */

import { HOUR_MS } from '../../domain/hourly.js';
import { parisMidnightUtc } from '../../domain/time.js';
import type { Direction } from '../../domain/types.js';
import { errorMessage } from '../../errors/app-error.js';
import { registerSecret } from '../../log/redact.js';
import { streamSpec } from '../../streams/index.js';
import type { DataChangedEvent } from '../../sync/events.js';
import { type ExportRun, type FailureVerdict, KitExporter } from '../kit/kit-exporter.js';
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

export class HomeAssistantExporter extends KitExporter {
  private api: HaApi | null = null;
  private dirtyWrites: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: HomeAssistantExporterOptions,
    private readonly deps: HomeAssistantExporterDeps = {},
  ) {
    // The status shows the counts alone (`{ statistics, importedRows }`), as it always has.
    super({ name: EXPORTER_NAME, retryDelaysMs: options.retryDelaysMs, reasonInResult: false });
  }

  protected async connect(): Promise<void> {
    registerSecret(this.options.token);
    this.subscribe('data-changed', (e) => this.markDirty(e));
    this.subscribe('sync-finished', () => void this.run('sync-finished'));
    // Not awaited: a first export can take minutes, and start must not hold up the other exporters.
    void this.run('start');
  }

  protected async exportOnce(run: ExportRun): Promise<Record<string, unknown>> {
    await this.dirtyWrites;
    const result = await this.exportAll(await this.ensureApi());
    this.logger?.debug({ reason: run.reason, ...result }, 'Home Assistant statistics up to date');
    return result;
  }

  protected override async disconnect(): Promise<void> {
    await this.dirtyWrites;
    this.api?.close();
    this.api = null;
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

  /** A lost or refused connection is dropped (the next run reconnects); a refused token is not retried. */
  protected onFailure(err: unknown): FailureVerdict {
    const code = (err as { code?: unknown }).code;
    this.logger?.error({ code }, errorMessage(err));
    if (code === 'HA_CONNECTION_LOST' || code === 'HA_UNREACHABLE' || code === 'HA_AUTH_REJECTED') {
      this.api?.close();
      this.api = null;
    }
    return code === 'HA_AUTH_REJECTED' ? 'no-retry' : 'retry';
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
