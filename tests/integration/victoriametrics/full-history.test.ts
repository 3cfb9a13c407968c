/**
 * The history push against a real VictoriaMetrics (`VM_URL`, started by `.ci/services.sh`): a store synced
 * from the gateway simulator is pushed whole, read back through `/api/v1/export` equal to the store to
 * the Wh, then a corrected day (one value lower, one higher) and a new day are pushed again. Each run's
 * series carry a label of their own (`test_run`), so runs on the shared server never see each other.
 */
import { randomBytes } from 'node:crypto';
import { addDays, parisMidnightUtc, parisNaiveToUtc } from '../../../src/domain/time.js';
import { VictoriaMetricsExporter } from '../../../src/exporters/victoriametrics/victoriametrics-exporter.js';
import { PRM } from '../../../src/gateway/simulator/pdl-catalog.js';
import { silentLogger } from '../../../src/log/logger.js';
import type { SyncEvents } from '../../../src/sync/events.js';
import { type Harness, startHarness } from '../sync/harness.js';
import { expectedSeries, expectHeld } from './expected.js';
import { byTimestamp, readBack } from './read-back.js';
import { VM_SKIP, VM_URL } from './vm-process.js';

jest.setTimeout(180_000);
const describeWithVm = VM_URL ? describe : describe.skip;

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const RUN = randomBytes(4).toString('hex');
const LABELS = `test_run="${RUN}"`;
const HOUSE = PRM.house;
const SOLAR = PRM.newHouseSolar;

describeWithVm(`VictoriaMetrics history push${VM_SKIP}`, () => {
  let h: Harness;
  let events: SyncEvents;
  let exporter: VictoriaMetricsExporter;
  const url = VM_URL ?? '';

  beforeAll(async () => {
    h = await startHarness(NOW, {}, [HOUSE, SOLAR]);
    events = h.engine.options.events;
    expect(await h.engine.run('full')).toMatchObject({ status: 'ok' });
    exporter = new VictoriaMetricsExporter({ url, extraLabels: { test_run: RUN }, retryDelaysMs: [], batchSize: 5000 });
    await exporter.start({ store: h.store, events, clock: h.clock, logger: silentLogger });
    await exporter.run('test');
  });
  afterAll(async () => {
    await exporter?.stop();
    await h?.close();
  });

  it('pushes the whole history: every stored value read back equal, once per timestamp', async () => {
    expect(exporter.status()).toMatchObject({ state: 'ok', lastError: null });
    for (const pdl of [HOUSE, SOLAR]) {
      const expected = await expectedSeries(h.store, pdl, LABELS);
      expect(expected.length).toBeGreaterThanOrEqual(pdl === HOUSE ? 4 : 3);
      for (const e of expected) await expectHeld(url, e);
    }
  });

  it('keeps the DST days: 46 half-hours on 2026-03-29, 50 on 2025-10-26', async () => {
    const sel = `myelectricaldata_energy_wh{${LABELS},pdl="${HOUSE}",resolution="30min"}`;
    const held = byTimestamp((await readBack(url, sel))[0]);
    const inDay = (day: string) =>
      [...held.keys()].filter((t) => t >= parisMidnightUtc(day) && t < parisMidnightUtc(addDays(day, 1))).length;
    expect([inDay('2026-03-29'), inDay('2025-10-26'), inDay('2026-03-30')]).toEqual([46, 50, 48]);
  });

  it('pushes nothing again when nothing changed', async () => {
    await exporter.run('again');
    expect(exporter.status().lastResult).toMatchObject({ samples: 0, replaced: 0 });
  });

  it('replaces a corrected day (one value lower, one higher): one sample per timestamp, corrected values', async () => {
    const day = '2026-10-10';
    const from = parisMidnightUtc(day);
    const readings = await h.store.listCurve(HOUSE, 'consumption', from, from + 3_600_000);
    const lower = { ...readings[0]!, w: readings[0]!.w - 37 };
    const higher = { ...readings[1]!, w: readings[1]!.w + 411 };
    await h.store.upsertCurve(HOUSE, 'consumption', [lower, higher]);
    const [daily] = await h.store.listDaily(HOUSE, 'consumption', { start: day, end: addDays(day, 1) });
    await h.store.upsertDaily(HOUSE, 'consumption', [{ date: day, wh: daily!.wh - 1 }]);
    const range = { start: day, end: addDays(day, 1) };
    events.emit('data-changed', { pdl: HOUSE, stream: 'consumption_curve', range });
    events.emit('data-changed', { pdl: HOUSE, stream: 'consumption_daily', range });
    await exporter.run('corrected');
    expect(exporter.status().lastResult).toMatchObject({ replaced: 3 });
    for (const e of await expectedSeries(h.store, HOUSE, LABELS)) await expectHeld(url, e);
    const sel = `myelectricaldata_power_watts{${LABELS},pdl="${HOUSE}"}`;
    const held = byTimestamp((await readBack(url, sel))[0]);
    expect([held.get(lower.start), held.get(higher.start)]).toEqual([[lower.w], [higher.w]]);
  });

  it('appends a new day without touching the rest', async () => {
    const day = '2026-11-27';
    const start = parisMidnightUtc(day);
    const rows = Array.from({ length: 4 }, (_, i) => ({ start: start + i * 1_800_000, minutes: 30, w: 100 + i }));
    await h.store.upsertCurve(HOUSE, 'consumption', rows);
    events.emit('data-changed', {
      pdl: HOUSE,
      stream: 'consumption_curve',
      range: { start: day, end: addDays(day, 1) },
    });
    await exporter.run('new day');
    expect(exporter.status().lastResult).toMatchObject({ samples: 8, replaced: 0 });
    for (const e of await expectedSeries(h.store, HOUSE, LABELS)) await expectHeld(url, e);
  });

  it('appends the rest of a day that grows (a curve completed later) without replacing the series', async () => {
    const day = '2026-11-27';
    const start = parisMidnightUtc(day) + 4 * 1_800_000;
    const rows = Array.from({ length: 3 }, (_, i) => ({ start: start + i * 1_800_000, minutes: 30, w: 900 + i }));
    await h.store.upsertCurve(HOUSE, 'consumption', rows);
    events.emit('data-changed', {
      pdl: HOUSE,
      stream: 'consumption_curve',
      range: { start: day, end: addDays(day, 1) },
    });
    await exporter.run('day grows');
    expect(exporter.status().lastResult).toMatchObject({ samples: 6, replaced: 0 });
    for (const e of await expectedSeries(h.store, HOUSE, LABELS)) await expectHeld(url, e);
  });
});
