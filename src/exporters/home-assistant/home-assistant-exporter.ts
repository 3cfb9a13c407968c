/**
 * Home Assistant long-term statistics exporter. After each sync (and at start) it brings every
 * statistic of every usage point in line with the store: incremental in normal runs, self-healing when
 * HA's rows or the local data changed, recomputing costs when prices change. Built on the exporter kit
 * (`../kit/`): runs one at a time, a failed run is logged, reported in `status()` and retried with
 * back-off (not when the token is refused), and never throws. Once a week (and at start when the last
 * one is older) a deep check compares the whole history and repairs old rows (`deep-check.ts`).
 */

import { errorMessage } from '../../errors/app-error.js';
import { registerSecret } from '../../log/redact.js';
import { streamSpec } from '../../streams/index.js';
import type { DataChangedEvent } from '../../sync/events.js';
import { type ParisCron, parisCron } from '../../sync/paris-cron.js';
import { type ExportRun, type FailureVerdict, KitExporter } from '../kit/kit-exporter.js';
import type { StatisticKind } from './build-statistic-rows.js';
import { recordDirty } from './cursors.js';
import { DEEP_CHECK_REASON, deepCheck, deepCheckDue, lastDeepCheck, recordDeepCheck } from './deep-check.js';
import { type ExportDeps, exportStatistics } from './export-statistics.js';
import { type ConnectOptions, connectHomeAssistant, type HaApi, HomeAssistantError } from './ha-client.js';
import type { HomeAssistantExporterOptions } from './options.js';
import type { SyncSettings } from './sync-statistic.js';
import { wireDashboard } from './wire-dashboard.js';

export const EXPORTER_NAME = 'home-assistant';

/** The weekly deep check (`deep-check.ts`): Sundays 04:40, Paris time, away from the morning sync. */
export const DEEP_CHECK_PATTERN = '40 4 * * 0';

export interface HomeAssistantExporterDeps {
  connect?: (options: ConnectOptions) => Promise<HaApi>;
  sleep?: (ms: number) => Promise<void>;
}

/** Failures after which the connection is closed and the next run opens a new one. */
const DROPS_CONNECTION = new Set(['HA_CONNECTION_LOST', 'HA_UNREACHABLE', 'HA_AUTH_REJECTED', 'HA_TIMEOUT']);

export class HomeAssistantExporter extends KitExporter {
  private api: HaApi | null = null;
  private dirtyWrites: Promise<void> = Promise.resolve();
  private weekly: ParisCron | null = null;
  /** A deep check was asked for and has not succeeded yet: the retries after a failed run do it too. */
  private deepCheckAsked = false;

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
    this.weekly = parisCron(DEEP_CHECK_PATTERN, { unref: true, protect: true }, async () => {
      void this.run(DEEP_CHECK_REASON);
    });
    this.weekly.resume();
    // Not awaited: a first export can take minutes, and start must not hold up the other exporters.
    void this.run('start');
  }

  protected async exportOnce(run: ExportRun): Promise<Record<string, unknown>> {
    if (run.reason === DEEP_CHECK_REASON) this.deepCheckAsked = true;
    await this.dirtyWrites;
    const deps = this.exportDeps(await this.ensureApi(), run.signal);
    const result: Record<string, unknown> = await exportStatistics(deps);
    const last = await lastDeepCheck(deps.store);
    if (this.deepCheckAsked || deepCheckDue(run.reason, last, run.startedAt)) {
      result.deepCheck = await deepCheck(deps);
      this.deepCheckAsked = false;
      this.logger?.info({ ...(result.deepCheck as object) }, 'deep check of the Home Assistant statistics done');
    }
    if (last === null || result.deepCheck) await recordDeepCheck(deps.store, run.startedAt);
    this.logger?.debug({ reason: run.reason, ...result }, 'Home Assistant statistics up to date');
    return result;
  }

  protected override async disconnect(): Promise<void> {
    this.weekly?.stop();
    this.weekly = null;
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
      this.api = await connect({
        url: this.options.url,
        token: this.options.token,
        commandTimeoutMs: this.options.commandTimeoutMs,
      });
      this.logger?.info({ haVersion: this.api.haVersion }, 'connected to Home Assistant');
    }
    return this.api;
  }

  /**
   * A lost, refused or unanswering connection is dropped (the next run reconnects; a late answer then
   * goes nowhere); a refused token is not retried.
   */
  protected onFailure(err: unknown): FailureVerdict {
    const code = (err as { code?: unknown }).code;
    if (code === 'HA_STOPPED') {
      this.logger?.info({ code }, errorMessage(err));
      return 'no-retry';
    }
    this.logger?.error({ code }, errorMessage(err));
    if (DROPS_CONNECTION.has(String(code))) {
      this.api?.close();
      this.api = null;
    }
    return code === 'HA_AUTH_REJECTED' ? 'no-retry' : 'retry';
  }

  private settings(signal: AbortSignal): SyncSettings {
    return {
      signal,
      trailingHours: this.options.trailingDays * 24,
      chunkHours: this.options.chunkHours,
      readBackTimeoutMs: this.options.readBackTimeoutMs,
      sleep: this.deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
  }

  private exportDeps(api: HaApi, signal: AbortSignal): ExportDeps {
    const { store, clock } = this.context!;
    const wire = (haApi: HaApi, pdl: string, kinds: StatisticKind[]) => this.wireDashboard(haApi, pdl, kinds);
    const deps = { store, clock, logger: this.logger!, api, options: this.options, settings: this.settings(signal) };
    return { ...deps, wireDashboard: wire };
  }

  private wireDashboard(api: HaApi, pdl: string, kinds: StatisticKind[]): Promise<void> {
    return wireDashboard(api, this.logger!, pdl, kinds);
  }
}

export { HomeAssistantError };
