/**
 * VictoriaMetrics history exporter: pushes every stored sample (30-min energy and power, daily energy,
 * daily max power, daily cost when prices are set) with its original timestamp, the whole history on the first run and then only what is
 * new, a changed series being deleted and re-imported (see `plan-push.ts`: exactly one sample per
 * timestamp, corrections included, without relying on dedup). Built on the exporter kit: serial runs,
 * status, retry with back-off while VictoriaMetrics is down.
 */
import { parisMidnightUtc } from '../../domain/time.js';
import { errorMessage } from '../../errors/app-error.js';
import type { Store, StreamName } from '../../store/repository.js';
import type { DataChangedEvent } from '../../sync/events.js';
import { addMark, instantCodec, ServedMarks } from '../kit/dirty-marks.js';
import { type ExportRun, type FailureVerdict, KitExporter } from '../kit/kit-exporter.js';
import { importLines, type Series, selector } from './build-import-lines.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_RETRY_DELAYS_MS, type VictoriaMetricsOptions } from './options.js';
import { cursorAfter, holdsExactly, type PushPlan, parseCursor, planPush, type SeriesCursor } from './plan-push.js';
import { PointSeries, windowStart } from './point-series.js';
import { parseRetention, retentionWarning } from './retention.js';
import { type PushCheck, VmStopped, verifyPush } from './verify-push.js';
import { VictoriaMetricsError, VmClient } from './vm-client.js';

export const EXPORTER_NAME = 'victoriametrics';

/**
 * Store cursor keys: the dirty mark of a stream (earliest changed instant) and each series' cursor, per
 * server (another `victoriametrics_url` is an empty server: it gets the whole history).
 */
export const dirtyKey = (pdl: string, stream: StreamName) => `dirty:${pdl}:${stream}`;
const DIRTY = instantCodec(EXPORTER_NAME);
export const seriesKey = (url: string, s: Pick<Series, 'name' | 'labels' | 'fingerprint'>) =>
  `series:${url}:${selector(s.name, s.labels)}${s.fingerprint ? `#${s.fingerprint}` : ''}`;

/** The earliest dirty mark of the streams a series is computed from; null when none changed. */
function earliestMark(s: Series, dirty: ReadonlyMap<StreamName, number | null>): number | null {
  const marks = [s.stream, ...(s.alsoStreams ?? [])].map((x) => dirty.get(x)).filter((m) => m != null);
  return marks.length ? Math.min(...marks) : null;
}

interface RunTotals {
  series: number;
  samples: number;
  replaced: number;
  oldest: number | null;
  /** Oldest instant VictoriaMetrics keeps (from its retention); 0 when unknown. */
  keptFrom: number;
  /** What to count back, and each series' cursor once its count is right. */
  checks: (PushCheck & { key: string; after: SeriesCursor })[];
}

export interface VictoriaMetricsDeps {
  sleep?: (ms: number) => Promise<void>;
}

const DAY_MS = 86_400_000;

/** The streams pushed; changes of the others (contract, Tempo…) mark nothing. */
const PUSHED_STREAMS: ReadonlySet<StreamName> = new Set([
  'consumption_curve',
  'production_curve',
  'consumption_daily',
  'production_daily',
  'max_power',
]);

export class VictoriaMetricsExporter extends KitExporter {
  private readonly client: VmClient;
  private dirtyWrites: Promise<void> = Promise.resolve();
  private lastWarning: string | null = null;

  constructor(
    private readonly options: VictoriaMetricsOptions,
    private readonly deps: VictoriaMetricsDeps = {},
  ) {
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
    // A day of margin: samples right at the retention edge may be dropped while we count them.
    const keptFrom = retentionMs === null ? 0 : run.startedAt - retentionMs + DAY_MS;
    const totals: RunTotals = { series: 0, samples: 0, replaced: 0, oldest: null, keptFrom, checks: [] };
    for (const point of await store.listUsagePoints()) {
      // The changed days are read before the store's data, so a change recorded meanwhile stays marked.
      const marks = new ServedMarks(store, DIRTY);
      const dirty = new Map<StreamName, number | null>();
      for (const stream of PUSHED_STREAMS) dirty.set(stream, await marks.read(dirtyKey(point.pdl, stream)));
      const input = { store, point, nowMs: run.startedAt, extra: this.options.extraLabels ?? {} };
      const loaded = new PointSeries(
        { ...input, prices: this.options.prices, owner: EXPORTER_NAME },
        windowStart(run.startedAt, dirty.values()),
      );
      for (const s of await loaded.windowed())
        await this.pushSeries(store, s, earliestMark(s, dirty), run, totals, loaded);
      const oldest = await loaded.oldest();
      if (oldest !== null) totals.oldest = Math.min(totals.oldest ?? oldest, oldest);
      await marks.clear();
    }
    await this.verify(store, totals.checks, run.signal);
    const warning = retentionWarning(retentionMs, totals.oldest, run.startedAt);
    this.noteRetention(warning);
    const { oldest: _oldest, keptFrom: _keptFrom, checks: _checks, ...counts } = totals;
    return warning ? { ...counts, warning } : counts;
  }

  /** `windowed`: the series holds the window only; the whole history is read when the plan needs it. */
  private async pushSeries(
    store: Store,
    windowed: Series,
    dirtyFrom: number | null,
    run: ExportRun,
    totals: RunTotals,
    loaded: PointSeries,
  ) {
    totals.series++;
    const key = seriesKey(this.options.url, windowed);
    const cursor = parseCursor(await store.getCursor(EXPORTER_NAME, key));
    let s = windowed;
    let plan = await this.refine(planPush(cursor, dirtyFrom, s.samples), s, cursor, dirtyFrom);
    // A replace sends the whole series; a cursor before the window would skip samples older than it.
    if (plan.mode === 'replace' || (cursor && cursor.through < parisMidnightUtc(loaded.fromDay))) {
      s = await loaded.full((x) => seriesKey(this.options.url, x), windowed);
      plan = plan.mode === 'replace' ? { ...plan, samples: s.samples } : planPush(cursor, dirtyFrom, s.samples);
    }
    if (plan.mode === 'none') return;
    const base = plan.mode === 'append' ? cursor!.through : 0;
    // Unclean from before sending until counted back (`verify`): a push cut short anywhere, or samples
    // lost by a crashing server, make the next run delete and re-import the series.
    await store.setCursor(EXPORTER_NAME, key, JSON.stringify({ through: base, clean: false }));
    if (plan.mode === 'replace') {
      await this.client.deleteSeries(selector(s.name, s.labels));
      totals.replaced++;
      this.logger?.debug({ series: key, why: plan.why }, 'VictoriaMetrics series re-imported');
    }
    const size = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    for (let i = 0; i < plan.samples.length; i += size) {
      if (run.signal.aborted) throw new VmStopped('during a push');
      await this.client.importLines(importLines(s, plan.samples.slice(i, i + size)));
    }
    totals.samples += plan.samples.length;
    const from = Math.max(totals.keptFrom, plan.mode === 'append' ? plan.samples[0]!.t : 0);
    const expected = s.samples.filter((x) => x.t >= from).length;
    const after = cursorAfter(base, plan.samples);
    // Up to the last stored sample, not "now": the check never depends on the machine's clock.
    const to = (s.samples.at(-1)?.t ?? from) + 1;
    totals.checks.push({ key, selector: selector(s.name, s.labels), from, to, expected, after });
  }

  /**
   * A change reported before the cursor is often only more of the same day (a curve completed): when the
   * server still holds exactly the stored samples from that instant to the cursor, append instead of
   * replacing the whole series.
   */
  private async refine(plan: PushPlan, s: Series, cursor: SeriesCursor | null, dirtyFrom: number | null) {
    if (plan.mode !== 'replace' || plan.why !== 'changed' || !cursor || dirtyFrom === null) return plan;
    const held = await this.client.exportSeries(selector(s.name, s.labels), dirtyFrom, cursor.through - 1);
    if (!holdsExactly(held, s.samples, dirtyFrom, cursor.through)) return plan;
    const fresh = s.samples.filter((x) => x.t >= cursor.through);
    return fresh.length ? ({ mode: 'append', samples: fresh } as const) : ({ mode: 'none' } as const);
  }

  /** Counts back what this run pushed; a series that came back short is marked for a full re-push. */
  private async verify(store: Store, checks: RunTotals['checks'], signal: AbortSignal): Promise<void> {
    const sleep = this.deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const failed = new Set(await verifyPush(this.client, checks, { sleep, signal }));
    for (const c of checks) if (!failed.has(c)) await store.setCursor(EXPORTER_NAME, c.key, JSON.stringify(c.after));
    if (failed.size)
      throw new VictoriaMetricsError(
        'VM_INCOMPLETE',
        `VictoriaMetrics does not hold all the samples we pushed (${[...failed].map((c) => c.selector).join(', ')}): they will be pushed again; check its log if this lasts.`,
      );
  }

  /** Records the earliest changed instant of a stream (its first day's Paris midnight), in the store. */
  private markDirty(e: DataChangedEvent): void {
    const store = this.context?.store;
    if (!store || !PUSHED_STREAMS.has(e.stream)) return;
    const from = parisMidnightUtc(e.range.start);
    const key = dirtyKey(e.pdl, e.stream);
    this.dirtyWrites = this.dirtyWrites
      .then(() => addMark(store, DIRTY, key, from))
      .catch((err) => this.logger?.warn({ err: errorMessage(err) }, 'could not record changed days'));
  }

  private noteRetention(warning: string | null): void {
    if (warning && warning !== this.lastWarning) this.logger?.warn(warning);
    this.lastWarning = warning;
  }

  /** Refused credentials will not heal by themselves; anything else (down, restarting) is retried. */
  protected onFailure(err: unknown, run: ExportRun): FailureVerdict {
    const code = (err as { code?: unknown }).code;
    if (code === 'VM_STOPPED') {
      this.logger?.info({ reason: run.reason, code }, errorMessage(err));
      return 'no-retry';
    }
    this.logger?.warn({ reason: run.reason, code, error: errorMessage(err) }, 'VictoriaMetrics push failed');
    return code === 'VM_AUTH_REJECTED' ? 'no-retry' : 'retry';
  }

  protected override async disconnect(): Promise<void> {
    await this.dirtyWrites;
  }
}
