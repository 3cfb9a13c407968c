/**
 * Home Assistant long-term statistics exporter. After each sync (and at start) it brings every
 * statistic of every usage point in line with the store: incremental in normal runs, self-healing when
 * HA's rows or the local data changed, recomputing costs when prices change. Built on the exporter kit
 * (`../kit/`): runs one at a time, a failed run is logged, reported in `status()` and retried with
 * back-off (not when the token is refused), and never throws.
 */

import { errorMessage } from '../../errors/app-error.js';
import { registerSecret } from '../../log/redact.js';
import { streamSpec } from '../../streams/index.js';
import type { DataChangedEvent } from '../../sync/events.js';
import { type ExportRun, type FailureVerdict, KitExporter } from '../kit/kit-exporter.js';
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
