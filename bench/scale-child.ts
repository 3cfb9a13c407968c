/**
 * One store of the scale bench, in a process of its own so its memory is its own (`scale.ts` starts
 * it with `--expose-gc`; the simulated gateway runs in the parent, which sets the gateway's clock when
 * asked). Builds the store (ten PDLs, `years` of synthetic history), gives the exporters their first
 * export, runs one untimed daily run, then `TIMED_RUNS` measured daily runs: the sync of the new day
 * over loopback HTTP, and every exporter's run after it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fixedClock } from '../src/domain/clock.js';
import { addDays, eachDay, parisNaiveToUtc } from '../src/domain/time.js';
import type { LocalDate } from '../src/domain/types.js';
import { HomeAssistantExporter } from '../src/exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../src/exporters/home-assistant/options.js';
import { MqttExporter } from '../src/exporters/mqtt/mqtt-exporter.js';
import { parseMqttExporterOptions } from '../src/exporters/mqtt/options.js';
import type { Exporter } from '../src/exporters/types.js';
import { VictoriaMetricsExporter } from '../src/exporters/victoriametrics/victoriametrics-exporter.js';
import { createGatewayClient } from '../src/gateway/client.js';
import { NO_HOLES, SimulatedDataset } from '../src/gateway/simulator/index.js';
import { silentLogger } from '../src/log/logger.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/repository.js';
import { streamSpec } from '../src/streams/index.js';
import { SyncEngine } from '../src/sync/engine.js';
import { SyncEvents } from '../src/sync/events.js';
import {
  type ChildArgs,
  type ChildMessage,
  type ChildResult,
  FIRST_TODAY,
  PRICES,
  type RunMeasure,
  recentStart,
  SEED,
  scaleSpecs,
  TIMED_RUNS,
} from './scale-account.js';
import { storeDays } from './synthetic-history.js';

const args = JSON.parse(process.argv[2]!) as ChildArgs;
const specs = scaleSpecs(args.years);
const dataset = new SimulatedDataset(SEED, specs, NO_HOLES, 8);
const clock = fixedClock(0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sets this process's clock and the simulator's (in the parent) to 09:30 Paris on `today`. */
async function setToday(today: LocalDate): Promise<void> {
  const now = parisNaiveToUtc(`${today} 09:30:00`);
  clock.set(now);
  const acked = new Promise<void>((resolve) => process.once('message', () => resolve()));
  process.send!({ type: 'clock', now } satisfies ChildMessage);
  await acked;
}

function buildExporters(): Exporter[] {
  const prefix = `med-scale-${args.years}y`;
  // A longer publishing bound than the default 10 s: on this shared machine a run can take longer, and
  // the bench is there to measure how long.
  const mqtt = parseMqttExporterOptions({
    brokerUrl: args.mqttUrl,
    topicPrefix: prefix,
    prices: PRICES,
    publishTimeoutMs: 120_000,
  });
  const out: Exporter[] = [
    new VictoriaMetricsExporter({ url: args.vmUrl, prices: PRICES, retryDelaysMs: [] }),
    new MqttExporter(mqtt, { swVersion: 'bench' }),
  ];
  if (args.ha) out.push(new HomeAssistantExporter(parseHomeAssistantExporterOptions({ ...args.ha, prices: PRICES })));
  return out;
}

/** Waits until no exporter runs and each has finished a run since `since` (clock ms); ms per exporter. */
async function exportsDone(exporters: Exporter[], t0: number, since: number): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  while (Object.keys(done).length < exporters.length) {
    for (const e of exporters) {
      const s = e.status();
      if (done[e.name] !== undefined || s.state === 'running' || (s.lastRunAt ?? -1) < since) continue;
      if (s.state === 'error') throw new Error(`exporter ${e.name} failed: ${s.lastError}`);
      done[e.name] = performance.now() - t0;
    }
    await sleep(2);
  }
  return done;
}

const vmHwm = () => Number(/^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;

async function dailyRun(engine: SyncEngine, exporters: Exporter[], today: LocalDate): Promise<RunMeasure> {
  await setToday(today);
  const requests = engine.options.client.httpRequests?.() ?? 0;
  (globalThis as { gc?: () => void }).gc?.();
  writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current RSS
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 5);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const outcome = await engine.run('full');
  const syncMs = performance.now() - t0;
  if (outcome.status !== 'ok') throw new Error(`daily sync of ${today}: ${JSON.stringify(outcome)}`);
  const exporterMs = await exportsDone(exporters, t0, clock.now());
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  return {
    today,
    wallMs,
    syncMs,
    exporterMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRss: vmHwm(),
    rssBefore,
    heapGrowth: Math.max(heapPeak, process.memoryUsage().heapUsed) - heapBefore,
    gatewayCalls: (engine.options.client.httpRequests?.() ?? 0) - requests,
    exported: Object.fromEntries(exporters.map((e) => [e.name, e.status().lastResult])),
  };
}

/** Usage points, contracts and addresses as the sync stores them, so the first export sees the final ones. */
async function storeAccount(store: Store, client: ReturnType<typeof createGatewayClient>): Promise<void> {
  await store.upsertUsagePoints(await client.listUsagePoints(), clock.now());
  for (const spec of specs) {
    const contract = streamSpec('contract');
    await contract.write(store, await contract.fetch(client, spec.usagePointId), clock.now());
    const address = streamSpec('address');
    await address.write(store, await address.fetch(client, spec.usagePointId), clock.now());
  }
}

async function countRows(store: Store): Promise<{ curve: number; daily: number }> {
  const range = { start: '2000-01-01', end: '2100-01-01' };
  let curve = 0;
  let daily = 0;
  for (const spec of specs) {
    for (const day of await store.curveCoverage(spec.usagePointId, 'consumption', range)) curve += day.readings;
    daily += (await store.listDaily(spec.usagePointId, 'consumption', range)).length;
    daily += (await store.listMaxPower(spec.usagePointId, range)).length;
  }
  return { curve, daily };
}

async function main(): Promise<ChildResult> {
  const t0 = performance.now();
  await setToday(FIRST_TODAY);
  const store = await openStore({ dataDir: args.dataDir, logger: silentLogger });
  const client = createGatewayClient({
    baseUrl: args.gatewayUrl,
    clientSecret: args.clientSecret,
    clock,
    logger: silentLogger,
  });
  const events = new SyncEvents();
  const context = { store, events, clock, logger: silentLogger };
  const exporters = buildExporters();
  try {
    await storeAccount(store, client);
    const yesterday = addDays(FIRST_TODAY, -1);
    // The exporters first see the last three weeks only (a first Home Assistant import of 8 years × 10
    // PDLs takes many minutes); the older history is added underneath afterwards, without events.
    for (const spec of specs)
      await storeDays(store, dataset, spec.usagePointId, eachDay({ start: recentStart(), end: yesterday }), {
        maxPower: true,
      });
    const tFirst = performance.now();
    // One at a time: a first export of all three at once, on this shared machine, starved MQTT's
    // publishing past its 10 s bound (the daily runs below run them together, as the program does).
    for (const e of exporters) {
      await e.start(context);
      await exportsDone([e], tFirst, 0);
    }
    const firstExportMs = performance.now() - tFirst;
    for (const spec of specs) {
      const older = eachDay({ start: spec.activationDate, end: recentStart() });
      await storeDays(store, dataset, spec.usagePointId, older, { maxPower: true });
    }
    const setupMs = performance.now() - t0 - firstExportMs;
    const engine = new SyncEngine({ store, client, clock, logger: silentLogger, events });
    const tWarm = performance.now();
    await dailyRun(engine, exporters, FIRST_TODAY);
    const warmUpMs = performance.now() - tWarm;
    const runs: RunMeasure[] = [];
    for (let i = 1; i <= TIMED_RUNS; i++) runs.push(await dailyRun(engine, exporters, addDays(FIRST_TODAY, i)));
    const rows = await countRows(store);
    return {
      years: args.years,
      curveReadings: rows.curve,
      dailyRows: rows.daily,
      setupMs,
      firstExportMs,
      warmUpMs,
      runs,
    };
  } finally {
    for (const e of [...exporters].reverse()) await e.stop();
    await store.close();
  }
}

main().then(
  (result) => {
    process.send!({ type: 'result', result } satisfies ChildMessage, () => process.exit(0));
  },
  (err: unknown) => {
    process.stderr.write(`scale bench child (${args.years} years): ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  },
);
