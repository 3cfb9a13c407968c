/**
 * REST fallback against a real Home Assistant (harness in tests/integration/home-assistant/harness):
 * states posted and read back, then posted again after Home Assistant restarts and forgets them.
 */
import { fixedClock } from '../../../src/domain/clock.js';
import { HaRestStatesExporter } from '../../../src/exporters/ha-rest-states/ha-rest-states-exporter.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { NOW, openTempStore, PDL_A, seedStore, type TempStore } from '../../exporters/mqtt/seed-store.js';
import { type HomeAssistantInstance, startHomeAssistant } from '../home-assistant/harness/ha.js';

let ha: HomeAssistantInstance;
let temp: TempStore;
let exporter: HaRestStatesExporter;

beforeAll(async () => {
  ha = await startHomeAssistant();
  temp = await openTempStore();
  await seedStore(temp.store);
}, 180_000);
afterAll(async () => {
  await exporter?.stop();
  await temp?.cleanup();
  await ha?.stop();
}, 60_000);

async function getState(entityId: string): Promise<{ state: string; attributes: Record<string, unknown> } | null> {
  const res = await fetch(`${ha.url}/api/states/${entityId}`, { headers: { Authorization: `Bearer ${ha.token}` } });
  return res.status === 404 ? null : ((await res.json()) as { state: string; attributes: Record<string, unknown> });
}

test('states posted to a real Home Assistant, and posted again after it restarts', async () => {
  exporter = new HaRestStatesExporter({
    haUrl: ha.url,
    haToken: ha.token,
    probeIntervalMs: 3_600_000,
    // Tempo prices only: no PDL is priced (none is on Tempo), the Tempo price in force is.
    prices: {
      tempo: { blue_hc: 0.1325, blue_hp: 0.1612, white_hc: 0.1499, white_hp: 0.1871, red_hc: 0.1575, red_hp: 0.706 },
    },
  });
  await exporter.start({ store: temp.store, events: new SyncEvents(), clock: fixedClock(NOW), logger: memoryLogger() });
  expect(exporter.status()).toMatchObject({ state: 'ok', lastResult: { states: 43 } });
  const week = await getState(`sensor.linky_${PDL_A}_consumption_week`);
  expect(week?.state).toBe('42');
  expect(week?.attributes).toMatchObject({
    unit_of_measurement: 'kWh',
    device_class: 'energy',
    quality: 'complete',
    start: '2026-11-23',
  });
  expect(week?.attributes).not.toHaveProperty('state_class');
  expect((await getState('sensor.myelectricaldata_tempo_tomorrow'))?.state).toBe('RED');
  const period = await getState('sensor.myelectricaldata_tempo_period');
  expect([period?.state, period?.attributes.device_class, period?.attributes.options]).toEqual([
    'HP',
    'enum',
    ['HC', 'HP'],
  ]);
  // 27 November 08:00 is a white day's peak hours.
  const price = await getState('sensor.myelectricaldata_tempo_price');
  expect([price?.state, price?.attributes.unit_of_measurement, price?.attributes.tariff_period]).toEqual([
    '0.1871',
    'EUR/kWh',
    'white_hp',
  ]);
  expect((await getState('sensor.myelectricaldata_ecowatt_j0'))?.attributes).toMatchObject({
    hourly: Array(24).fill(1),
    current_hour_level: 1,
  });
  expect(await exporter.probe()).toBe(false);

  await ha.restart();
  expect(await getState(`sensor.linky_${PDL_A}_last_sync`)).toBeNull();
  expect(await exporter.probe()).toBe(true);
  expect((await getState(`sensor.linky_${PDL_A}_last_sync`))?.state).toBe('2026-11-27T07:30:00+01:00');
  expect(exporter.status().lastResult).toMatchObject({ reason: 'home-assistant-restarted', states: 43 });
}, 240_000);
