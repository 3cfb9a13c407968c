/**
 * MQTT and REST states render the same catalog: the same entities with the same values. MQTT is read the
 * way Home Assistant reads it (the config's `value_template` applied to the state document on its topic).
 */
import { buildRestStates } from '../../src/exporters/ha-rest-states/build-rest-states.js';
import { buildDiscoveryConfig } from '../../src/exporters/mqtt/discovery/build-discovery-config.js';
import { buildStateMessages } from '../../src/exporters/mqtt/state/build-state-messages.js';
import { entitiesForSnapshot, readEntities } from '../../src/sensors/entities.js';
import type { Snapshot } from '../../src/sensors/snapshot/snapshot-types.js';
import { KNOWN_SNAPSHOT } from './known-snapshot.js';

const ctx = { topicPrefix: 'med', discoveryPrefix: 'homeassistant', swVersion: '1.2.0' };

/** Entity id → state as Home Assistant would show it from our MQTT messages. */
function mqttStates(s: Snapshot): Map<string, string> {
  const documents = new Map(buildStateMessages(s).map((m) => [`${ctx.topicPrefix}/${m.topic}`, m.payload]));
  const out = new Map<string, string>();
  for (const e of entitiesForSnapshot(s)) {
    const { payload } = buildDiscoveryConfig(ctx, e);
    const field = /^\{\{ value_json\.(\w+) \}\}$/.exec(String(payload.value_template))![1]!;
    const value = documents.get(String(payload.state_topic))?.[field];
    out.set(String(payload.default_entity_id), value === null || value === undefined ? 'unknown' : String(value));
  }
  return out;
}

test('REST and MQTT: the same entities, with the same values and French names', () => {
  const rest = buildRestStates(KNOWN_SNAPSHOT);
  const mqtt = mqttStates(KNOWN_SNAPSHOT);
  expect(rest.map((r) => r.entityId)).toEqual([...mqtt.keys()]);
  for (const r of rest) expect([r.entityId, r.body.state]).toEqual([r.entityId, mqtt.get(r.entityId)]);
  expect(rest.length).toBe(entitiesForSnapshot(KNOWN_SNAPSHOT).length);
  const names = new Map(entitiesForSnapshot(KNOWN_SNAPSHOT).map((e) => [e.entityId, e.names.fr]));
  for (const r of rest) expect(String(r.body.attributes.friendly_name).endsWith(names.get(r.entityId)!)).toBe(true);
});

test('every MQTT state document is read by at least one entity', () => {
  const read = new Set(readEntities(KNOWN_SNAPSHOT).map((r) => r.entity.topic));
  expect(buildStateMessages(KNOWN_SNAPSHOT).filter((m) => !read.has(m.topic))).toEqual([]);
});

test('before RTE publishes tomorrow (night, HC): unknown in both, with published false', () => {
  const night: Snapshot = {
    ...KNOWN_SNAPSHOT,
    tempo: { ...KNOWN_SNAPSHOT.tempo, tomorrow: null, period: 'HC' },
  };
  const rest = new Map(buildRestStates(night).map((r) => [r.entityId, r.body]));
  const mqtt = mqttStates(night);
  const tomorrow = 'sensor.myelectricaldata_tempo_tomorrow';
  expect([rest.get(tomorrow)?.state, mqtt.get(tomorrow)]).toEqual(['unknown', 'unknown']);
  expect(rest.get(tomorrow)?.attributes).toMatchObject({ published: false, quality: 'missing', date: '2026-11-28' });
  expect([
    rest.get('sensor.myelectricaldata_tempo_period')?.state,
    mqtt.get('sensor.myelectricaldata_tempo_period'),
  ]).toEqual(['HC', 'HC']);
  expect(rest.get('sensor.myelectricaldata_tempo_today')?.attributes).toMatchObject({ published: true });
});
