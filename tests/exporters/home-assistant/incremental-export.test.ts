/**
 * The incremental export against a full rebuild, on a real SQLite store and an in-memory Home
 * Assistant: a daily run reads the store only from the first hour it needs (a counting store records
 * the ranges asked), an old edit is repaired from its day, a price change recomputes the whole cost,
 * and after each of them the statistics in HA (state and sum per hour) equal those of a full rebuild.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../../src/domain/clock.js';
import { addDays, eachDay, parisMidnightUtc, parisNaiveToUtc, parisToday } from '../../../src/domain/time.js';
import type { CurveReading, DateRange, Direction } from '../../../src/domain/types.js';
import { statisticId } from '../../../src/exporters/home-assistant/build-statistic-rows.js';
import { CURSOR_OWNER } from '../../../src/exporters/home-assistant/cursors.js';
import { EXPORTER_NAME, HomeAssistantExporter } from '../../../src/exporters/home-assistant/home-assistant-exporter.js';
import {
  type HomeAssistantExporterOptionsInput,
  parseHomeAssistantExporterOptions,
} from '../../../src/exporters/home-assistant/options.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { recordOffpeakSchedule } from '../../../src/store/tariff-history.js';
import { type DataChangedEvent, SyncEvents } from '../../../src/sync/events.js';
import { usagePoint } from '../../store/fixtures.js';
import { type MemoryHa, memoryHa } from './memory-ha.js';

const PDL = '12345678901234';
const NOW = parisNaiveToUtc('2026-11-05 08:00:00');
const TODAY = parisToday(NOW);
const HOUR = 3_600_000;
const PRICES = { hcKwh: 0.2068, hpKwh: 0.27 };
const ID = statisticId(PDL, 'consumption');
const COST_ID = statisticId(PDL, 'consumption_cost');
// The per-period statistics of the HC/HP contract, each with its cost twin.
const HC = statisticId(PDL, 'consumption_hc');
const HC_COST = statisticId(PDL, 'consumption_hc_cost');
const HP = statisticId(PDL, 'consumption_hp');
const HP_COST = statisticId(PDL, 'consumption_hp_cost');
const ALL_IDS = [ID, COST_ID, HC, HC_COST, HP, HP_COST];

interface Asked {
  curve: [number, number][];
  daily: DateRange[];
  readings: number;
  /** While true the store lists no usage point (so the exporter's start run does nothing). */
  paused: boolean;
}

/** The store, recording the ranges the exporter reads. */
function counting(store: Store): { store: Store; asked: Asked } {
  const asked: Asked = { curve: [], daily: [], readings: 0, paused: true };
  const wrapped = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'listUsagePoints') return async () => (asked.paused ? [] : target.listUsagePoints());
      if (prop === 'listCurve') {
        return async (pdl: string, direction: Direction, from: number, to: number) => {
          asked.curve.push([from, to]);
          const rows = await target.listCurve(pdl, direction, from, to);
          asked.readings += rows.length;
          return rows;
        };
      }
      if (prop === 'listDaily') {
        return (pdl: string, direction: Direction, range: DateRange) => {
          asked.daily.push(range);
          return target.listDaily(pdl, direction, range);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: wrapped, asked };
}

/** The store without the exporter's cursors: every run is a first import (the full rebuild). */
function withoutCursors(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      // The exporter's cursors are hidden; the tariff history (owner `tariff`) is data and stays.
      if (prop === 'getCursor')
        return async (owner: string, key: string) => (owner === 'tariff' ? target.getCursor(owner, key) : null);
      if (prop === 'setCursor' || prop === 'deleteCursor') return async () => {};
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function curveOf(from: string, to: string, seed: number, skip: (i: number) => boolean = () => false) {
  const out: CurveReading[] = [];
  for (let t = parisMidnightUtc(from), i = 0; t < parisMidnightUtc(to); t += HOUR / 2, i++) {
    if (!skip(i)) out.push({ start: t, minutes: 30, w: 150 + ((i * 53 + seed) % 2400) });
  }
  return out;
}

async function exportOnce(
  store: Store,
  ha: MemoryHa,
  options: Partial<HomeAssistantExporterOptionsInput> = {},
  changed: DataChangedEvent[] = [],
  /** Run once, inside the first import call of the tested run (a sync writing meanwhile). */
  duringImport?: (events: SyncEvents) => Promise<void>,
) {
  const parsed = parseHomeAssistantExporterOptions({
    url: 'http://ha.test:8123',
    token: 't',
    prices: PRICES,
    ...options,
  });
  const events = new SyncEvents();
  let hook = duringImport;
  const api: MemoryHa = {
    ...ha,
    importStatistics: async (meta, rows) => {
      const run = counted.asked.paused ? undefined : hook;
      hook = undefined;
      await run?.(events);
      return ha.importStatistics(meta, rows);
    },
  };
  const exporter = new HomeAssistantExporter(parsed, { connect: async () => api, sleep: async () => {} });
  const logger = memoryLogger();
  const counted = counting(store);
  await exporter.start({ store: counted.store, events, clock: fixedClock(NOW), logger });
  await exporter.run('settle');
  counted.asked.paused = false;
  ha.imports.length = 0;
  for (const e of changed) events.emit('data-changed', e);
  await exporter.run('test');
  await exporter.stop();
  expect(exporter.status().lastError).toBeNull();
  return { asked: counted.asked, imports: firstImports(ha), result: exporter.status().lastResult };
}

/** Per statistic imported: `[id, first hour, rows]` over its chunks. */
function firstImports(ha: MemoryHa): [string, number, number][] {
  const out = new Map<string, [string, number, number]>();
  for (const [id, from, rows] of ha.imports) {
    const hit = out.get(id);
    if (hit) hit[2] += rows;
    else out.set(id, [id, from, rows]);
  }
  return [...out.values()];
}

/** HA's rows of every statistic equal those of a full rebuild from the same store. */
async function expectSameAsFullRebuild(store: Store, ha: MemoryHa, prices = PRICES) {
  const reference = memoryHa();
  await exportOnce(withoutCursors(store), reference, { prices });
  for (const id of ALL_IDS) {
    const got = [...ha.rows.get(id)!.entries()].sort(([a], [b]) => a - b);
    const want = [...reference.rows.get(id)!.entries()].sort(([a], [b]) => a - b);
    expect(got.map(([h]) => h)).toEqual(want.map(([h]) => h));
    expect(got.map(([, r]) => r.state)).toEqual(want.map(([, r]) => r.state));
    const worst = Math.max(...got.map(([, r], i) => Math.abs(r.sum - want[i]![1].sum)));
    expect(worst).toBeLessThan(1e-6);
  }
}

const changedDay = (stream: 'consumption_curve' | 'consumption_daily', date: string): DataChangedEvent => ({
  pdl: PDL,
  stream,
  range: { start: date, end: addDays(date, 1) },
});

let dir: string;
let store: Store;
const ha = memoryHa();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ha-incremental-'));
  store = await openStore({ dataDir: dir, logger: memoryLogger() });
  await store.upsertUsagePoints([usagePoint(PDL, { offpeakHours: [{ start: '22:00', end: '06:00' }] })], NOW);
  // 28 daily-only days, then 8 months of half-hour curve with a partial DST day whose daily total is larger.
  const dailyOnly = eachDay({ start: '2026-02-01', end: '2026-03-01' }).map((date, i) => ({ date, wh: 9_000 + i * 7 }));
  await store.upsertDaily(PDL, 'consumption', [...dailyOnly, { date: '2026-03-29', wh: 80_000 }]);
  await store.upsertCurve(PDL, 'consumption', [
    ...curveOf('2026-03-01', '2026-03-29', 1),
    ...curveOf('2026-03-29', '2026-03-30', 2, (i) => i >= 10 && i < 16),
    ...curveOf('2026-03-30', '2026-11-04', 3),
  ]);
});

afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('incremental Home Assistant export', () => {
  it('keeps its cursors under the exporter name (the store rows of earlier versions stay valid)', () => {
    expect(CURSOR_OWNER).toBe(EXPORTER_NAME);
  });

  it('reads the whole history for the first import', async () => {
    const { asked, result } = await exportOnce(store, memoryHa());
    expect(asked.curve.map(([from]) => from)).toEqual([0]);
    expect(asked.daily.map((r) => r.start)).toEqual(['2000-01-01']);
    const hours = (parisMidnightUtc('2026-11-04') - parisMidnightUtc('2026-02-01')) / HOUR;
    expect(result).toEqual({ statistics: 6, importedRows: 6 * hours });
  });

  it('a daily run reads only the trailing window and imports the new day', async () => {
    await exportOnce(store, ha);
    await store.upsertCurve(PDL, 'consumption', curveOf('2026-11-04', '2026-11-05', 4));
    const { asked, imports } = await exportOnce(store, ha, {}, [changedDay('consumption_curve', '2026-11-04')]);
    // 14 × 24 hours before the end of the last exported hour (2026-11-03 23:00 Paris) is 2026-10-21
    // 01:00 Paris (the fall-back day has 25 hours): that day's daily values and curve, and the day before's curve.
    expect(Math.min(...asked.curve.map(([from]) => from))).toBe(parisMidnightUtc('2026-10-20'));
    expect(asked.daily.map((r) => r.start)).toEqual(['2026-10-21']);
    expect(asked.readings).toBeLessThan(48 * 20);
    expect(imports).toEqual(ALL_IDS.map((id) => [id, parisMidnightUtc('2026-11-04'), 24]));
    await expectSameAsFullRebuild(store, ha);
  });

  it('repairs an old edit from its day on (dirty range far back)', async () => {
    await store.upsertCurve(PDL, 'consumption', curveOf('2026-04-15', '2026-04-16', 777));
    const { asked, imports } = await exportOnce(store, ha, {}, [changedDay('consumption_curve', '2026-04-15')]);
    expect(Math.min(...asked.curve.map(([from]) => from))).toBe(parisMidnightUtc('2026-04-13'));
    expect(asked.daily.map((r) => r.start)).toEqual(['2026-04-14']);
    // The peak hours start at 06:00: before that HP stays 0 (unchanged).
    const six = parisMidnightUtc('2026-04-15') + 6 * HOUR;
    expect(imports.map(([id, from]) => [id, from])).toEqual(
      ALL_IDS.map((id) => [id, id === HP || id === HP_COST ? six : parisMidnightUtc('2026-04-15')]),
    );
    await expectSameAsFullRebuild(store, ha);
  });

  it('repairs a daily total changed on a partial day (gap filling) from the sync event', async () => {
    await store.upsertDaily(PDL, 'consumption', [{ date: '2026-03-29', wh: 90_000 }]);
    const { imports } = await exportOnce(store, ha, {}, [changedDay('consumption_daily', '2026-03-29')]);
    // The first hour of the day's gap: 5 hours after midnight (readings 10 to 15 are missing).
    // (06:00 local on this 23-hour day; peak hours: the off-peak statistics do not change.)
    const gap = parisMidnightUtc('2026-03-29') + 5 * HOUR;
    expect(imports.map(([id, from]) => [id, from])).toEqual([ID, COST_ID, HP, HP_COST].map((id) => [id, gap]));
    await expectSameAsFullRebuild(store, ha);
  });

  it('recomputes the costs from the first stored day when the prices change, and only the costs', async () => {
    const prices = { hcKwh: 0.25, hpKwh: 0.31 };
    const { imports } = await exportOnce(store, ha, { prices });
    const first = parisMidnightUtc('2026-02-01');
    expect(imports.map(([id, from]) => [id, from])).toEqual([COST_ID, HC_COST, HP_COST].map((id) => [id, first]));
    await expectSameAsFullRebuild(store, ha, prices);
    const back = await exportOnce(store, ha);
    expect(back.imports.map(([id]) => id)).toEqual([COST_ID, HC_COST, HP_COST]);
    await expectSameAsFullRebuild(store, ha);
  });

  it('a dated price change recomputes from its first hour only, in one pass', async () => {
    const prices = { ...PRICES, dated: [{ from: '2026-09-01', hpKwh: 0.3 }] };
    const { asked, imports } = await exportOnce(store, ha, { prices });
    // HP starts at 06:00 on 1 September; the total cost changes there too; HC is unchanged.
    const six = parisMidnightUtc('2026-09-01') + 6 * HOUR;
    expect(imports.map(([id, from]) => [id, from])).toEqual([
      [COST_ID, six],
      [HP_COST, six],
    ]);
    expect(Math.min(...asked.curve.map(([from]) => from))).toBe(parisMidnightUtc('2026-08-30'));
    await expectSameAsFullRebuild(store, ha, prices);
    await exportOnce(store, ha);
    await expectSameAsFullRebuild(store, ha);
  });

  it('an off-peak schedule change mid-history recomputes the periods from that day', async () => {
    await recordOffpeakSchedule(store, PDL, [{ start: '22:00', end: '06:00' }], parisMidnightUtc('2026-02-01'));
    await recordOffpeakSchedule(store, PDL, [{ start: '23:00', end: '07:00' }], parisMidnightUtc('2026-10-01') + HOUR);
    const { imports } = await exportOnce(store, ha);
    // 1 October: 06:00–07:00 becomes off-peak; the total energy is unchanged.
    const six = parisMidnightUtc('2026-10-01') + 6 * HOUR;
    expect(imports.map(([id, from]) => [id, from])).toEqual([COST_ID, HC, HC_COST, HP, HP_COST].map((id) => [id, six]));
    await expectSameAsFullRebuild(store, ha);
    await store.deleteCursor('tariff', `offpeak:${PDL}`);
    await exportOnce(store, ha);
    await expectSameAsFullRebuild(store, ha);
  });

  it('re-imports a statistic cleared in Home Assistant from the whole history', async () => {
    await ha.clearStatistics([ID]);
    const { asked, imports } = await exportOnce(store, ha);
    expect(asked.curve.map(([from]) => from)).toEqual([0]);
    expect(imports.map(([id, from]) => [id, from])).toEqual([[ID, parisMidnightUtc('2026-02-01')]]);
    await expectSameAsFullRebuild(store, ha);
  });

  it('repairs sums adjusted in Home Assistant from the adjusted hour (cursor no longer matches: whole compare)', async () => {
    const adjustedFrom = parisMidnightUtc('2026-06-10') + 7 * HOUR;
    for (const [hour, row] of ha.rows.get(ID)!) if (hour >= adjustedFrom) row.sum += 5;
    const { asked, imports } = await exportOnce(store, ha);
    expect(asked.curve.map(([from]) => from)).toEqual([0]); // one read of the whole history for the direction
    expect(imports.map(([id, from]) => [id, from])).toEqual([[ID, adjustedFrom]]);
    await expectSameAsFullRebuild(store, ha);
  });

  it('repairs a row altered inside the trailing window without reading the whole history', async () => {
    const altered = parisMidnightUtc('2026-10-30') + 3 * HOUR;
    ha.rows.get(COST_ID)!.get(altered)!.sum -= 0.5;
    const { asked, imports } = await exportOnce(store, ha);
    expect(Math.min(...asked.curve.map(([from]) => from))).toBe(parisMidnightUtc('2026-10-21'));
    expect(imports.map(([id, from]) => [id, from])).toEqual([[COST_ID, altered]]);
    await expectSameAsFullRebuild(store, ha);
  });

  it('keeps a change the sync records while a run imports: the next run repairs it', async () => {
    await store.upsertCurve(PDL, 'consumption', curveOf('2026-11-04', '2026-11-05', 5));
    const rewriteOldDay = async (events: SyncEvents) => {
      await store.upsertCurve(PDL, 'consumption', curveOf('2026-05-10', '2026-05-11', 999));
      events.emit('data-changed', changedDay('consumption_curve', '2026-05-10'));
      await new Promise((r) => setTimeout(r, 50)); // the exporter records the mark meanwhile
    };
    const first = await exportOnce(store, ha, {}, [changedDay('consumption_curve', '2026-11-04')], rewriteOldDay);
    expect(first.imports.map(([, from]) => from)).toContain(parisMidnightUtc('2026-11-04'));
    const { imports } = await exportOnce(store, ha);
    expect(imports.map(([id, from]) => [id, from])).toContainEqual([ID, parisMidnightUtc('2026-05-10')]);
    await expectSameAsFullRebuild(store, ha);
  });

  it('does nothing but read the window when nothing changed', async () => {
    const { asked, imports, result } = await exportOnce(store, ha);
    expect(imports).toEqual([]);
    expect(result).toEqual({ statistics: 6, importedRows: 0 });
    expect(asked.daily.map((r) => r.start)).toEqual([addDays(TODAY, -14)]);
  });
});
