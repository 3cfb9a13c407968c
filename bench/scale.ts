/**
 * Scale: ten PDLs with 1 year and with 8 years of stored history (two SQLite stores, synthetic, written
 * straight from the simulator's model), then daily runs: the sync of one new day for every PDL from the
 * simulated gateway over loopback HTTP, and every exporter that runs here (VictoriaMetrics, MQTT with
 * discovery, Home Assistant statistics when provisioned) after it. Each store lives in a child process
 * (`scale-child.ts`) so its CPU and memory are its own; the simulators, VictoriaMetrics, Mosquitto and
 * Home Assistant run outside it. The bar: time and memory per PDL of the 8-year run within 20 % of the
 * 1-year run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../src/domain/clock.js';
import { parisNaiveToUtc } from '../src/domain/time.js';
import { type RunningSimulator, startSimulator } from '../src/gateway/simulator/index.js';
import {
  type HomeAssistantInstance,
  haRoot,
  startHomeAssistant,
} from '../tests/integration/home-assistant/harness/ha.js';
import { type Mosquitto, startMosquitto } from '../tests/integration/mqtt/mosquitto.js';
import { startVmProcess, type VmProcess } from '../tests/integration/victoriametrics/vm-process.js';
import { type BenchTable, count, median, mib, millis, seconds } from './report.js';
import {
  type ChildArgs,
  type ChildMessage,
  type ChildResult,
  FIRST_TODAY,
  PDLS,
  type RunMeasure,
  SEED,
  scaleSpecs,
  TIMED_RUNS,
} from './scale-account.js';
import { benchV8Flags } from './shipped-flags-exec.js';

const YEARS = [1, 8] as const;
const BAR = 0.2;

interface Services {
  vm: VmProcess;
  mqtt: Mosquitto;
  ha: HomeAssistantInstance | null;
}

/** Runs one store's child against a simulator of its own account; the child moves the gateway's clock. */
async function runChild(years: number, services: Services, dir: string): Promise<ChildResult> {
  const clock = fixedClock(parisNaiveToUtc(`${FIRST_TODAY} 09:30:00`));
  const sim: RunningSimulator = await startSimulator({ clock, seed: SEED, dataset: { pdls: scaleSpecs(years) } });
  try {
    const args: ChildArgs = {
      years,
      dataDir: join(dir, `${years}y`),
      gatewayUrl: sim.baseUrl,
      clientSecret: sim.clientSecret,
      vmUrl: services.vm.url,
      mqttUrl: services.mqtt.url,
      ha: services.ha ? { url: services.ha.url, token: services.ha.token } : null,
    };
    const child = spawn(
      process.execPath,
      [...benchV8Flags(), '--expose-gc', '--import', 'tsx', join('bench', 'scale-child.ts'), JSON.stringify(args)],
      { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
    );
    return await new Promise<ChildResult>((resolve, reject) => {
      let result: ChildResult | null = null;
      child.on('message', (m: ChildMessage) => {
        if (m.type === 'clock') {
          clock.set(m.now);
          child.send({ type: 'ok' });
        } else result = m.result;
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        result ? resolve(result) : reject(new Error(`the ${years}-year child exited with ${code}`)),
      );
    });
  } finally {
    await sim.close();
  }
}

const med = (r: ChildResult, f: (m: RunMeasure) => number) => median(r.runs.map(f));
const range = (r: ChildResult, f: (m: RunMeasure) => number, fmt: (v: number) => string) => {
  const v = r.runs.map(f);
  return `${fmt(median(v))} (${fmt(Math.min(...v))}–${fmt(Math.max(...v))})`;
};

/** `8 y / 1 y` of a median, with PASS when within the bar. */
function ratio(one: ChildResult, eight: ChildResult, f: (m: RunMeasure) => number): string {
  const r = med(eight, f) / med(one, f);
  return `${r.toFixed(2)} ${r <= 1 + BAR ? 'PASS' : 'FAIL'}`;
}

function rows(one: ChildResult, eight: ChildResult, names: string[]): BenchTable['rows'] {
  const both = (label: string, f: (r: ChildResult) => string): [string, string] => [
    label,
    `1 y: ${f(one)}; 8 y: ${f(eight)}`,
  ];
  const perPdl = (m: RunMeasure) => m.wallMs / PDLS;
  const out: BenchTable['rows'] = [
    both(
      'store: 30-minute readings / daily + max power rows',
      (r) => `${count(r.curveReadings)} / ${count(r.dailyRows)}`,
    ),
    both(
      'set-up, not timed: store generation / first export of 3 weeks / warm-up daily run',
      (r) => `${seconds(r.setupMs)} / ${seconds(r.firstExportMs)} / ${seconds(r.warmUpMs)}`,
    ),
    both(`daily run wall time, median of ${TIMED_RUNS} (range)`, (r) => range(r, (m) => m.wallMs, millis)),
    both('  per PDL', (r) => millis(med(r, perPdl))),
    both(
      '  of which the sync (gateway calls)',
      (r) => `${millis(med(r, (m) => m.syncMs))} (${med(r, (m) => m.gatewayCalls)})`,
    ),
    ...names.map((n) => both(`  ${n} done after`, (r) => millis(med(r, (m) => m.exporterMs[n] ?? 0)))),
    both('CPU time of the run (user + system)', (r) => range(r, (m) => m.cpuMs, millis)),
    both('  per PDL', (r) => millis(med(r, (m) => m.cpuMs / PDLS))),
    both(
      'peak RSS during the run (RSS before it)',
      (r) => `${mib(med(r, (m) => m.peakRss))} (${mib(med(r, (m) => m.rssBefore))})`,
    ),
    both('peak RSS growth over the RSS before', (r) => mib(med(r, (m) => m.peakRss - m.rssBefore))),
    both('peak heap growth during the run', (r) => mib(med(r, (m) => m.heapGrowth))),
    ['8 y / 1 y: wall time per PDL', ratio(one, eight, perPdl)],
    ['8 y / 1 y: CPU time per PDL', ratio(one, eight, (m) => m.cpuMs)],
    ['8 y / 1 y: peak heap growth', ratio(one, eight, (m) => m.heapGrowth)],
    ['8 y / 1 y: peak RSS', ratio(one, eight, (m) => m.peakRss)],
  ];
  return out;
}

export async function benchScale(): Promise<BenchTable> {
  const title = `Scale: daily run of ${PDLS} PDLs with 1 vs 8 years of stored history`;
  const dir = mkdtempSync(join(tmpdir(), 'med-bench-scale-'));
  const withHa = existsSync(join(haRoot(), '.med-ha-ready'));
  const services: Partial<Services> = {};
  try {
    services.vm = await startVmProcess();
    services.mqtt = await startMosquitto();
    services.ha = withHa ? await startHomeAssistant() : null;
    const [one, eight] = [
      await runChild(YEARS[0], services as Services, dir),
      await runChild(YEARS[1], services as Services, dir),
    ];
    const names = ['victoriametrics', 'mqtt', ...(withHa ? ['home-assistant'] : [])];
    return {
      title,
      rows: rows(one, eight, names),
      notes: [
        `Ten consumption PDLs (HC/HP, priced) per store, 30-minute curve + daily energy + max power from the simulator's model (seed ${SEED}, no holes), written straight into SQLite, a year per bulk upsert; the simulated gateway (no added latency) serves the same values, in the bench process, over loopback HTTP.`,
        `Each store runs in a child process (\`--expose-gc\`): set-up, then an untimed daily run, then ${TIMED_RUNS} daily runs on the next days (${FIRST_TODAY} + 1…${TIMED_RUNS}), each: the sync (\`SyncEngine.run('full')\`: /pdl, contract, address, the new day plus the 5-day trailing window of curve, daily and max power, Tempo, EcoWatt) and the exporters it triggers, until every exporter is done. Medians of the ${TIMED_RUNS} runs.`,
        'Memory per run: a GC, then `VmHWM` reset (`/proc/self/clear_refs`), so the peak RSS is the peak of that run alone; the heap is sampled every 5 ms. CPU: `process.cpuUsage()` of the child (the gateway, VictoriaMetrics, Mosquitto and Home Assistant are other processes, apart from the simulator in the parent).',
        `Exporters: VictoriaMetrics (its own server), MQTT (its own Mosquitto, discovery on)${withHa ? ', Home Assistant statistics (the real Home Assistant)' : '; Home Assistant not provisioned, not measured'}. Their first export covered only the last 3 weeks (a first Home Assistant import of 8 years × 10 PDLs takes many minutes); the older history was then added to the store without events, so the servers hold 3 weeks while the store holds the whole history: the daily runs read what the store holds.`,
        `PASS when the 8-year median is at most ${BAR * 100} % above the 1-year median (8 years cheaper than 1 is noise of the shared machine, not a failure).`,
      ],
    };
  } finally {
    await services.ha?.stop();
    await services.mqtt?.stop();
    await services.vm?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { markdownTable } = await import('./report.js');
  process.stdout.write(markdownTable(await benchScale()));
}
