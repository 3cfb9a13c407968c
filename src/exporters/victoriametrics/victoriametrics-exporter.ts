/**
 * VictoriaMetrics history exporter: pushes every stored sample (30-min energy and power, daily energy,
 * daily max power) with its original timestamp, the whole history on the first run and then only what is
 * new, a changed series being deleted and re-imported (see `plan-push.ts`: exactly one sample per
 * timestamp, corrections included, without relying on dedup). Built on the exporter kit: serial runs,
 * status, retry with back-off while VictoriaMetrics is down.
 */
import { parisMidnightUtc } from '../../domain/time.js';
import { errorMessage } from '../../errors/app-error.js';
import type { Store, StreamName } from '../../store/repository.js';
import type { DataChangedEvent } from '../../sync/events.js';
import { type ExportRun, type FailureVerdict, KitExporter } from '../kit/kit-exporter.js';
import { importLines, type Series, selector } from './build-import-lines.js';
import { loadSeries } from './load-series.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_RETRY_DELAYS_MS, type VictoriaMetricsOptions } from './options.js';
import { cursorAfter, parseCursor, planPush } from './plan-push.js';
import { parseRetention, retentionWarning } from './retention.js';
import { VmClient } from './vm-client.js';

export const EXPORTER_NAME = 'victoriametrics';

/** Store cursor keys: the dirty mark of a stream (earliest changed instant) and each series' cursor. */
export const dirtyKey = (pdl: string, stream: StreamName) => `dirty:${pdl}:${stream}`;
export const seriesKey = (s: Pick<Series, 'name' | 'labels'>) => `series:${selector(s.name, s.labels)}`;

interface RunTotals {
  series: number;
  samples: number;
  replaced: number;
  oldest: number | null;
}

export class VictoriaMetricsExporter extends KitExporter {
  private readonly client: VmClient;
  private dirtyWrites: Promise<void> = Promise.resolve();
  private lastWarning: string | null = null;

  constructor(private readonly options: VictoriaMetricsOptions) {
    super({ name: EXPORTER_NAME, retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS });
    this.client = new VmClient(options);
  }

  protected async connect(): Promise<void> {
    this.subscribe('data-changed', (e) => this.markDirty(e));
    this.subscribe('sync-finished', () => void this.run('sync-finished'));
    // Not awaited: a first backfill takes a while and must not hold up the other exporters.
    void this.run('start');
  }

  protected async exportOnce(run: ExportRun): Promise<Record<string, unknown>> {
    await this.dirtyWrites;
    const { store } = run.context;
    const retentionMs = parseRetention((await this.client.flags()) ?? '');
    const totals: RunTotals = { series: 0, samples: 0, replaced: 0, oldest: null };
    for (const point of await store.listUsagePoints()) {
      const series = await loadSeries(store, point, run.startedAt, this.options.extraLabels ?? {});
      const streams = [...new Set(series.map((s) => s.stream))];
      const dirty = new Map<StreamName, string | null>();
      for (const stream of streams)
        dirty.set(stream, await store.getCursor(EXPORTER_NAME, dirtyKey(point.pdl, stream)));
      for (const s of series) {
        const mark = dirty.get(s.stream);
        await this.pushSeries(store, s, mark == null ? null : Number(mark), run, totals);
      }
      await this.clearDirty(store, point.pdl, dirty);
    }
    const warning = retentionWarning(retentionMs, totals.oldest, run.startedAt);
    this.noteRetention(warning);
    const { oldest: _oldest, ...counts } = totals;
    return warning ? { ...counts, warning } : counts;
  }

  private async pushSeries(store: Store, s: Series, dirtyFrom: number | null, run: ExportRun, totals: RunTotals) {
    totals.series++;
    const first = s.samples[0]?.t;
    if (first !== undefined) totals.oldest = Math.min(totals.oldest ?? first, first);
    const key = seriesKey(s);
    const cursor = parseCursor(await store.getCursor(EXPORTER_NAME, key));
    const plan = planPush(cursor, dirtyFrom, s.samples);
    if (plan.mode === 'none') return;
    const base = plan.mode === 'append' ? cursor!.through : 0;
    // Marked unclean before sending: a push cut short anywhere below is redone from scratch next run.
    await store.setCursor(EXPORTER_NAME, key, JSON.stringify({ through: base, clean: false }));
    if (plan.mode === 'replace') {
      await this.client.deleteSeries(selector(s.name, s.labels));
      totals.replaced++;
      this.logger?.debug({ series: key, why: plan.why }, 'VictoriaMetrics series re-imported');
    }
    const size = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    for (let i = 0; i < plan.samples.length; i += size) {
      if (run.signal.aborted) throw new Error('stopped during a push');
      await this.client.importLines(importLines(s, plan.samples.slice(i, i + size)));
    }
    await store.setCursor(EXPORTER_NAME, key, JSON.stringify(cursorAfter(base, plan.samples)));
    totals.samples += plan.samples.length;
  }

  /** Drops the dirty marks this run served; one set again during the run (a new change) is kept. */
  private async clearDirty(store: Store, pdl: string, seen: Map<StreamName, string | null>): Promise<void> {
    for (const [stream, mark] of seen) {
      if (mark === null) continue;
      if ((await store.getCursor(EXPORTER_NAME, dirtyKey(pdl, stream))) === mark)
        await store.deleteCursor(EXPORTER_NAME, dirtyKey(pdl, stream));
    }
  }

  /** Records the earliest changed instant of a stream (its first day's Paris midnight), in the store. */
  private markDirty(e: DataChangedEvent): void {
    const store = this.context?.store;
    if (!store) return;
    const from = parisMidnightUtc(e.range.start);
    const key = dirtyKey(e.pdl, e.stream);
    this.dirtyWrites = this.dirtyWrites
      .then(async () => {
        const old = await store.getCursor(EXPORTER_NAME, key);
        if (old === null || Number(old) > from) await store.setCursor(EXPORTER_NAME, key, String(from));
      })
      .catch((err) => this.logger?.warn({ err: errorMessage(err) }, 'could not record changed days'));
  }

  private noteRetention(warning: string | null): void {
    if (warning && warning !== this.lastWarning) this.logger?.warn(warning);
    this.lastWarning = warning;
  }

  /** Refused credentials will not heal by themselves; anything else (down, restarting) is retried. */
  protected onFailure(err: unknown, run: ExportRun): FailureVerdict {
    const code = (err as { code?: unknown }).code;
    this.logger?.warn({ reason: run.reason, code, error: errorMessage(err) }, 'VictoriaMetrics push failed');
    return code === 'VM_AUTH_REJECTED' ? 'no-retry' : 'retry';
  }

  protected override async disconnect(): Promise<void> {
    await this.dirtyWrites;
  }
}
