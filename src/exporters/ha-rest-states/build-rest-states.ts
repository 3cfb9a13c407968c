/**
 * The same sensors as the MQTT discovery, as Home Assistant REST states (`POST /api/states/<entity_id>`).
 * Pure. Such entities have no unique id: they cannot be renamed, put in an area or on a device, and
 * Home Assistant forgets them on restart (the exporter posts them again).
 */

import type { Snapshot } from '../../sensors/snapshot/snapshot-types.js';
import { entitiesForSnapshot } from '../mqtt/discovery/entities-for-snapshot.js';
import type { EntitySpec } from '../mqtt/discovery/entity-spec.js';
import { buildStateMessages } from '../mqtt/state/build-state-messages.js';
import type { StatePayload } from '../mqtt/state/state-payloads.js';

export interface RestState {
  entityId: string;
  body: { state: string; attributes: Record<string, unknown> };
}

function deviceName(entity: EntitySpec): string {
  switch (entity.device.kind) {
    case 'pdl':
      return `Linky ${entity.device.pdl}`;
    case 'tempo':
      return 'RTE Tempo';
    case 'ecowatt':
      return 'RTE EcoWatt';
  }
}

export function restState(entity: EntitySpec, payload: StatePayload): RestState {
  const { value: _v, unit: _u, ...extra } = payload;
  const raw = entity.field === 'value' ? payload.value : payload[entity.field];
  const attributes: Record<string, unknown> = { ...extra, friendly_name: `${deviceName(entity)} ${entity.name}` };
  if (entity.unit) attributes.unit_of_measurement = entity.unit;
  if (entity.deviceClass) attributes.device_class = entity.deviceClass;
  if (entity.stateClass) attributes.state_class = entity.stateClass;
  if (entity.options) attributes.options = entity.options;
  if (entity.icon) attributes.icon = entity.icon;
  return {
    entityId: `sensor.${entity.objectId}`,
    body: { state: raw === null || raw === undefined ? 'unknown' : String(raw), attributes },
  };
}

export function buildRestStates(snapshot: Snapshot): RestState[] {
  const payloads = new Map(buildStateMessages(snapshot).map((m) => [m.topic, m.payload]));
  return entitiesForSnapshot(snapshot).flatMap((e) => {
    const payload = payloads.get(e.topic);
    return payload ? [restState(e, payload)] : [];
  });
}
