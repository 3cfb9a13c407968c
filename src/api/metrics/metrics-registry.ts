/**
 * The `/metrics` registry (prom-client): process metrics, gauges from the sensor catalog and the sync
 * status refreshed at each scrape, and counters fed by the sync events. One registry per API server (not
 * prom-client's global one), so several servers in one process (tests) never share metrics.
 *
 * prom-client is loaded at the first scrape, not at start (most installations never scrape): until then
 * the sync events are tallied in plain numbers, which the counters report. The process metrics are
 * cumulative (CPU, memory, handles) except the GC and event-loop histograms, which start at that scrape.
 */
import type { Counter, Registry } from 'prom-client';
import type { Clock } from '../../domain/clock.js';
import type { Prices } from '../../domain/tariff.js';
import { readEntities } from '../../sensors/entities.js';
import { readSnapshot } from '../../sensors/snapshot/read-snapshot.js';
import type { Store } from '../../store/repository.js';
import type { SyncEvents } from '../../sync/events.js';
import type { StatusProvider } from '../../sync/status.js';
import { SENSOR_GAUGES, type SensorGauge, sensorSamples } from './sensor-samples.js';
import { STATUS_GAUGES, type StatusGauge, statusSamples } from './status-samples.js';

const LABELS: Record<SensorGauge | StatusGauge, string[]> = {
  myelectricaldata_period_energy_wh: ['pdl', 'direction', 'period'],
  myelectricaldata_latest_max_power_va: ['pdl'],
  myelectricaldata_latest_max_power_ratio: ['pdl'],
  myelectricaldata_subscribed_power_va: ['pdl'],
  myelectricaldata_last_sync_timestamp_seconds: ['pdl'],
  myelectricaldata_sync_status: ['pdl', 'status'],
  myelectricaldata_tempo_color: ['day'],
  myelectricaldata_tempo_days_left: ['color'],
  myelectricaldata_tempo_offpeak: [],
  myelectricaldata_tempo_price_eur_per_kwh: ['tariff_period'],
  myelectricaldata_ecowatt_level: ['day'],
  myelectricaldata_sync_running: [],
  myelectricaldata_last_sync_run_ok: [],
  myelectricaldata_last_sync_run_finished_timestamp_seconds: [],
  myelectricaldata_gateway_quota_used: ['bucket'],
  myelectricaldata_gateway_quota_limit: ['bucket'],
  myelectricaldata_exporter_up: ['exporter'],
  myelectricaldata_exporter_last_success_timestamp_seconds: ['exporter'],
  myelectricaldata_exporter_last_run_rows: ['exporter'],
};

export interface MetricsDeps {
  store: Store;
  status: StatusProvider;
  clock: Clock;
  /** The sync events, for the counters; absent: the counters stay at 0. */
  events?: SyncEvents;
  /** The configured prices (the Tempo price in force); absent: no price gauge. */
  prices?: Prices;
}

export interface Metrics {
  /** The exposition text, with the gauges read now, and its content type. */
  render(): Promise<{ text: string; contentType: string }>;
  /** Stops listening to the sync events. */
  close(): void;
}

/** What the sync events said since the program started: plain numbers until prom-client is loaded. */
interface Tallies {
  requests: number;
  syncs: Map<string, number>;
  exportedRows: Map<string, number>;
}

const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/** A counter that reports `values` at each scrape (keyed by its one label, or `''` without label). */
function tallyCounter(
  prom: typeof import('prom-client'),
  registry: Registry,
  spec: { name: string; help: string; label?: string },
  values: () => ReadonlyMap<string, number>,
): Counter {
  return new prom.Counter({
    name: spec.name,
    help: spec.help,
    labelNames: spec.label ? [spec.label] : [],
    registers: [registry],
    collect() {
      this.reset();
      for (const [key, n] of values()) {
        if (spec.label) this.inc({ [spec.label]: key }, n);
        else this.inc(n);
      }
    },
  });
}

async function buildRegistry(tallies: Tallies) {
  // A CommonJS module: its default export is `module.exports` everywhere (the bundle's chunk has no other).
  const prom = (await import('prom-client')).default;
  const registry = new prom.Registry();
  // Unprefixed (`process_cpu_seconds_total`…), as every Node.js dashboard expects them.
  prom.collectDefaultMetrics({ register: registry });
  const help = { ...SENSOR_GAUGES, ...STATUS_GAUGES };
  const gauges = new Map(
    (Object.keys(help) as (keyof typeof help)[]).map((name) => [
      name as string,
      new prom.Gauge({ name, help: help[name], labelNames: LABELS[name], registers: [registry] }),
    ]),
  );
  const counter = (spec: { name: string; help: string; label?: string }, values: () => ReadonlyMap<string, number>) =>
    tallyCounter(prom, registry, spec, values);
  counter(
    {
      name: 'myelectricaldata_gateway_requests_total',
      help: 'HTTP requests sent to the gateway by the syncs since the program started (retries included).',
    },
    () => new Map([['', tallies.requests]]),
  );
  counter(
    {
      name: 'myelectricaldata_syncs_total',
      help: 'Syncs run since the program started, by result (ok, failed).',
      label: 'result',
    },
    () => tallies.syncs,
  );
  counter(
    {
      name: 'myelectricaldata_exporter_rows_total',
      help: 'Rows, samples or messages each exporter wrote since the program started (successful runs).',
      label: 'exporter',
    },
    () => tallies.exportedRows,
  );
  return { registry, gauges };
}

export function createMetrics(deps: MetricsDeps): Metrics {
  const tallies: Tallies = { requests: 0, syncs: new Map(), exportedRows: new Map() };
  // Touched at 0 too, so the series exists from the first run on (rate() needs its start).
  const onExported = (e: { exporter: string; rows: number | null }) =>
    add(tallies.exportedRows, e.exporter, e.rows ?? 0);
  // The HTTP requests the run really sent (retries included) when the client counts them, else its calls.
  const onFinished = (e: { calls: number; requests?: number | null }) => {
    tallies.requests += e.requests ?? e.calls;
    add(tallies.syncs, 'ok', 1);
  };
  const onFailed = () => add(tallies.syncs, 'failed', 1);
  deps.events?.on('sync-finished', onFinished);
  deps.events?.on('sync-failed', onFailed);
  deps.events?.on('export-finished', onExported);

  let built: ReturnType<typeof buildRegistry> | undefined;
  // Scrapes one at a time: each one resets and refills the gauges.
  let queue: Promise<unknown> = Promise.resolve();
  async function refresh(): Promise<{ text: string; contentType: string }> {
    built ??= buildRegistry(tallies);
    const { registry, gauges } = await built;
    const now = deps.clock.now();
    const samples = [
      ...sensorSamples(readEntities(await readSnapshot(deps.store, now, deps.prices))),
      ...statusSamples(await deps.status.getStatus()),
    ];
    for (const g of gauges.values()) g.reset();
    for (const s of samples) gauges.get(s.name)?.set(s.labels, s.value);
    return { text: await registry.metrics(), contentType: registry.contentType };
  }
  return {
    render() {
      const next = queue.then(refresh, refresh);
      queue = next.catch(() => undefined);
      return next;
    },
    close() {
      deps.events?.off('sync-finished', onFinished);
      deps.events?.off('sync-failed', onFailed);
      deps.events?.off('export-finished', onExported);
    },
  };
}
