/**
 * A daily run reads a bounded window of the store, whatever the history: the new day and the re-checked
 * days after each series' cursor, not the whole history (which only a first push, a replaced series or a
 * cursor older than the window read). The reads are recorded through a store wrapper.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../../src/domain/clock.js';
import { addDays, eachDay, parisMidnightUtc } from '../../../src/domain/time.js';
import { WINDOW_DAYS } from '../../../src/exporters/victoriametrics/point-series.js';
import { VictoriaMetricsExporter } from '../../../src/exporters/victoriametrics/victoriametrics-exporter.js';
import { silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { usagePoint } from '../../store/fixtures.js';
import { type FakeVm, fakeVm } from './fake-vm.js';

const PDL = '12345678901234';
const TODAY = '2026-11-27';
const NOW = parisMidnightUtc(TODAY) + 9 * 3_600_000;
const FIRST = '2023-01-01';
const ENERGY = `myelectricaldata_energy_wh{direction="consumption",pdl="${PDL}",resolution="30min"}`;
const DAILY = `myelectricaldata_energy_wh{direction="consumption",pdl="${PDL}",resolution="day"}`;

/** Earliest instant each read asked for (curve: ms; daily and max power: the day's Paris midnight). */
let reads: number[];
let dir: string;
let store: Store;
let vm: FakeVm;
let events: SyncEvents;
let exporter: VictoriaMetricsExporter;

function recording(inner: Store): Store {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'listCurve') reads.push(args[2] as number);
        if (prop === 'listDaily' || prop === 'listMaxPower') {
          const range = args.at(-1) as { start: string };
          reads.push(range.start < '1990-01-01' ? 0 : parisMidnightUtc(range.start));
        }
        return value.apply(target, args);
      };
    },
  });
}

/** Two readings, a daily value and a max power per day. */
async function storeDays(days: string[]): Promise<void> {
  const t = (d: string) => parisMidnightUtc(d);
  await store.upsertCurve(
    PDL,
    'consumption',
    days.flatMap((d) => [0, 1].map((i) => ({ start: t(d) + i * 1_800_000, minutes: 30, w: 100 + i }))),
  );
  await store.upsertDaily(
    PDL,
    'consumption',
    days.map((d) => ({ date: d, wh: 100 })),
  );
  await store.upsertMaxPower(
    PDL,
    days.map((d) => ({ date: d, va: 3000, at: t(d) + 3_600_000 })),
  );
}

function changed(start: string): void {
  for (const stream of ['consumption_curve', 'consumption_daily', 'max_power'] as const)
    events.emit('data-changed', { pdl: PDL, stream, range: { start, end: addDays(start, 1) } });
}

beforeEach(async () => {
  reads = [];
  dir = mkdtempSync(join(tmpdir(), 'med-vm-window-'));
  store = await openStore({ dataDir: dir, logger: silentLogger });
  await store.upsertUsagePoints([usagePoint(PDL, { hasProduction: false })], NOW);
  await storeDays(eachDay({ start: FIRST, end: addDays(TODAY, -1) }));
  vm = fakeVm();
  events = new SyncEvents();
  exporter = new VictoriaMetricsExporter(
    { url: 'http://vm:8428', fetch: vm.fetch, retryDelaysMs: [] },
    { sleep: async () => undefined },
  );
  await exporter.start({ store: recording(store), events, clock: fixedClock(NOW), logger: silentLogger });
  await exporter.run('first');
});
afterEach(async () => {
  await exporter.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('reads the whole history on the first push, then only the window on a daily run', async () => {
  expect(Math.min(...reads)).toBe(0);
  reads = [];
  const yesterday = addDays(TODAY, -1);
  await storeDays([yesterday]);
  changed(yesterday);
  await exporter.run('daily');
  expect(exporter.status()).toMatchObject({ state: 'ok', lastResult: { replaced: 0 } });
  expect(reads.length).toBeGreaterThan(0);
  expect(Math.min(...reads)).toBe(parisMidnightUtc(addDays(TODAY, -WINDOW_DAYS)));
  // The new day arrived, and the history is still there once.
  const energy = vm.series.get(ENERGY)!;
  expect(energy.at(-1)!.t).toBe(parisMidnightUtc(yesterday) + 1_800_000);
  expect(new Set(energy.map((s) => s.t)).size).toBe(energy.length);
  expect(vm.series.get(DAILY)).toHaveLength(eachDay({ start: FIRST, end: TODAY }).length);
});

it('reads from an older changed day, and the whole history when that change replaces a series', async () => {
  reads = [];
  const old = '2024-03-05';
  await store.upsertDaily(PDL, 'consumption', [{ date: old, wh: 777 }]);
  changed(old);
  await exporter.run('correction');
  // The changed daily series is re-imported whole; the others appended nothing after the change.
  expect(exporter.status().lastResult).toMatchObject({ replaced: 1 });
  expect(Math.min(...reads)).toBe(0);
  expect(vm.series.get(DAILY)!.find((s) => s.t === parisMidnightUtc(old))?.v).toBe(777);
  expect(vm.series.get(DAILY)).toHaveLength(eachDay({ start: FIRST, end: addDays(TODAY, -1) }).length);
});
