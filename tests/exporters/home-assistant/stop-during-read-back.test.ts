/**
 * Stopping the Home Assistant exporter while it waits for HA's recorder to write a first import (HA
 * acknowledges imports before writing them): the wait ends at once instead of running out its
 * `readBackTimeoutMs`, the run says why at info level and is not retried, no cursor moves, and the next
 * start imports everything again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../../src/domain/clock.js';
import { parisMidnightUtc, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { CurveReading } from '../../../src/domain/types.js';
import { statisticId } from '../../../src/exporters/home-assistant/build-statistic-rows.js';
import { CURSOR_OWNER } from '../../../src/exporters/home-assistant/cursors.js';
import type { HaApi } from '../../../src/exporters/home-assistant/ha-client.js';
import { HomeAssistantExporter } from '../../../src/exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../../../src/exporters/home-assistant/options.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { usagePoint } from '../../store/fixtures.js';
import { memoryHa } from './memory-ha.js';

const PDL = '12345678901234';
const NOW = parisNaiveToUtc('2026-11-05 08:00:00');
const ID = statisticId(PDL, 'consumption');

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ha-stop-'));
  store = await openStore({ dataDir: dir, logger: memoryLogger() });
  await store.upsertUsagePoints([usagePoint(PDL)], NOW);
  const curve: CurveReading[] = [];
  for (let t = parisMidnightUtc('2026-10-01'); t < parisMidnightUtc('2026-11-04'); t += 1_800_000) {
    curve.push({ start: t, minutes: 30, w: 400 });
  }
  await store.upsertCurve(PDL, 'consumption', curve);
});

afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A Home Assistant whose recorder never writes: imports are acknowledged, reads find nothing new. */
function recorderStuck(): { api: HaApi; imported: () => number } {
  const ha = memoryHa();
  let imported = 0;
  const api: HaApi = {
    ...ha,
    importStatistics: async (_meta, rows) => {
      imported += rows.length;
    },
  };
  return { api, imported: () => imported };
}

async function startExporter(api: HaApi) {
  const options = parseHomeAssistantExporterOptions({
    url: 'http://ha.test:8123',
    token: 't',
    readBackTimeoutMs: 60_000,
  });
  const exporter = new HomeAssistantExporter(options, { connect: async () => api });
  const logger = memoryLogger();
  await exporter.start({ store, events: new SyncEvents(), clock: fixedClock(NOW), logger });
  return { exporter, logger };
}

it('ends the read-back wait at once on stop, moves no cursor, and imports everything at the next start', async () => {
  const stuck = recorderStuck();
  const first = await startExporter(stuck.api);
  while (stuck.imported() === 0) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 100)); // in the read-back's polling now
  const t0 = Date.now();
  await first.exporter.stop();
  expect(Date.now() - t0).toBeLessThan(2_000);
  expect(first.exporter.status().state).toBe('stopped');
  const lines = first.logger.lines.filter((l) => l.fields.code === 'HA_STOPPED');
  expect(lines.map((l) => [l.level, l.msg])).toEqual([
    [
      'info',
      expect.stringMatching(/^stopped while Home Assistant was still writing .* the next start checks them again$/),
    ],
  ]);
  expect(first.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  expect(await store.getCursor(CURSOR_OWNER, `${PDL}:consumption`)).toBeNull();

  const ha = memoryHa();
  const next = await startExporter(ha);
  while (next.exporter.status().state === 'running' || next.exporter.status().lastRunAt === null) {
    await new Promise((r) => setTimeout(r, 5));
  }
  await next.exporter.stop();
  expect(next.exporter.status().lastError).toBeNull();
  const hours = (parisMidnightUtc('2026-11-04') - parisMidnightUtc('2026-10-01')) / 3_600_000;
  expect(stuck.imported()).toBeGreaterThanOrEqual(hours); // the first run had sent them
  expect(ha.rows.get(ID)?.size).toBe(hours); // 817: October ends with a 25-hour day
});
