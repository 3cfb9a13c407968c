/**
 * `GET /metrics` on a filled SQLite store, parsed by a Prometheus text parser (not by our code) and
 * checked against the store: month to date = the stored daily values of the month, the latest max power
 * and its ratio to the contract's subscribed power, the last sync time; counters from the sync events and
 * from real exporter-kit runs (rows exported).
 */
import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format';
import { fixedClock } from '../../../src/domain/clock.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { FakeExporter } from '../../app/fake-exporter.js';
import { idleStatus, NOW, PDL_HOME } from '../fixtures.js';
import { type Harness, startHarness } from '../harness.js';

let h: Harness;
const events = new SyncEvents();

beforeAll(async () => {
  h = await startHarness(undefined, undefined, { events, token: 'secret-token' });
});
afterAll(() => h.close());

async function scrape(): Promise<ParsedFamily[]> {
  const res = await h.api.inject({ url: '/metrics', headers: { authorization: 'Bearer secret-token' } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/plain');
  return parsePrometheusTextFormat(res.body);
}

function value(families: ParsedFamily[], name: string, labels: Record<string, string> = {}): number | undefined {
  const family = families.find((f) => f.name === name);
  const m = family?.metrics.find((x) => Object.entries(labels).every(([k, v]) => x.labels?.[k] === v));
  return m?.value === undefined ? undefined : Number(m.value);
}

it('needs the API token like every route', async () => {
  expect((await h.api.inject({ url: '/metrics' })).statusCode).toBe(401);
});

it('renders the sensor catalog checked against the store', async () => {
  const f = await scrape();
  const november = await h.store.listDaily(PDL_HOME, 'consumption', { start: '2026-11-01', end: '2026-11-27' });
  const monthWh = november.reduce((n, d) => n + d.wh, 0);
  const energy = { pdl: PDL_HOME, direction: 'consumption' };
  expect(value(f, 'myelectricaldata_period_energy_wh', { ...energy, period: 'month' })).toBe(monthWh);
  expect(value(f, 'myelectricaldata_period_energy_wh', { ...energy, period: 'yesterday' })).toBeUndefined();
  const [last] = (await h.store.listMaxPower(PDL_HOME, { start: '2026-01-01', end: '2026-11-27' })).slice(-1);
  const kva = (await h.store.getUsagePoint(PDL_HOME))?.contract?.subscribedPowerKva ?? 0;
  expect(value(f, 'myelectricaldata_latest_max_power_va', { pdl: PDL_HOME })).toBe(last!.va);
  expect(value(f, 'myelectricaldata_subscribed_power_va', { pdl: PDL_HOME })).toBe(kva * 1000);
  expect(value(f, 'myelectricaldata_latest_max_power_ratio', { pdl: PDL_HOME })).toBeCloseTo(
    last!.va / (kva * 1000),
    3,
  );
  const states = await h.store.listStreamStates();
  const lastSuccess = Math.max(...states.filter((s) => s.pdl === PDL_HOME).map((s) => s.lastSuccessAt ?? 0));
  expect(value(f, 'myelectricaldata_last_sync_timestamp_seconds', { pdl: PDL_HOME })).toBe(lastSuccess / 1000);
  expect(value(f, 'myelectricaldata_sync_status', { pdl: PDL_HOME, status: 'ok' })).toBe(1);
  expect(value(f, 'myelectricaldata_tempo_color', { day: 'today' })).toBe(0);
  // 12:00 Paris: Tempo peak hours.
  expect(value(f, 'myelectricaldata_tempo_offpeak')).toBe(0);
  // No Tempo colour stored (and no price configured): no price sample.
  expect(value(f, 'myelectricaldata_tempo_price_eur_per_kwh')).toBeUndefined();
  expect(f.find((x) => x.name === 'process_cpu_seconds_total')?.type).toBe('COUNTER');
});

it('renders the sync status and counts gateway requests from the sync events', async () => {
  h.setStatus(
    idleStatus({ quota: { cachedUsed: 12, cachedLimit: 10_000, noCacheUsed: 3, noCacheLimit: 50, pausedUntil: null } }),
  );
  events.emit('sync-finished', { startedAt: NOW - 1000, finishedAt: NOW, calls: 7, changed: [] });
  events.emit('sync-finished', { startedAt: NOW - 1000, finishedAt: NOW, calls: 5, changed: [] });
  // A run whose client counted its HTTP requests (retries included): those are what it counts.
  events.emit('sync-finished', { startedAt: NOW - 1000, finishedAt: NOW, calls: 2, requests: 9, changed: [] });
  const f = await scrape();
  expect(value(f, 'myelectricaldata_gateway_requests_total')).toBe(21);
  expect(value(f, 'myelectricaldata_syncs_total', { result: 'ok' })).toBe(3);
  expect(value(f, 'myelectricaldata_gateway_quota_used', { bucket: 'no_cache' })).toBe(3);
  expect(value(f, 'myelectricaldata_gateway_quota_limit', { bucket: 'cached' })).toBe(10_000);
  expect(value(f, 'myelectricaldata_sync_running')).toBe(0);
});

it('counts the rows each exporter run wrote in myelectricaldata_exporter_rows_total (from the kit)', async () => {
  const context = { store: h.store, events, clock: fixedClock(NOW), logger: memoryLogger() };
  const ha = new FakeExporter('home-assistant', { ok: { statistics: 2, importedRows: 48 } });
  const vm = new FakeExporter('victoriametrics', { ok: { series: 4, samples: 1_000 } });
  const broken = new FakeExporter('mqtt', { error: 'broker down' });
  for (const x of [ha, vm, broken]) await x.start(context);
  await ha.run('start');
  await vm.run('start');
  await broken.run('start');
  const first = await scrape();
  const family = first.find((x) => x.name === 'myelectricaldata_exporter_rows_total');
  expect(family?.type).toBe('COUNTER');
  expect(value(first, 'myelectricaldata_exporter_rows_total', { exporter: 'home-assistant' })).toBe(48);
  expect(value(first, 'myelectricaldata_exporter_rows_total', { exporter: 'victoriametrics' })).toBe(1_000);
  // A failed run wrote nothing it can vouch for: no sample for that exporter.
  expect(value(first, 'myelectricaldata_exporter_rows_total', { exporter: 'mqtt' })).toBeUndefined();
  await ha.run('sync-finished');
  await ha.run('sync-finished');
  const second = await scrape();
  expect(value(second, 'myelectricaldata_exporter_rows_total', { exporter: 'home-assistant' })).toBe(48 * 3);
  expect(value(second, 'myelectricaldata_exporter_rows_total', { exporter: 'victoriametrics' })).toBe(1_000);
  for (const x of [ha, vm, broken]) await x.stop();
});

it('renders the Tempo price in force from the configured prices and the stored colour', async () => {
  const tempo = { blue_hc: 0.1325, blue_hp: 0.1612, white_hc: 0.1499, white_hp: 0.1871, red_hc: 0.1575, red_hp: 0.706 };
  const priced = await startHarness(undefined, undefined, { prices: { tempo } });
  try {
    await priced.store.upsertTempo([{ date: '2026-11-27', color: 'WHITE' }]);
    const f = parsePrometheusTextFormat((await priced.api.inject('/metrics')).body);
    // 12:00 Paris on a white day: white HP.
    expect(value(f, 'myelectricaldata_tempo_price_eur_per_kwh', { tariff_period: 'white_hp' })).toBe(0.1871);
  } finally {
    await priced.close();
  }
});

it('counts the sync events that came before the first scrape (prom-client loads at that scrape)', async () => {
  const early = new SyncEvents();
  const fresh = await startHarness(undefined, undefined, { events: early });
  try {
    early.emit('sync-finished', { startedAt: NOW - 1000, finishedAt: NOW, calls: 4, changed: [] });
    early.emit('sync-failed', { startedAt: NOW - 1000, failedAt: NOW, error: 'gateway down', code: 'GATEWAY' });
    early.emit('export-finished', { exporter: 'mqtt', reason: 'start', finishedAt: NOW, rows: 0 });
    const res = await fresh.api.inject('/metrics');
    expect(res.headers['content-type']).toContain('text/plain');
    const f = parsePrometheusTextFormat(res.body);
    expect(value(f, 'myelectricaldata_gateway_requests_total')).toBe(4);
    expect(value(f, 'myelectricaldata_syncs_total', { result: 'ok' })).toBe(1);
    expect(value(f, 'myelectricaldata_syncs_total', { result: 'failed' })).toBe(1);
    // Touched at 0: the series exists from the first export on.
    expect(value(f, 'myelectricaldata_exporter_rows_total', { exporter: 'mqtt' })).toBe(0);
  } finally {
    await fresh.close();
  }
});
