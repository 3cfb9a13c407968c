/**
 * One tariff engine: for the same PDL, prices and days, the MQTT cost sensors, the Home Assistant cost
 * statistic (as the exporter imports it, into an in-memory Home Assistant) and the API's cost route give
 * the same amount, to the micro-euro. The store holds daily-only days, a day with a full load curve and
 * no daily value, a day with nothing, and a day whose curve has holes (its missing energy is spread over
 * the gaps and priced there).
 */
import { createApiServer } from '../../src/api/server.js';
import { fixedClock } from '../../src/domain/clock.js';
import type { Prices } from '../../src/domain/tariff.js';
import { parisMidnightUtc } from '../../src/domain/time.js';
import { statisticId } from '../../src/exporters/home-assistant/build-statistic-rows.js';
import { HomeAssistantExporter } from '../../src/exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../../src/exporters/home-assistant/options.js';
import { memoryLogger, silentLogger } from '../../src/log/logger.js';
import { readSnapshot } from '../../src/sensors/snapshot/read-snapshot.js';
import { SyncEvents } from '../../src/sync/events.js';
import { idleStatus, recordingTrigger, statusOf } from '../api/fixtures.js';
import { memoryHa } from '../exporters/home-assistant/memory-ha.js';
import { NOW, openTempStore, PDL_A, seedStore, type TempStore } from '../exporters/mqtt/seed-store.js';

const PRICES: Prices = { hcKwh: 0.2, hpKwh: 0.3, productionKwh: 0.1 };
/** 10 Nov has its daily 10 000 Wh and a curve with holes: 00:00-05:00 only, 10 half-hours of 400 W. */
const HOLED_DAY = '2026-11-10';

let temp: TempStore;
beforeAll(async () => {
  temp = await openTempStore();
  await seedStore(temp.store);
  const start = parisMidnightUtc(HOLED_DAY);
  await temp.store.upsertCurve(
    PDL_A,
    'consumption',
    Array.from({ length: 10 }, (_, i) => ({ start: start + i * 1_800_000, minutes: 30, w: 400 })),
  );
});
afterAll(() => temp.cleanup());

/** The hourly costs Home Assistant holds after one export, in EUR, summed over the Paris days [start, end). */
async function homeAssistantEur(start: string, end: string): Promise<number> {
  const ha = memoryHa();
  const options = parseHomeAssistantExporterOptions({ url: 'http://ha.test:8123', token: 't', prices: PRICES });
  const exporter = new HomeAssistantExporter(options, { connect: async () => ha, sleep: async () => {} });
  await exporter.start({ store: temp.store, events: new SyncEvents(), clock: fixedClock(NOW), logger: memoryLogger() });
  await exporter.run('test');
  await exporter.stop();
  expect(exporter.status().lastError).toBeNull();
  const rows = ha.rows.get(statisticId(PDL_A, 'consumption_cost'))!;
  let eur = 0;
  for (const [hour, row] of rows) if (hour >= parisMidnightUtc(start) && hour < parisMidnightUtc(end)) eur += row.state;
  return eur;
}

async function apiEur(start: string, end: string): Promise<number> {
  const api = createApiServer({
    store: temp.store,
    status: statusOf(() => idleStatus()),
    syncTrigger: recordingTrigger(),
    logger: silentLogger,
    clock: fixedClock(NOW),
    version: '1.2.3',
    prices: PRICES,
  });
  const res = await api.inject(`/api/pdls/${PDL_A}/consumption/cost?start=${start}&end=${end}`);
  await api.close();
  expect(res.statusCode).toBe(200);
  return res.json().total_eur;
}

it.each(['yesterday', 'month'] as const)('MQTT, Home Assistant and the API agree on the %s cost', async (period) => {
  const snapshot = await readSnapshot(temp.store, NOW, PRICES);
  const cost = snapshot.pdls.find((p) => p.pdl === PDL_A)!.consumption!.cost![period];
  expect(cost.microEur).not.toBeNull();
  const mqttEur = cost.microEur! / 1e6;
  const { start, end } = cost.range;
  if (period === 'month') expect(start <= HOLED_DAY && HOLED_DAY < end).toBe(true);
  expect(await apiEur(start, end)).toBeCloseTo(mqttEur, 6);
  expect(await homeAssistantEur(start, end)).toBeCloseTo(mqttEur, 6);
});
