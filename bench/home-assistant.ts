/**
 * Home Assistant statistics import against the real Home Assistant of the integration tests (harness,
 * provisioned by `install-ha.sh`): one PDL with 2 years of 30-minute consumption, synced from the
 * simulator into SQLite, then exported as hourly statistics (energy + cost). Counts the websocket
 * commands per kind and the wall time of the first full import and of the next day's incremental run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, fixedClock } from '../src/domain/clock.js';
import { addDays, parisNaiveToUtc } from '../src/domain/time.js';
import { statisticId } from '../src/exporters/home-assistant/build-statistic-rows.js';
import { type ConnectOptions, connectHomeAssistant, type HaApi } from '../src/exporters/home-assistant/ha-client.js';
import { HomeAssistantExporter } from '../src/exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../src/exporters/home-assistant/options.js';
import { createGatewayClient } from '../src/gateway/client.js';
import { defaultPdlSpecs, type RunningSimulator, startSimulator } from '../src/gateway/simulator/index.js';
import { silentLogger } from '../src/log/logger.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/repository.js';
import { SyncEngine } from '../src/sync/engine.js';
import { SyncEvents } from '../src/sync/events.js';
import {
  type HomeAssistantInstance,
  haRoot,
  startHomeAssistant,
} from '../tests/integration/home-assistant/harness/ha.js';
import { profiled } from './cpu-profile.js';
import { measureHaFloor } from './ha-floor.js';
import { type BenchTable, count, seconds, timed } from './report.js';

const TODAY = '2026-11-27';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Websocket commands sent by the exporter, per `HaApi` method, and the statistic rows imported. */
export interface Tally {
  calls: Record<string, number>;
  importedRows: number;
  /** Time spent in the exporter's back-off sleeps while waiting for HA to store an import. */
  sleptMs: number;
  /** Time during which at least one counted command waited for HA's answer. */
  commandMs: number;
  /** `performance.now()` of the tally's reset and of the last import's acknowledgement. */
  startedAt: number;
  lastImportAt: number;
}

/** The websocket command behind each counted method. */
const COMMAND: Partial<Record<keyof HaApi, string>> = {
  importStatistics: 'recorder/import_statistics',
  hourlySums: 'recorder/statistics_during_period',
  getStatisticsMetadata: 'recorder/get_statistics_metadata',
  clearStatistics: 'recorder/clear_statistics',
  getEnergyPrefs: 'energy/get_prefs',
  saveEnergyPrefs: 'energy/save_prefs',
};

const WRAPPED = Object.keys(COMMAND) as (keyof typeof COMMAND)[];

export function countingConnect(tally: Tally) {
  return async (options: ConnectOptions): Promise<HaApi> => {
    const api = await connectHomeAssistant(options);
    let inFlight = 0;
    let since = 0;
    const wrap = <K extends keyof HaApi>(name: K) => {
      const original = (api[name] as (...args: unknown[]) => unknown).bind(api);
      (api as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        tally.calls[name] = (tally.calls[name] ?? 0) + 1;
        if (name === 'importStatistics') tally.importedRows += (args[1] as unknown[]).length;
        // Commands may overlap (an import's chunks go out together): the time counted is the time
        // during which at least one command waits for its answer.
        if (inFlight++ === 0) since = performance.now();
        return Promise.resolve(original(...args)).finally(() => {
          if (--inFlight === 0) tally.commandMs += performance.now() - since;
          if (name === 'importStatistics') tally.lastImportAt = performance.now();
        });
      };
    };
    for (const name of WRAPPED) wrap(name);
    return api;
  };
}

export function newTally(): Tally {
  return { calls: {}, importedRows: 0, sleptMs: 0, commandMs: 0, startedAt: 0, lastImportAt: 0 };
}

export function resetTally(tally: Tally): void {
  tally.calls = {};
  tally.importedRows = 0;
  tally.sleptMs = 0;
  tally.commandMs = 0;
  tally.startedAt = performance.now();
  tally.lastImportAt = tally.startedAt;
}

export function countingSleep(tally: Tally) {
  return async (ms: number) => {
    tally.sleptMs += ms;
    await new Promise((resolve) => setTimeout(resolve, ms));
  };
}

export function callsText(tally: Tally): string {
  const entries = Object.entries(tally.calls).filter(([, n]) => n > 0);
  const total = entries.reduce((n, [, v]) => n + v, 0);
  return `${total} (${entries.map(([name, n]) => `${COMMAND[name as keyof HaApi]} ×${n}`).join(', ')})`;
}

function splitText(wallMs: number, tally: Tally): string {
  const local = wallMs - tally.commandMs - tally.sleptMs;
  return `${seconds(tally.commandMs)} / ${seconds(tally.sleptMs)} / ${seconds(local)}`;
}

async function waitSettled(exporter: HomeAssistantExporter, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!['ok', 'error'].includes(exporter.status().state)) {
    if (Date.now() > deadline) throw new Error('the Home Assistant exporter did not finish its start run');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function sync(store: Store, sim: RunningSimulator, clock: Clock, events: SyncEvents, pdl: string) {
  const client = createGatewayClient({
    baseUrl: sim.baseUrl,
    clientSecret: sim.clientSecret,
    clock,
    logger: silentLogger,
  });
  const engine = new SyncEngine({ store, client, clock, logger: silentLogger, events, selection: [pdl] });
  const { ms, value } = await timed(() => engine.run('full'));
  if (value.status !== 'ok') throw new Error(`the simulator sync ended with ${value.status}`);
  return ms;
}

/** HA's last hourly sum of the energy statistic vs the store's total (kWh), as a sanity check. */
async function checkTotals(ha: HomeAssistantInstance, store: Store, pdl: string, lastHour: number) {
  const readings = await store.listCurve(pdl, 'consumption', 0, lastHour + HOUR_MS);
  const storeKwh = readings.reduce((n, r) => n + (r.w * r.minutes) / 60, 0) / 1000;
  const api = await connectHomeAssistant({ url: ha.url, token: ha.token });
  try {
    const id = statisticId(pdl, 'consumption');
    const rows = await api.hourlySums([id], lastHour - DAY_MS, lastHour + HOUR_MS);
    const haKwh = rows[id]?.at(-1)?.sum ?? Number.NaN;
    if (Math.abs(haKwh - storeKwh) > 1e-3) throw new Error(`HA holds ${haKwh} kWh, the store ${storeKwh} kWh`);
    return { kwh: storeKwh, readings: readings.length };
  } finally {
    api.close();
  }
}

const STATISTICS = 6;

interface Setup {
  ha: HomeAssistantInstance;
  store: Store;
  sim: RunningSimulator;
  clock: Clock & { advance(ms: number): void };
  pdl: string;
}

/** First full import after the first sync, then the next day's sync and incremental import. */
async function measureImports({ ha, store, sim, clock, pdl }: Setup) {
  const tally = newTally();
  const events = new SyncEvents();
  const options = parseHomeAssistantExporterOptions({
    url: ha.url,
    token: ha.token,
    prices: { hcKwh: 0.2068, hpKwh: 0.27 },
    ...(process.env.BENCH_HA_CHUNK ? { chunkHours: Number(process.env.BENCH_HA_CHUNK) } : {}),
  });
  const exporter = new HomeAssistantExporter(options, { connect: countingConnect(tally), sleep: countingSleep(tally) });
  const run = async (name: string) => {
    resetTally(tally);
    const { ms } = await profiled(`ha-${name}`, () => timed(() => exporter.run('sync-finished')));
    if (exporter.status().lastError) throw new Error(exporter.status().lastError!);
    const sentMs = tally.lastImportAt - tally.startedAt;
    return { ms, sentMs, calls: callsText(tally), rows: tally.importedRows, split: splitText(ms, tally) };
  };
  try {
    await exporter.start({ store, events, clock, logger: silentLogger }); // empty store: connects, nothing to do
    await waitSettled(exporter, 30_000);
    const firstSync = await sync(store, sim, clock, events, pdl);
    const first = await run('first-import');
    clock.advance(DAY_MS);
    const nextSync = await sync(store, sim, clock, events, pdl);
    const next = await run('next-day');
    return { firstSync, first, nextSync, next, chunkHours: options.chunkHours };
  } finally {
    await exporter.stop();
  }
}

export async function benchHomeAssistant(): Promise<BenchTable> {
  const title = 'Home Assistant statistics import (real Home Assistant): 2 years of hourly statistics, one PDL';
  if (!existsSync(join(haRoot(), '.med-ha-ready')))
    return { title, rows: [['result', 'not measured (Home Assistant not provisioned: run install-ha.sh)']] };
  const clock = fixedClock(parisNaiveToUtc(`${TODAY} 09:30:00`));
  const spec = { ...defaultPdlSpecs(1, TODAY)[0]!, hasProduction: false, activationDate: '2024-11-27' };
  const pdl = spec.usagePointId;
  const sim = await startSimulator({ clock, dataset: { pdls: [spec] } });
  const dir = mkdtempSync(join(tmpdir(), 'med-bench-ha-'));
  let ha: HomeAssistantInstance | null = null;
  let store: Store | null = null;
  try {
    const haStart = await timed(() => startHomeAssistant());
    ha = haStart.value;
    store = await openStore({ dataDir: dir, logger: silentLogger });
    const m = await measureImports({ ha, store, sim, clock, pdl });
    const check = await checkTotals(ha, store, pdl, Math.floor(clock.now() / DAY_MS) * DAY_MS);
    const version = ha.version;
    await ha.stop();
    ha = null;
    const floor = await measureHaFloor({
      firstHour: parisNaiveToUtc(`${spec.activationDate} 00:00:00`),
      hours: m.first.rows / STATISTICS,
      chunkHours: m.chunkHours,
      statistics: STATISTICS,
    });
    return {
      title,
      rows: [
        ['Home Assistant version', version],
        ['first full import: wall time', seconds(m.first.ms)],
        ['first full import: time in HA commands / read-back waits / local work', m.first.split],
        ['first full import: last import acknowledged after', seconds(m.first.sentMs)],
        ['first full import: websocket commands', m.first.calls],
        ['first full import: statistic rows imported', count(m.first.rows)],
        [
          'floor: the same rows from a bare client into a fresh HA, acknowledged / stored after',
          `${seconds(floor.ackedMs)} / ${seconds(floor.storedMs)} (${count(floor.rows)} rows, ${Math.round((floor.storedMs * 1000) / floor.rows)} µs a row)`,
        ],
        ['first full import beyond that floor', seconds(m.first.ms - floor.storedMs)],
        ['next day (incremental): wall time', seconds(m.next.ms)],
        ['next day (incremental): time in HA commands / read-back waits / local work', m.next.split],
        ['next day (incremental): websocket commands', m.next.calls],
        ['next day (incremental): statistic rows imported', count(m.next.rows)],
        [
          'set-up, not counted: HA start-up / simulator sync (2 years) / next-day sync',
          `${seconds(haStart.ms)} / ${seconds(m.firstSync)} / ${seconds(m.nextSync)}`,
        ],
      ],
      notes: [
        `The floor sends the same ${STATISTICS} statistics × ${count(floor.rows / STATISTICS)} hours in calls of ${m.chunkHours} hours, all before any is awaited, and polls only the last row of the last statistic every 20 ms (the recorder's queue is first in, first out): Home Assistant's own time to take and write the rows, which no client can go below.`,
        `Six statistics (energy in kWh and cost in EUR with HC/HP prices, and the HC and HP energy and cost) from ${count(check.readings)} half-hour readings (${spec.activationDate} → ${addDays(TODAY, 1)}, Paris days); HA's last sum equals the store's ${check.kwh.toFixed(3)} kWh.`,
        'Each import call carries up to 744 hours (`chunkHours` default; `BENCH_HA_CHUNK=<hours>` changes it for the exporter and the floor); all statistics of a direction are sent before any is awaited, and each is read back (its last row polled, then all its rows once) before the cursors move (HA acknowledges imports before writing them); commands that overlap count once in the time in HA commands; `BENCH_CPU_PROFILE=<dir>` records a CPU profile of each import (`bench/profile-summary.ts` sums it); the incremental run compares the trailing 14 days with HA and imports only the new hours.',
        'Home Assistant runs on the same machine (pinned version, SQLite recorder, `commit_interval: 0`); the simulator answers without latency here (the sync is set-up).',
      ],
    };
  } finally {
    await ha?.stop();
    await store?.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
