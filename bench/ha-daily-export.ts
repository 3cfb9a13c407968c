/**
 * The Home Assistant exporter's daily run against the real Home Assistant of the integration tests:
 * one PDL with 2 years and one with 8 years of stored 30-minute consumption (synthetic, from the
 * simulator's model, written straight into SQLite: the gateway serves only 2 years of curve), a
 * completed first import of each, then several "next days": one more day stored with the
 * `data-changed` events the sync emits, and the timed export run. The daily run must cost the same
 * whatever the history (within 20 %) and stay under 0.3 s.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../src/domain/clock.js';
import { addDays, addYears, eachDay, parisNaiveToUtc, parisToday } from '../src/domain/time.js';
import type { LocalDate } from '../src/domain/types.js';
import { HomeAssistantExporter } from '../src/exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../src/exporters/home-assistant/options.js';
import { defaultPdlSpecs, NO_HOLES, type PdlSpec, SimulatedDataset } from '../src/gateway/simulator/index.js';
import { silentLogger } from '../src/log/logger.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/repository.js';
import { SyncEvents } from '../src/sync/events.js';
import {
  type HomeAssistantInstance,
  haRoot,
  startHomeAssistant,
} from '../tests/integration/home-assistant/harness/ha.js';
import { callsText, countingConnect, countingSleep, newTally, resetTally, type Tally } from './home-assistant.js';
import { type BenchTable, count, median, millis, seconds, timed } from './report.js';
import { storeDays, storedPoint } from './synthetic-history.js';

const TODAY = '2026-11-27';
const DAY_MS = 86_400_000;
const NEXT_DAYS = 7;
const PRICES = { hcKwh: 0.2068, hpKwh: 0.27 };

interface History {
  years: number;
  spec: PdlSpec;
  dataset: SimulatedDataset;
  store: Store;
  events: SyncEvents;
  exporter: HomeAssistantExporter;
  tally: Tally;
  /** The next day to store. */
  next: LocalDate;
  firstImportMs: number;
  firstRows: number;
  readings: number;
  runs: { wallMs: number; haMs: number; ownMs: number; calls: string; rows: number }[];
}

async function storeHistory(h: History, days: LocalDate[]): Promise<number> {
  return storeDays(h.store, h.dataset, h.spec.usagePointId, days);
}

async function setUp(
  ha: HomeAssistantInstance,
  years: number,
  prm: string,
  dir: string,
  clock: ReturnType<typeof fixedClock>,
) {
  const house = defaultPdlSpecs(1, TODAY)[0]!;
  const spec: PdlSpec = { ...house, usagePointId: prm, activationDate: addYears(TODAY, -years), hasProduction: false };
  const dataset = new SimulatedDataset(1, [spec], NO_HOLES, 8);
  const store = await openStore({ dataDir: join(dir, `${years}y`), logger: silentLogger });
  await store.upsertUsagePoints([storedPoint(spec)], clock.now());
  const tally: Tally = newTally();
  const options = parseHomeAssistantExporterOptions({ url: ha.url, token: ha.token, prices: PRICES });
  const exporter = new HomeAssistantExporter(options, { connect: countingConnect(tally), sleep: countingSleep(tally) });
  const events = new SyncEvents();
  const h: History = {
    years,
    spec,
    dataset,
    store,
    events,
    exporter,
    tally,
    next: parisToday(clock.now()),
    firstImportMs: 0,
    firstRows: 0,
    readings: 0,
    runs: [],
  };
  h.readings = await storeHistory(h, eachDay({ start: spec.activationDate, end: h.next }));
  await exporter.start({ store, events, clock, logger: silentLogger });
  resetTally(tally);
  const first = await timed(() => exporter.run('first import'));
  if (exporter.status().lastError) throw new Error(exporter.status().lastError!);
  h.firstImportMs = first.ms;
  h.firstRows = tally.importedRows;
  return h;
}

/** Stores the next day as the sync would (and emits its events), then times the export run. */
async function nextDay(h: History): Promise<void> {
  const day = h.next;
  h.readings += await storeHistory(h, [day]);
  for (const stream of ['consumption_daily', 'consumption_curve'] as const) {
    h.events.emit('data-changed', { pdl: h.spec.usagePointId, stream, range: { start: day, end: addDays(day, 1) } });
  }
  h.next = addDays(day, 1);
  resetTally(h.tally);
  const { ms } = await timed(() => h.exporter.run('sync-finished'));
  if (h.exporter.status().lastError) throw new Error(h.exporter.status().lastError!);
  const haMs = h.tally.commandMs + h.tally.sleptMs;
  h.runs.push({ wallMs: ms, haMs, ownMs: ms - haMs, calls: callsText(h.tally), rows: h.tally.importedRows });
}

type Run = History['runs'][number];

/** `median (min–max)` of one measure over the runs. */
function spread(h: History, f: (r: Run) => number): string {
  const values = h.runs.map(f);
  return `${millis(median(values))} (${millis(Math.min(...values))}–${millis(Math.max(...values))})`;
}

export async function benchHaDailyExport(): Promise<BenchTable> {
  const title = 'Home Assistant daily export (real Home Assistant): 2 vs 8 years of stored history, one PDL each';
  if (!existsSync(join(haRoot(), '.med-ha-ready')))
    return { title, rows: [['result', 'not measured (Home Assistant not provisioned: run install-ha.sh)']] };
  const clock = fixedClock(parisNaiveToUtc(`${TODAY} 09:30:00`));
  const dir = mkdtempSync(join(tmpdir(), 'med-bench-ha-daily-'));
  let ha: HomeAssistantInstance | null = null;
  const histories: History[] = [];
  try {
    ha = await startHomeAssistant();
    histories.push(await setUp(ha, 2, '09000000000002', dir, clock));
    histories.push(await setUp(ha, 8, '09000000000008', dir, clock));
    for (let i = 0; i < NEXT_DAYS; i++) {
      clock.advance(DAY_MS);
      for (const h of histories) await nextDay(h);
    }
    const [two, eight] = histories as [History, History];
    const wall = (h: History) => median(h.runs.map((r) => r.wallMs));
    const own = (h: History) => median(h.runs.map((r) => r.ownMs));
    const ratio = (a: number, b: number) => `${((Math.max(a, b) / Math.min(a, b) - 1) * 100).toFixed(0)} %`;
    return {
      title,
      rows: [
        ['Home Assistant version', ha.version],
        ['stored 30-minute readings at the end (2 y / 8 y)', `${count(two.readings)} / ${count(eight.readings)}`],
        [
          'first full import, not counted (2 y / 8 y)',
          `${seconds(two.firstImportMs)} (${count(two.firstRows)} rows) / ${seconds(eight.firstImportMs)} (${count(eight.firstRows)} rows)`,
        ],
        ...[two, eight].flatMap((h): [string, string][] => [
          [`daily run, ${h.years} years: wall time (median of ${NEXT_DAYS}, range)`, spread(h, (r) => r.wallMs)],
          [`daily run, ${h.years} years: waiting for HA (commands + read-back waits)`, spread(h, (r) => r.haMs)],
          [`daily run, ${h.years} years: own work`, spread(h, (r) => r.ownMs)],
        ]),
        [
          '8 y vs 2 y difference of the medians: wall / own work',
          `${ratio(wall(two), wall(eight))} / ${ratio(own(two), own(eight))}`,
        ],
        ['daily run websocket commands (last run, 8 years)', eight.runs.at(-1)!.calls],
        ['daily run statistic rows imported (last run, 8 years)', count(eight.runs.at(-1)!.rows)],
      ],
      notes: [
        'Synthetic history from the simulator model (`SimulatedDataset`, the "Maison" HC/HP profile, no holes), curve and daily totals written straight into SQLite; two statistics per PDL (energy, and cost with HC/HP prices).',
        'Each next day stores one day and emits `data-changed` for the daily and curve streams as the sync does; the run compares the trailing 14 days with HA, imports the new 24 hours of each statistic and reads them back.',
        '"Own work" is the wall time minus the time spent waiting for Home Assistant (commands and read-back back-off sleeps): reading the store, the hourly series, planning and rows.',
      ],
    };
  } finally {
    for (const h of histories) {
      await h.exporter.stop();
      await h.store.close();
    }
    await ha?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { markdownTable } = await import('./report.js');
  process.stdout.write(markdownTable(await benchHaDailyExport()));
}
