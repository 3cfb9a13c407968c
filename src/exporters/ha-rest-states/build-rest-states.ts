/**
 * The sensor catalog (src/sensors) as Home Assistant REST states (`POST /api/states/<entity_id>`), with
 * the French names, like the MQTT discovery. Pure. Such entities have no unique id: they cannot be
 * renamed, put in an area or on a device, and Home Assistant forgets them on restart (the exporter posts
 * them again).
 */
import { deviceInfo } from '../../sensors/devices.js';
import { readEntities } from '../../sensors/entities.js';
import type { Snapshot } from '../../sensors/snapshot/snapshot-types.js';
import type { EntityReading } from '../../sensors/types.js';

export interface RestState {
  entityId: string;
  body: { state: string; attributes: Record<string, unknown> };
}

export function restState({ entity, value, attributes: extra }: EntityReading): RestState {
  const attributes: Record<string, unknown> = {
    ...extra,
    friendly_name: `${deviceInfo(entity.device).name} ${entity.names.fr}`,
  };
  if (entity.unit) attributes.unit_of_measurement = entity.unit;
  if (entity.deviceClass) attributes.device_class = entity.deviceClass;
  if (entity.stateClass) attributes.state_class = entity.stateClass;
  if (entity.options) attributes.options = [...entity.options];
  if (entity.icon) attributes.icon = entity.icon;
  return {
    entityId: entity.entityId,
    body: { state: value === null || value === undefined ? 'unknown' : String(value), attributes },
  };
}

export function buildRestStates(snapshot: Snapshot): RestState[] {
  return readEntities(snapshot).map(restState);
}
