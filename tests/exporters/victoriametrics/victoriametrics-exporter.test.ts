/** The exporter on an in-memory VictoriaMetrics: cursors, corrections, status, what is not retried. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../../src/domain/clock.js';
import { parisMidnightUtc } from '../../../src/domain/time.js';
import { VictoriaMetricsExporter } from '../../../src/exporters/victoriametrics/victoriametrics-exporter.js';
import { memoryLogger, silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { usagePoint } from '../../store/fixtures.js';
import { type FakeVm, fakeVm } from './fake-vm.js';

const PDL = '12345678901234';
const NOW = Date.UTC(2026, 10, 27, 9);
const DAY1 = parisMidnightUtc('2026-11-20');
const ENERGY = `myelectricaldata_energy_wh{direction="consumption",pdl="${PDL}",resolution="30min"}`;
const POWER = `myelectricaldata_power_watts{direction="consumption",pdl="${PDL}"}`;

let dir: string;
let store: Store;
let vm: FakeVm;
let events: SyncEvents;
let exporter: VictoriaMetricsExporter;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'med-vm-unit-'));
  store = await openStore({ dataDir: dir, logger: silentLogger });
  await store.upsertUsagePoints([usagePoint(PDL)], NOW);
  await store.upsertCurve(
    PDL,
    'consumption',
    [0, 1, 2].map((i) => ({ start: DAY1 + i * 1_800_000, minutes: 30, w: 100 * (i + 1) })),
  );
  vm = fakeVm();
  events = new SyncEvents();
  exporter = new VictoriaMetricsExporter(
    { url: 'http://vm:8428', fetch: vm.fetch, retryDelaysMs: [], batchSize: 2 },
    { sleep: async () => undefined },
  );
  await exporter.start({ store, events, clock: fixedClock(NOW), logger: silentLogger });
  await exporter.run('test');
});
afterEach(async () => {
  await exporter.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('pushes the whole series on the first run, in bounded batches, after deleting any earlier copy', () => {
  expect(exporter.status()).toMatchObject({ state: 'ok', lastError: null });
  expect(vm.series.get(ENERGY)).toEqual([
    { t: DAY1, v: 50 },
    { t: DAY1 + 1_800_000, v: 100 },
    { t: DAY1 + 3_600_000, v: 150 },
  ]);
  expect(vm.requests.filter((p) => p.endsWith('/import/prometheus'))).toHaveLength(4);
  expect(vm.requests.filter((p) => p.endsWith('/delete_series'))).toHaveLength(2);
});

it('sends nothing when nothing changed, and only the new samples when a pushed day grows', async () => {
  await exporter.run('again');
  expect(exporter.status().lastResult).toMatchObject({ samples: 0, replaced: 0 });
  await store.upsertCurve(PDL, 'consumption', [{ start: DAY1 + 3 * 1_800_000, minutes: 30, w: 400 }]);
  events.emit('data-changed', {
    pdl: PDL,
    stream: 'consumption_curve',
    range: { start: '2026-11-20', end: '2026-11-21' },
  });
  await exporter.run('new data');
  // The day was already partly pushed, and the server still holds its start unchanged: appended only.
  expect(exporter.status().lastResult).toMatchObject({ samples: 2, replaced: 0 });
  expect(vm.series.get(POWER)?.map((s) => s.v)).toEqual([100, 200, 300, 400]);
});

it('appends a new day without deleting anything', async () => {
  const day2 = parisMidnightUtc('2026-11-21');
  await store.upsertCurve(PDL, 'consumption', [{ start: day2, minutes: 30, w: 20 }]);
  events.emit('data-changed', {
    pdl: PDL,
    stream: 'consumption_curve',
    range: { start: '2026-11-21', end: '2026-11-22' },
  });
  await exporter.run('new day');
  expect(exporter.status().lastResult).toMatchObject({ samples: 2, replaced: 0 });
  expect(vm.series.get(ENERGY)?.at(-1)).toEqual({ t: day2, v: 10 });
  expect(vm.series.get(ENERGY)).toHaveLength(4);
});

it('replaces a corrected series: the lower value wins, one sample per timestamp', async () => {
  await store.upsertCurve(PDL, 'consumption', [{ start: DAY1, minutes: 30, w: 10 }]);
  events.emit('data-changed', {
    pdl: PDL,
    stream: 'consumption_curve',
    range: { start: '2026-11-20', end: '2026-11-21' },
  });
  await exporter.run('corrected');
  expect(vm.series.get(POWER)).toEqual([
    { t: DAY1, v: 10 },
    { t: DAY1 + 1_800_000, v: 200 },
    { t: DAY1 + 3_600_000, v: 300 },
  ]);
});

it('re-pushes a series the server lost after acknowledging it', async () => {
  vm.loseNextImport = true;
  await store.upsertCurve(PDL, 'consumption', [{ start: DAY1 + 3 * 1_800_000, minutes: 30, w: 1 }]);
  events.emit('data-changed', {
    pdl: PDL,
    stream: 'consumption_curve',
    range: { start: '2026-11-22', end: '2026-11-23' },
  });
  await exporter.run('lost');
  expect(exporter.status()).toMatchObject({ state: 'error', lastError: expect.stringMatching(/does not hold all/) });
  await exporter.run('retry');
  expect(exporter.status().state).toBe('ok');
  expect(vm.series.get(ENERGY)).toHaveLength(4);
});

it('warns in the status when the retention is shorter than the history', async () => {
  vm.retention = '1d';
  await exporter.run('retention');
  expect(exporter.status().lastResult).toMatchObject({ warning: expect.stringMatching(/-retentionPeriod/) });
});

it('stops at refused credentials with a message saying what to set', async () => {
  vm.failWith = 401;
  await exporter.run('refused');
  expect(exporter.status()).toMatchObject({
    state: 'error',
    lastError: expect.stringMatching(/victoriametrics_username\/password or victoriametrics_token/),
  });
});

it('stops at once while counting back a push that VictoriaMetrics never shows, at info level, moving no cursor', async () => {
  const otherDir = mkdtempSync(join(tmpdir(), 'med-vm-stop-'));
  const otherStore = await openStore({ dataDir: otherDir, logger: silentLogger });
  await otherStore.upsertUsagePoints([usagePoint(PDL)], NOW);
  await otherStore.upsertCurve(PDL, 'consumption', [{ start: DAY1, minutes: 30, w: 100 }]);
  const lost = fakeVm();
  let imports = 0;
  // Acknowledges every import and keeps none: the count never comes back.
  const dropping = (async (input: string | URL | Request, init?: RequestInit) => {
    if (new URL(String(input)).pathname !== '/api/v1/import/prometheus') return lost.fetch(input, init);
    imports++;
    return new Response(null, { status: 204 });
  }) as typeof fetch;
  const logger = memoryLogger();
  const stuck = new VictoriaMetricsExporter(
    { url: 'http://vm:8428', fetch: dropping, retryDelaysMs: [10] },
    { sleep: () => new Promise<void>(() => {}) }, // only a stop can end a wait
  );
  try {
    const written: string[] = [];
    const recording = new Proxy(otherStore, {
      get(target, prop, receiver) {
        if (prop !== 'setCursor') return Reflect.get(target, prop, receiver);
        return (owner: string, key: string, value: string) => {
          if (owner === 'victoriametrics' && value.startsWith('{')) written.push(value); // series cursors
          return target.setCursor(owner, key, value);
        };
      },
    });
    await stuck.start({ store: recording, events: new SyncEvents(), clock: fixedClock(NOW), logger });
    const run = stuck.run('test');
    while (imports === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    await stuck.stop();
    await run;
    expect(stuck.status().state).toBe('stopped');
    expect(logger.lines.filter((l) => l.fields.code === 'VM_STOPPED').map((l) => [l.level, l.msg])).toEqual([
      [
        'info',
        'stopped while VictoriaMetrics was still taking the pushed samples: the next start pushes what was not counted back',
      ],
    ]);
    expect(logger.lines.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
    // Each series was marked unclean before its push, and never given the cursor of a verified push.
    expect(written.length).toBeGreaterThan(0);
    for (const value of written) expect(JSON.parse(value)).toMatchObject({ clean: false });
  } finally {
    await otherStore.close();
    rmSync(otherDir, { recursive: true, force: true });
  }
});
