import {
  buildDiscoveryConfig,
  type DiscoveryContext,
} from '../../../src/exporters/mqtt/discovery/build-discovery-config.js';
import { planDiscovery } from '../../../src/exporters/mqtt/discovery/discovery-plan.js';
import { checkSensorConfig } from '../../../src/exporters/mqtt/discovery/ha-sensor-rules.js';
import { entitiesForSnapshot } from '../../../src/sensors/entities.js';
import { readSnapshot } from '../../../src/sensors/snapshot/read-snapshot.js';
import type { Snapshot } from '../../../src/sensors/snapshot/snapshot-types.js';
import { NOW, openTempStore, PDL_A, PDL_B, seedStore, type TempStore } from './seed-store.js';

const ctx: DiscoveryContext = {
  topicPrefix: 'myelectricaldata',
  discoveryPrefix: 'homeassistant',
  swVersion: '1.2.0',
  configurationUrl: 'http://127.0.0.1:5000/',
};

let temp: TempStore;
let snapshot: Snapshot;
beforeAll(async () => {
  temp = await openTempStore();
  await seedStore(temp.store);
  snapshot = await readSnapshot(temp.store, NOW);
});
afterAll(() => temp.cleanup());

const configs = () => entitiesForSnapshot(snapshot).map((e) => buildDiscoveryConfig(ctx, e));
const find = (uniqueId: string) => configs().find((c) => c.payload.unique_id === uniqueId)!;

describe('discovery configs (golden)', () => {
  test("yesterday's consumption keeps the V1 unique id, energy class and NO state class", () => {
    expect(find(`myelectricaldata_linky_${PDL_A}_consumption`)).toEqual({
      topic: `homeassistant/sensor/myelectricaldata_linky_${PDL_A}_consumption/config`,
      stateTopic: `myelectricaldata/${PDL_A}/consumption/yesterday`,
      payload: {
        name: 'Consommation hier',
        unique_id: `myelectricaldata_linky_${PDL_A}_consumption`,
        default_entity_id: `sensor.linky_${PDL_A}_consumption_yesterday`,
        state_topic: `myelectricaldata/${PDL_A}/consumption/yesterday`,
        value_template: '{{ value_json.value }}',
        json_attributes_topic: `myelectricaldata/${PDL_A}/consumption/yesterday`,
        availability_topic: 'myelectricaldata/status',
        device_class: 'energy',
        unit_of_measurement: 'kWh',
        device: {
          identifiers: [PDL_A],
          name: `Linky ${PDL_A}`,
          manufacturer: 'Enedis',
          model: 'Linky',
          serial_number: PDL_A,
          sw_version: '1.2.0',
          configuration_url: 'http://127.0.0.1:5000/',
        },
        origin: { name: 'MyElectricalData Client Local', sw: '1.2.0', url: 'https://github.com/MyElectricalData' },
      },
    });
  });

  test('max power in VA with the apparent_power class; last sync is a timestamp; Tempo an enum', () => {
    const mp = find(`myelectricaldata_linky_${PDL_A}_max_power`).payload;
    expect([mp.device_class, mp.unit_of_measurement, mp.state_class]).toEqual(['apparent_power', 'VA', undefined]);
    const sync = find(`myelectricaldata_linky_${PDL_A}_last_sync`).payload;
    expect([sync.device_class, sync.entity_category, sync.unit_of_measurement]).toEqual([
      'timestamp',
      'diagnostic',
      undefined,
    ]);
    const tempo = find('myelectricaldata_tempo_today').payload;
    expect(tempo).toMatchObject({
      device_class: 'enum',
      options: ['BLUE', 'WHITE', 'RED'],
      default_entity_id: 'sensor.myelectricaldata_tempo_today',
      state_topic: 'myelectricaldata/tempo/today',
      device: { identifiers: ['rte_tempo'], name: 'RTE Tempo', manufacturer: 'RTE', model: 'Tempo' },
    });
    expect(find(`myelectricaldata_linky_${PDL_A}_tariff_option`).payload.value_template).toBe(
      '{{ value_json.tariff_option }}',
    );
    expect(find('myelectricaldata_ecowatt_J0').payload.default_entity_id).toBe('sensor.myelectricaldata_ecowatt_j0');
  });

  test('every config passes the Home Assistant sensor rule table, with no object_id', () => {
    const all = configs();
    // PDL A: 5 consumption + 4 production + 9 others; PDL B: 5 + 9;
    // global: 2 Tempo colours + 3 remaining + the Tempo period + 4 EcoWatt.
    expect(all.length).toBe(5 + 4 + 9 + (5 + 9) + 11);
    for (const c of all)
      expect({ id: c.payload.unique_id, problems: checkSensorConfig(c.payload) }).toEqual({
        id: c.payload.unique_id,
        problems: [],
      });
  });

  test('unique ids and config topics are unique; production only where the PDL produces', () => {
    const all = configs();
    expect(new Set(all.map((c) => c.topic)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.payload.unique_id)).size).toBe(all.length);
    const production = all.filter((c) => String(c.payload.unique_id).includes('_production'));
    expect(production.map((c) => c.payload.unique_id)).toEqual([
      `myelectricaldata_linky_${PDL_A}_production`,
      `myelectricaldata_linky_${PDL_A}_production_week`,
      `myelectricaldata_linky_${PDL_A}_production_month`,
      `myelectricaldata_linky_${PDL_A}_production_year`,
    ]);
    expect(all.some((c) => String(c.payload.unique_id).includes(`${PDL_B}_production`))).toBe(false);
  });

  test('no configuration_url when the option is not given', () => {
    const { configurationUrl: _, ...bare } = ctx;
    const entity = entitiesForSnapshot(snapshot)[0]!;
    expect(buildDiscoveryConfig(bare, entity).payload.device).not.toHaveProperty('configuration_url');
  });
});

describe('HA sensor rule table', () => {
  const base = { unique_id: 'x', default_entity_id: 'sensor.x' };
  test.each([
    [
      { device_class: 'energy', unit_of_measurement: 'kWh', state_class: 'measurement' },
      'energy does not allow state_class measurement',
    ],
    [{ device_class: 'energy', unit_of_measurement: 'kW' }, 'energy needs one of'],
    [{ device_class: 'apparent_power', unit_of_measurement: 'W' }, 'apparent_power needs one of'],
    [
      { device_class: 'monetary', unit_of_measurement: 'EUR', state_class: 'total_increasing' },
      'monetary does not allow',
    ],
    [{ device_class: 'timestamp', state_class: 'measurement' }, 'timestamp does not allow'],
    [{ device_class: 'enum' }, 'enum needs a non-empty options list'],
    [{ device_class: 'enum', options: ['A'], unit_of_measurement: 'd' }, 'enum takes no unit'],
    [{ options: ['A'] }, 'options are only allowed with device_class enum'],
    [{ object_id: 'x' }, 'object_id is deprecated'],
  ])('rejects %j', (extra, problem) => {
    expect(checkSensorConfig({ ...base, ...extra }).join('; ')).toContain(problem);
  });
  test('accepts energy total_increasing in kWh and monetary total in EUR', () => {
    expect(
      checkSensorConfig({
        ...base,
        device_class: 'energy',
        unit_of_measurement: 'kWh',
        state_class: 'total_increasing',
      }),
    ).toEqual([]);
    expect(
      checkSensorConfig({ ...base, device_class: 'monetary', unit_of_measurement: 'EUR', state_class: 'total' }),
    ).toEqual([]);
  });
});

describe('discovery plan (hash per config topic)', () => {
  const msgs = () => configs().slice(0, 3);
  test('first run sends everything; the same configs again send nothing', () => {
    const first = planDiscovery(msgs(), {}, false);
    expect(first.publish.map((p) => p.topic)).toEqual(msgs().map((m) => m.topic));
    const second = planDiscovery(msgs(), first.next, false);
    expect(second.publish).toEqual([]);
    expect(planDiscovery(msgs(), first.next, true).publish.length).toBe(3);
  });
  test('a changed config is re-sent, a vanished one cleared with its state topic', () => {
    const first = planDiscovery(msgs(), {}, false);
    const [a, b] = msgs();
    const changed = { ...a!, payload: { ...a!.payload, name: 'Autre' } };
    const plan = planDiscovery([changed, b!], first.next, false);
    expect(plan.publish.map((p) => p.topic)).toEqual([a!.topic]);
    expect(plan.clearConfigTopics).toEqual([msgs()[2]!.topic]);
    expect(plan.clearStateTopics).toEqual([msgs()[2]!.stateTopic]);
  });
});
