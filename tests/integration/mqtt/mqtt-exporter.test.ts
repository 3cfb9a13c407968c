import { fixedClock } from '../../../src/domain/clock.js';
import { MqttExporter } from '../../../src/exporters/mqtt/mqtt-exporter.js';
import { parseMqttExporterOptions } from '../../../src/exporters/mqtt/options.js';
import type { ExporterContext } from '../../../src/exporters/types.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { NOW, openTempStore, PDL_A, PDL_B, point, seedStore, type TempStore } from '../../exporters/mqtt/seed-store.js';
import { type Mosquitto, startMosquitto } from './mosquitto.js';
import { type Recorder, record } from './recorder.js';

const CONFIG_COUNT = 43;
const STATE_COUNT = 14 + 10 + 11;
let broker: Mosquitto;
let temp: TempStore;
let exporter: MqttExporter;
let rec: Recorder;
let context: ExporterContext;

beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(async () => {
  await broker.stop();
});

beforeEach(async () => {
  temp = await openTempStore();
  await seedStore(temp.store);
  rec = await record(broker.url, ['myelectricaldata/#', 'homeassistant/#']);
  context = { store: temp.store, events: new SyncEvents(), clock: fixedClock(NOW), logger: memoryLogger() };
  exporter = new MqttExporter(
    parseMqttExporterOptions({
      brokerUrl: broker.url,
      reconnectMinMs: 50,
      reconnectMaxMs: 200,
      configurationUrl: 'http://127.0.0.1:5000/',
    }),
    { swVersion: '1.2.0' },
  );
});
afterEach(async () => {
  await exporter.stop();
  // Wipe what this test left retained so the next one starts clean.
  await broker.restart();
  await rec.close();
  await temp.cleanup();
});

const configs = (r: Recorder) => r.messages.filter((m) => m.topic.startsWith('homeassistant/sensor/') && m.body !== '');
const states = (r: Recorder) =>
  r.messages.filter((m) => m.topic.startsWith('myelectricaldata/') && m.topic !== 'myelectricaldata/status');
const published = (r: Recorder) => configs(r).length >= CONFIG_COUNT && states(r).length >= STATE_COUNT;

describe('MQTT exporter against a real Mosquitto', () => {
  test('at start: online, every config and state retained with QoS 1, golden payloads', async () => {
    await exporter.start(context);
    await rec.waitFor(() => published(rec));
    expect(rec.last('myelectricaldata/status')).toEqual({
      topic: 'myelectricaldata/status',
      body: 'online',
      retain: true,
      qos: 1,
    });
    expect(configs(rec).length).toBe(CONFIG_COUNT);
    expect(states(rec).length).toBe(STATE_COUNT);
    for (const m of [...configs(rec), ...states(rec)]) expect([m.topic, m.retain, m.qos]).toEqual([m.topic, true, 1]);
    expect(rec.json(`myelectricaldata/${PDL_A}/consumption/week`)).toEqual({
      value: 42,
      unit: 'kWh',
      date: '2026-11-26',
      quality: 'complete',
      start: '2026-11-23',
      wh: 42000,
      days_from_daily: 3,
      days_from_curve: 1,
      days_missing: 0,
    });
    expect(rec.json('myelectricaldata/tempo/tomorrow')).toEqual({
      value: 'RED',
      unit: null,
      date: '2026-11-28',
      quality: 'complete',
      published: true,
      starts_at: '2026-11-28T06:00:00+01:00',
      ends_at: '2026-11-29T06:00:00+01:00',
    });
    expect(rec.json('myelectricaldata/tempo/period')).toMatchObject({ value: 'HP', color: 'WHITE' });
    expect(rec.json('homeassistant/sensor/myelectricaldata_tempo_period/config')).toMatchObject({
      name: 'Période Tempo en cours',
      state_topic: 'myelectricaldata/tempo/period',
      json_attributes_topic: 'myelectricaldata/tempo/period',
      device_class: 'enum',
      options: ['HC', 'HP'],
      device: { identifiers: ['rte_tempo'] },
    });
    expect(rec.json(`homeassistant/sensor/myelectricaldata_linky_${PDL_A}_max_power/config`)).toEqual({
      name: 'Puissance max',
      unique_id: `myelectricaldata_linky_${PDL_A}_max_power`,
      default_entity_id: `sensor.linky_${PDL_A}_max_power`,
      state_topic: `myelectricaldata/${PDL_A}/max_power`,
      value_template: '{{ value_json.value }}',
      json_attributes_topic: `myelectricaldata/${PDL_A}/max_power`,
      availability_topic: 'myelectricaldata/status',
      device_class: 'apparent_power',
      unit_of_measurement: 'VA',
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
    });
    expect(exporter.status()).toMatchObject({
      state: 'ok',
      lastError: null,
      lastResult: { configsSent: CONFIG_COUNT, states: STATE_COUNT },
    });
  });

  test('after a sync: states again, unchanged configs NOT re-sent; HA birth → configs re-sent', async () => {
    await exporter.start(context);
    await rec.waitFor(() => published(rec));
    rec.clear();
    context.events.emit('sync-finished', { startedAt: NOW, finishedAt: NOW, calls: 1, changed: [] });
    await rec.waitFor(() => states(rec).length >= STATE_COUNT);
    await exporter.run('flush'); // queued after the sync run: everything of that run has been acknowledged
    expect(configs(rec)).toEqual([]);
    expect(exporter.status().lastResult).toMatchObject({ configsSent: 0 });
    rec.clear();
    await rec.client.publishAsync('homeassistant/status', 'online', { qos: 1 });
    await rec.waitFor(() => configs(rec).length >= CONFIG_COUNT);
    await rec.waitFor(() => exporter.status().lastResult?.reason === 'home-assistant-online');
    expect(exporter.status().lastResult).toMatchObject({ configsSent: CONFIG_COUNT, states: STATE_COUNT });
  });

  test('a PDL gone from the account: its configs and states are cleared (empty retained)', async () => {
    await exporter.start(context);
    await rec.waitFor(() => published(rec));
    await temp.store.upsertUsagePoints([point(PDL_A, { hasProduction: true })], NOW);
    rec.clear();
    await exporter.run('test');
    const cleared = rec.messages.filter((m) => m.body === '');
    expect(cleared.every((m) => m.retain && m.topic.includes(PDL_B))).toBe(true);
    expect(cleared.filter((m) => m.topic.startsWith('homeassistant/')).length).toBe(14);
    expect(
      cleared
        .filter((m) => m.topic.startsWith('myelectricaldata/'))
        .map((m) => m.topic)
        .sort(),
    ).toEqual(
      [
        'address',
        'consumption/last_hour',
        'consumption/month',
        'consumption/week',
        'consumption/year',
        'consumption/yesterday',
        'contract',
        'max_power',
        'max_power_ratio',
        'sync',
      ].map((t) => `myelectricaldata/${PDL_B}/${t}`),
    );
    expect(exporter.status().lastResult).toMatchObject({ configsCleared: 14, configsSent: 0, pdls: 1 });
  });

  test('broker restarted (retained lost) → reconnects with back-off and everything retained is back', async () => {
    await exporter.start(context);
    await rec.waitFor(() => published(rec));
    await broker.restart();
    await rec.close();
    const late = await record(broker.url, ['myelectricaldata/#', 'homeassistant/#']);
    try {
      await late.waitFor(() => published(late) && late.last('myelectricaldata/status')?.body === 'online', 10_000);
      expect(configs(late).length).toBe(CONFIG_COUNT);
      // A later subscriber gets everything from the broker's retained store.
      const after = await record(broker.url, ['myelectricaldata/#', 'homeassistant/#']);
      await after.waitFor(() => published(after));
      expect(after.messages.every((m) => m.retain)).toBe(true);
      await after.close();
    } finally {
      rec = late;
    }
  });

  test('restart of our program after the broker lost its retained configs: first connect re-sends them all', async () => {
    await exporter.start(context);
    await rec.waitFor(() => published(rec));
    await exporter.stop();
    // While we were down the broker was wiped; the store still holds the hashes of what we sent.
    await broker.restart();
    await rec.close();
    rec = await record(broker.url, ['myelectricaldata/#', 'homeassistant/#']);
    exporter = new MqttExporter(
      parseMqttExporterOptions({ brokerUrl: broker.url, configurationUrl: 'http://127.0.0.1:5000/' }),
      {
        swVersion: '1.2.0',
      },
    );
    await exporter.start(context);
    await rec.waitFor(() => published(rec));
    expect(configs(rec).length).toBe(CONFIG_COUNT);
    expect(exporter.status().lastResult).toMatchObject({ reason: 'connect', configsSent: CONFIG_COUNT });
    // A later run (no reconnect, no HA birth) trusts the hashes again.
    await exporter.run('sync-finished');
    expect(exporter.status().lastResult).toMatchObject({ configsSent: 0, states: STATE_COUNT });
  });

  test('discovery off: the state topics of a PDL gone from the account are still cleared', async () => {
    await exporter.stop();
    exporter = new MqttExporter(parseMqttExporterOptions({ brokerUrl: broker.url, discovery: false }), {
      swVersion: '1.2.0',
    });
    await exporter.start(context);
    await rec.waitFor(() => states(rec).length >= STATE_COUNT);
    await exporter.run('flush');
    expect(rec.messages.filter((m) => m.topic.startsWith('homeassistant/'))).toEqual([]);
    await temp.store.upsertUsagePoints([point(PDL_A, { hasProduction: true })], NOW);
    rec.clear();
    await exporter.run('sync-finished');
    const cleared = rec.messages.filter((m) => m.body === '');
    expect(cleared.every((m) => m.retain)).toBe(true);
    expect(cleared.map((m) => m.topic).sort()).toEqual(
      [
        'address',
        'consumption/last_hour',
        'consumption/month',
        'consumption/week',
        'consumption/year',
        'consumption/yesterday',
        'contract',
        'max_power',
        'max_power_ratio',
        'sync',
      ].map((t) => `myelectricaldata/${PDL_B}/${t}`),
    );
    expect(exporter.status().lastResult).toMatchObject({ statesCleared: 10, configsCleared: 0, pdls: 1 });
    // Cleared once: the next run has nothing left to clear.
    rec.clear();
    await exporter.run('sync-finished');
    expect(rec.messages.filter((m) => m.body === '')).toEqual([]);
  });

  test('broker down: a run is reported in status() and returns quickly', async () => {
    await exporter.start(context);
    await rec.waitFor(() => published(rec));
    await rec.close();
    await broker.stop();
    const started = Date.now();
    await exporter.run('sync-finished');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(exporter.status()).toMatchObject({ state: 'error' });
    expect(exporter.status().lastError).toContain('Not connected to the MQTT broker');
    broker = await startMosquitto();
    rec = await record(broker.url, ['myelectricaldata/#']);
  });
});
