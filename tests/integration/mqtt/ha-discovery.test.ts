/**
 * MQTT discovery end to end: a real Mosquitto, a real Home Assistant (harness) whose MQTT integration is
 * configured through the config flow over REST, and the exporter publishing the known store data
 * (seed-store.ts). Asserts what Home Assistant made of our configs: the devices and entities in its
 * registries, the states with their device classes and units, and a log free of warnings about our
 * payloads (deprecations included).
 */

import { type Connection, createConnection, createLongLivedTokenAuth } from 'home-assistant-js-websocket';
import mqtt from 'mqtt';
import { fixedClock } from '../../../src/domain/clock.js';
import { MqttExporter } from '../../../src/exporters/mqtt/mqtt-exporter.js';
import { parseMqttExporterOptions } from '../../../src/exporters/mqtt/options.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { NOW, openTempStore, PDL_A, PDL_B, seedStore, type TempStore } from '../../exporters/mqtt/seed-store.js';
import { type HomeAssistantInstance, haRest, startHomeAssistant } from '../home-assistant/harness/ha.js';
import { type Mosquitto, startMosquitto } from './mosquitto.js';

jest.setTimeout(300_000);

// 43 sensors without prices (see the MQTT exporter test); with HC/HP prices, PDL A adds 6 monetary sensors
// (consumption and production, yesterday, month and year) and 12 per-period ones (HP and HC energy and cost,
// yesterday, month and year); PDL B (consumption only) 3 + 12.
const ENTITY_COUNT = 43 + (6 + 12) + (3 + 12);
const PRICES = { prices: { hcKwh: 0.2, hpKwh: 0.3, productionKwh: 0.1 } };

interface RegistryEntity {
  entity_id: string;
  unique_id: string;
  platform: string;
  device_id: string | null;
  entity_category: string | null;
  disabled_by: string | null;
}
interface RegistryDevice {
  id: string;
  name: string | null;
  model: string | null;
  manufacturer: string | null;
  serial_number: string | null;
  sw_version: string | null;
  identifiers: [string, string][];
  config_entries: string[];
}
interface HaState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
}

let broker: Mosquitto;
let ha: HomeAssistantInstance;
let temp: TempStore;
let conn: Connection;
let exporter: MqttExporter;

const rest = <T>(path: string, body?: unknown): Promise<T> => haRest<T>(ha, path, body);

/** Home Assistant 2026.11's MQTT config flow: `user` goes straight to the `broker` form outside the Supervisor. */
async function configureMqtt(port: number): Promise<{ type: string; step_id?: string; result?: unknown }> {
  const form = await rest<{ flow_id: string; type: string; step_id: string }>('/api/config/config_entries/flow', {
    handler: 'mqtt',
  });
  expect([form.type, form.step_id]).toEqual(['form', 'broker']);
  return rest(`/api/config/config_entries/flow/${form.flow_id}`, {
    broker: '127.0.0.1',
    port,
    protocol: '5',
    other_settings: { set_ca_cert: 'off', set_client_cert: false, transport: 'tcp' },
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const entities = () => conn.sendMessagePromise<RegistryEntity[]>({ type: 'config/entity_registry/list' });
const devices = () => conn.sendMessagePromise<RegistryDevice[]>({ type: 'config/device_registry/list' });
const ours = (all: RegistryEntity[]) => all.filter((e) => e.platform === 'mqtt');

beforeAll(async () => {
  [broker, ha] = await Promise.all([startMosquitto(), startHomeAssistant()]);
  conn = await createConnection({ auth: createLongLivedTokenAuth(ha.url, ha.token) });
  temp = await openTempStore();
  await seedStore(temp.store);
}, 240_000);

afterAll(async () => {
  await exporter?.stop();
  conn?.close();
  await ha?.stop();
  await broker?.stop();
  await temp?.cleanup();
}, 120_000);

describe('MQTT discovery in a real Home Assistant', () => {
  test('config flow creates the MQTT entry; our devices, entities and states appear as expected', async () => {
    const flow = await configureMqtt(broker.port);
    expect(flow).toMatchObject({ type: 'create_entry', result: { domain: 'mqtt', state: 'loaded' } });

    exporter = new MqttExporter(parseMqttExporterOptions({ brokerUrl: broker.url, qos: 1, ...PRICES }), {
      swVersion: '1.2.0',
    });
    const context = { store: temp.store, events: new SyncEvents(), clock: fixedClock(NOW), logger: memoryLogger() };
    await exporter.start(context);
    const registered = await until('every entity registered', async () => {
      const list = ours(await entities());
      return list.length >= ENTITY_COUNT ? list : undefined;
    });
    expect(registered.length).toBe(ENTITY_COUNT);
    expect(registered.every((e) => e.disabled_by === null)).toBe(true);

    const devs = await devices();
    const linkyA = devs.find((d) => d.identifiers.some(([, id]) => id === PDL_A));
    expect(linkyA).toMatchObject({
      name: `Linky ${PDL_A}`,
      manufacturer: 'Enedis',
      model: 'Linky',
      serial_number: PDL_A,
      sw_version: '1.2.0',
      identifiers: [['mqtt', PDL_A]],
    });
    expect(devs.find((d) => d.identifiers.some(([, id]) => id === PDL_B))?.name).toBe(`Linky ${PDL_B}`);
    expect(devs.find((d) => d.identifiers.some(([, id]) => id === 'rte_tempo'))).toMatchObject({
      name: 'RTE Tempo',
      model: 'Tempo',
    });

    const byUniqueId = new Map(registered.map((e) => [e.unique_id, e] as const));
    // Unique id → entity id (from default_entity_id), on the PDL A device.
    const expectedIds: [string, string][] = [
      [`myelectricaldata_linky_${PDL_A}_consumption`, `sensor.linky_${PDL_A}_consumption_yesterday`],
      [`myelectricaldata_linky_${PDL_A}_consumption_week`, `sensor.linky_${PDL_A}_consumption_week`],
      [`myelectricaldata_linky_${PDL_A}_production`, `sensor.linky_${PDL_A}_production_yesterday`],
      [`myelectricaldata_linky_${PDL_A}_max_power`, `sensor.linky_${PDL_A}_max_power`],
      [`myelectricaldata_linky_${PDL_A}_last_sync`, `sensor.linky_${PDL_A}_last_sync`],
      [
        `myelectricaldata_linky_${PDL_A}_consumption_cost_yesterday`,
        `sensor.linky_${PDL_A}_consumption_cost_yesterday`,
      ],
      [
        `myelectricaldata_linky_${PDL_A}_production_compensation_month`,
        `sensor.linky_${PDL_A}_production_compensation_month`,
      ],
    ];
    for (const [uniqueId, entityId] of expectedIds) {
      expect({
        uniqueId,
        entity_id: byUniqueId.get(uniqueId)?.entity_id,
        device: byUniqueId.get(uniqueId)?.device_id,
      }).toEqual({ uniqueId, entity_id: entityId, device: linkyA?.id });
    }
    expect(byUniqueId.get('myelectricaldata_ecowatt_J0')?.entity_id).toBe('sensor.myelectricaldata_ecowatt_j0');
    expect(byUniqueId.get(`myelectricaldata_linky_${PDL_A}_last_sync`)?.entity_category).toBe('diagnostic');

    // Published last for each PDL or globally: once these have values, HA has read every state document.
    const lastPublished = [
      `sensor.linky_${PDL_A}_production_compensation_month`,
      `sensor.linky_${PDL_A}_last_sync`,
      'sensor.myelectricaldata_tempo_period',
      'sensor.myelectricaldata_ecowatt_j1',
    ];
    const states = await until('states received', async () => {
      const all = await rest<HaState[]>('/api/states');
      const valued = (id: string) =>
        !['unknown', 'unavailable', undefined].includes(all.find((s) => s.entity_id === id)?.state);
      return lastPublished.every(valued) ? all : undefined;
    });
    const state = (id: string) => {
      const s = states.find((x) => x.entity_id === id);
      const a = s?.attributes ?? {};
      return [s?.state, a.device_class, a.unit_of_measurement, a.state_class];
    };
    // Seed: 10 kWh a day, 20 Nov missing, 25 Nov from the load curve (48 × 500 W = 12 kWh).
    expect(state(`sensor.linky_${PDL_A}_consumption_yesterday`)).toEqual(['10', 'energy', 'kWh', undefined]);
    expect(state(`sensor.linky_${PDL_A}_consumption_week`)).toEqual(['42', 'energy', 'kWh', undefined]);
    expect(state(`sensor.linky_${PDL_A}_consumption_month`)).toEqual(['252', 'energy', 'kWh', undefined]);
    expect(state(`sensor.linky_${PDL_A}_production_yesterday`)).toEqual(['2', 'energy', 'kWh', undefined]);
    expect(state(`sensor.linky_${PDL_A}_max_power`)).toEqual(['6120', 'apparent_power', 'VA', undefined]);
    expect(state(`sensor.linky_${PDL_A}_last_sync`)).toEqual([
      '2026-11-27T06:30:00+00:00',
      'timestamp',
      undefined,
      undefined,
    ]);
    expect(state('sensor.myelectricaldata_tempo_tomorrow')).toEqual(['RED', 'enum', undefined, undefined]);
    expect(state('sensor.myelectricaldata_tempo_days_red')).toEqual(['20', undefined, 'd', undefined]);
    expect(state('sensor.myelectricaldata_tempo_period')).toEqual(['HP', 'enum', undefined, undefined]);
    const ecowatt = states.find((x) => x.entity_id === 'sensor.myelectricaldata_ecowatt_j0')?.attributes ?? {};
    expect([ecowatt.hourly, ecowatt.current_hour_level]).toEqual([Array(24).fill(1), 1]);
    // Costs: 26 Nov is daily-only: 10 kWh at the day-weighted HC/HP price (8 h HC: 0.2/3 + 0.3·2/3).
    expect(state(`sensor.linky_${PDL_A}_consumption_cost_yesterday`)).toEqual(['2.67', 'monetary', 'EUR', 'total']);
    expect(state(`sensor.linky_${PDL_A}_consumption_cost_month`)).toEqual(['67.2', 'monetary', 'EUR', 'total']);
    expect(state(`sensor.linky_${PDL_A}_production_compensation_yesterday`)).toEqual([
      '0.2',
      'monetary',
      'EUR',
      'total',
    ]);
    const lastReset = states.find((x) => x.entity_id === `sensor.linky_${PDL_A}_consumption_cost_month`)?.attributes
      .last_reset;
    expect(new Date(String(lastReset)).toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(state(`sensor.linky_${PDL_B}_consumption_yesterday`)).toEqual(['unknown', 'energy', 'kWh', undefined]);
  });

  test("Home Assistant's log has no warning or error about our discovery payloads", async () => {
    // Canary: a payload Home Assistant must reject (energy in W), to prove the log is read.
    const canary = await mqtt.connectAsync(broker.url, { clientId: 'med-canary', reconnectPeriod: 0 });
    await canary.publishAsync(
      'homeassistant/sensor/med_canary/config',
      JSON.stringify({
        name: 'Canary',
        unique_id: 'med_canary',
        state_topic: 'med/canary',
        device_class: 'energy',
        unit_of_measurement: 'W',
      }),
    );
    await canary.endAsync();
    const complaints = await until('the canary complaint in the log', async () => {
      const lines = (await ha.logText())
        .split('\n')
        .filter((line) => /\b(WARNING|ERROR|CRITICAL)\b/.test(line))
        .filter((line) => /mqtt|sensor|myelectricaldata|linky|discovery|deprecat/i.test(line));
      return lines.some((l) => l.includes('med_canary')) ? lines : undefined;
    });
    expect(complaints.filter((l) => !l.includes('med_canary'))).toEqual([]);
  });
});
