/**
 * The weekly deep check on a real SQLite store and an in-memory Home Assistant: a row altered months
 * back (beyond the 14-day trailing window) survives the incremental runs, and the deep check re-imports
 * that row alone; it runs on the weekly job's reason, at start when the last one is a week old, never on
 * a first export; HA's rows then equal a full rebuild from the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../../src/domain/clock.js';
import { parisMidnightUtc, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { CurveReading } from '../../../src/domain/types.js';
import { statisticId } from '../../../src/exporters/home-assistant/build-statistic-rows.js';
import {
  DEEP_CHECK_EVERY_MS,
  DEEP_CHECK_REASON,
  deepCheckDue,
  lastDeepCheck,
} from '../../../src/exporters/home-assistant/deep-check.js';
import {
  DEEP_CHECK_PATTERN,
  HomeAssistantError,
  HomeAssistantExporter,
} from '../../../src/exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../../../src/exporters/home-assistant/options.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { usagePoint } from '../../store/fixtures.js';
import { type MemoryHa, memoryHa } from './memory-ha.js';

const PDL = '12345678901234';
const NOW = parisNaiveToUtc('2026-11-05 08:00:00');
const HOUR = 3_600_000;
const DAY = 86_400_000;
const PRICES = { hcKwh: 0.2068, hpKwh: 0.27 };
const ID = statisticId(PDL, 'consumption');
const COST_ID = statisticId(PDL, 'consumption_cost');

let dir: string;
let store: Store;

function curve(from: string, to: string): CurveReading[] {
  const out: CurveReading[] = [];
  for (let t = parisMidnightUtc(from), i = 0; t < parisMidnightUtc(to); t += HOUR / 2, i++) {
    out.push({ start: t, minutes: 30, w: 180 + ((i * 61) % 2100) });
  }
  return out;
}

/** One exporter started at `at` (its start run), then the runs asked for; returns the runs' results. */
async function runAt(target: Store, ha: MemoryHa, at: number, reasons: string[] = []) {
  const options = parseHomeAssistantExporterOptions({ url: 'http://ha.test:8123', token: 't', prices: PRICES });
  const exporter = new HomeAssistantExporter(options, { connect: async () => ha, sleep: async () => {} });
  const logger = memoryLogger();
  await exporter.start({ store: target, events: new SyncEvents(), clock: fixedClock(at), logger });
  const results = [];
  await exporter.run('settle'); // served after the start run
  results.push(exporter.status().lastResult);
  for (const reason of reasons) {
    await exporter.run(reason);
    results.push(exporter.status().lastResult);
  }
  await exporter.stop();
  expect(exporter.status().lastError).toBeNull();
  const deepChecks = logger.lines.filter((l) => l.msg === 'deep check of the Home Assistant statistics done');
  return { results, logger, deepChecks: deepChecks.map((l) => l.fields) };
}

function rowsOf(ha: MemoryHa, id: string) {
  return [...ha.rows.get(id)!.entries()].sort(([a], [b]) => a - b);
}

/** HA's rows equal those a first import from the same store writes into an empty HA. */
async function expectSameAsFullRebuild(ha: MemoryHa) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'ha-deep-ref-'));
  const reference = memoryHa();
  const copy = await openStore({ dataDir: scratch, logger: memoryLogger() });
  try {
    await copy.upsertUsagePoints([usagePoint(PDL, { offpeakHours: [{ start: '22:00', end: '06:00' }] })], NOW);
    await copy.upsertCurve(PDL, 'consumption', await store.listCurve(PDL, 'consumption', 0, NOW + 2 * DAY));
    await runAt(copy, reference, NOW);
  } finally {
    await copy.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  for (const id of [ID, COST_ID]) {
    const got = rowsOf(ha, id);
    const want = rowsOf(reference, id);
    expect(got.map(([h]) => h)).toEqual(want.map(([h]) => h));
    expect(got.map(([, r]) => r.state)).toEqual(want.map(([, r]) => r.state));
    expect(Math.max(...got.map(([, r], i) => Math.abs(r.sum - want[i]![1].sum)))).toBeLessThan(1e-6);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ha-deep-check-'));
  store = await openStore({ dataDir: dir, logger: memoryLogger() });
  await store.upsertUsagePoints([usagePoint(PDL, { offpeakHours: [{ start: '22:00', end: '06:00' }] })], NOW);
  await store.upsertCurve(PDL, 'consumption', curve('2026-03-01', '2026-11-05'));
});

afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('deep check of the Home Assistant statistics', () => {
  it('is due on the weekly job, or when the last one is a week old; never before a first record', () => {
    expect(DEEP_CHECK_PATTERN).toBe('40 4 * * 0');
    expect(deepCheckDue(DEEP_CHECK_REASON, NOW, NOW)).toBe(true);
    expect(deepCheckDue('start', null, NOW)).toBe(false);
    expect(deepCheckDue('start', NOW - DEEP_CHECK_EVERY_MS + 1, NOW)).toBe(false);
    expect(deepCheckDue('sync-finished', NOW - DEEP_CHECK_EVERY_MS, NOW)).toBe(true);
  });

  const ha = memoryHa();
  const altered = parisMidnightUtc('2026-05-12') + 13 * HOUR; // inside a month and a day: no period edge

  it('a first export records the check time without checking', async () => {
    const { deepChecks } = await runAt(store, ha, NOW);
    expect(deepChecks).toEqual([]);
    expect(await lastDeepCheck(store)).toBe(NOW);
  });

  it('leaves a row altered months back to the deep check, which re-imports that row alone', async () => {
    ha.rows.get(ID)!.get(altered)!.sum += 2.5;
    ha.rows.get(COST_ID)!.get(altered - 30 * DAY)!.sum -= 0.75;
    const before = rowsOf(ha, ID).find(([h]) => h === altered)![1].sum;
    const incremental = await runAt(store, ha, NOW + 2 * DAY);
    expect(incremental.results[0]).toEqual({ statistics: 6, importedRows: 0 });
    expect(ha.rows.get(ID)!.get(altered)!.sum).toBe(before);

    ha.imports.length = 0;
    const { results, logger } = await runAt(store, ha, NOW + 3 * DAY, [DEEP_CHECK_REASON]);
    expect(results[1]).toEqual({ statistics: 6, importedRows: 0, deepCheck: { statistics: 6, repairedRows: 2 } });
    expect(ha.imports).toEqual([
      [ID, altered, 1],
      [COST_ID, altered - 30 * DAY, 1],
    ]);
    expect(logger.lines.filter((l) => l.msg.startsWith('deep check: repaired')).map((l) => l.fields.statistic)).toEqual(
      [ID, COST_ID],
    );
    expect(await lastDeepCheck(store)).toBe(NOW + 3 * DAY);
    await expectSameAsFullRebuild(ha);
  });

  it('runs at start when the last check is a week old, and writes nothing when everything fits', async () => {
    ha.imports.length = 0;
    const soon = await runAt(store, ha, NOW + 3 * DAY + DEEP_CHECK_EVERY_MS - HOUR);
    expect(soon.deepChecks).toEqual([]);
    ha.rows.get(ID)!.delete(altered + 40 * DAY);
    const late = await runAt(store, ha, NOW + 3 * DAY + DEEP_CHECK_EVERY_MS);
    // The start run did it (the run asked for after it found the check recorded).
    expect(late.deepChecks).toEqual([expect.objectContaining({ statistics: 6, repairedRows: 1 })]);
    expect(late.results[0]).not.toHaveProperty('deepCheck');
    expect(ha.imports).toEqual([[ID, altered + 40 * DAY, 1]]);
    const again = await runAt(store, ha, NOW + 20 * DAY, [DEEP_CHECK_REASON]);
    expect(again.results[1]).toMatchObject({ deepCheck: { statistics: 6, repairedRows: 0 } });
    expect(ha.imports).toHaveLength(1);
    await expectSameAsFullRebuild(ha);
  });

  it('does an asked-for deep check in the retry when its run failed (connection lost)', async () => {
    ha.rows.get(COST_ID)!.get(altered)!.sum += 1;
    let ready = false;
    let failOnce = true;
    const flaky: MemoryHa = Object.create(ha);
    flaky.getStatisticsMetadata = async (ids) => {
      if (ready && failOnce) {
        failOnce = false;
        throw new HomeAssistantError('HA_CONNECTION_LOST', 'the connection to Home Assistant was lost');
      }
      return ha.getStatisticsMetadata(ids);
    };
    const options = parseHomeAssistantExporterOptions({ url: 'http://ha.test:8123', token: 't', prices: PRICES });
    const exporter = new HomeAssistantExporter(options, { connect: async () => flaky, sleep: async () => {} });
    // The store lists no usage point until the start runs are over.
    const gated = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'listUsagePoints') return async () => (ready ? target.listUsagePoints() : []);
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const clock = fixedClock(NOW + 21 * DAY);
    await exporter.start({ store: gated, events: new SyncEvents(), clock, logger: memoryLogger() });
    await exporter.run('settle');
    expect(await lastDeepCheck(store)).toBe(NOW + 20 * DAY); // the last check, a day ago: none due
    ready = true;
    await exporter.run(DEEP_CHECK_REASON);
    expect(exporter.status()).toMatchObject({ state: 'error', lastError: expect.stringMatching(/was lost/) });
    ha.imports.length = 0;
    await exporter.run('retry'); // not due by time: done because it was asked for
    await exporter.stop();
    expect(exporter.status().lastResult).toMatchObject({ deepCheck: { statistics: 6, repairedRows: 1 } });
    expect(ha.imports).toEqual([[COST_ID, altered, 1]]);
    await expectSameAsFullRebuild(ha);
  });
});
