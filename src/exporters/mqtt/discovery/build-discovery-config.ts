/**
 * Home Assistant MQTT discovery config for one sensor: retained on
 * `{discovery_prefix}/sensor/{unique_id}/config`, with `unique_id`, `default_entity_id` (not the
 * deprecated `object_id`), `origin`, the availability topic and the device. Pure: renders one entity of
 * the sensor catalog (src/sensors) with its French name.
 */
import { deviceInfo } from '../../../sensors/devices.js';
import type { DeviceRef, Entity } from '../../../sensors/types.js';

export interface DiscoveryContext {
  topicPrefix: string;
  discoveryPrefix: string;
  /** Program version, shown as the origin's `sw`. */
  swVersion: string;
  /** Web page of this program, linked from the device page; omitted when not given. */
  configurationUrl?: string;
}

export interface DiscoveryMessage {
  topic: string;
  payload: Record<string, unknown>;
  /** Absolute state topic the entity reads (to clear it when the entity goes away). */
  stateTopic: string;
}

export const ORIGIN_NAME = 'MyElectricalData Client Local';
const ORIGIN_URL = 'https://github.com/MyElectricalData';

export function discoveryTopic(ctx: DiscoveryContext, entity: Entity): string {
  return `${ctx.discoveryPrefix}/sensor/${entity.uniqueId}/config`;
}

export function availabilityTopic(topicPrefix: string): string {
  return `${topicPrefix}/status`;
}

/** A Linky device also carries its serial number and this program's version. */
function device(ctx: DiscoveryContext, ref: DeviceRef): Record<string, unknown> {
  const d = deviceInfo(ref);
  return {
    identifiers: [d.id],
    name: d.name,
    manufacturer: d.manufacturer,
    model: d.model,
    ...(d.serialNumber ? { serial_number: d.serialNumber, sw_version: ctx.swVersion } : {}),
    ...(ctx.configurationUrl ? { configuration_url: ctx.configurationUrl } : {}),
  };
}

/** Optional keys are left out rather than sent as null (HA rejects `device_class: null` for some kinds). */
function optional(entity: Entity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (entity.deviceClass) out.device_class = entity.deviceClass;
  if (entity.stateClass) out.state_class = entity.stateClass;
  if (entity.unit) out.unit_of_measurement = entity.unit;
  if (entity.lastResetField) out.last_reset_value_template = `{{ value_json.${entity.lastResetField} }}`;
  if (entity.options) out.options = [...entity.options];
  if (entity.entityCategory) out.entity_category = entity.entityCategory;
  if (entity.icon) out.icon = entity.icon;
  return out;
}

export function buildDiscoveryConfig(ctx: DiscoveryContext, entity: Entity): DiscoveryMessage {
  const stateTopic = `${ctx.topicPrefix}/${entity.topic}`;
  return {
    topic: discoveryTopic(ctx, entity),
    stateTopic,
    payload: {
      name: entity.names.fr,
      unique_id: entity.uniqueId,
      default_entity_id: entity.entityId,
      state_topic: stateTopic,
      value_template: `{{ value_json.${entity.field} }}`,
      json_attributes_topic: stateTopic,
      availability_topic: availabilityTopic(ctx.topicPrefix),
      ...optional(entity),
      device: device(ctx, entity.device),
      origin: { name: ORIGIN_NAME, sw: ctx.swVersion, url: ORIGIN_URL },
    },
  };
}
