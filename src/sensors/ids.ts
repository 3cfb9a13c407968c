/**
 * The one place where ids and topics are derived from a sensor's key and its document's path. Unique ids
 * of the earlier client (V1) are data in the catalog (`v1UniqueKey`), not special cases here.
 *
 * PDL sensor `consumption_week` of 12345678901234: unique id `myelectricaldata_linky_12345678901234_consumption_week`,
 * entity id `sensor.linky_12345678901234_consumption_week`, topic `12345678901234/consumption/week`.
 * Global sensor `tempo_today`: `myelectricaldata_tempo_today`, `sensor.myelectricaldata_tempo_today`, `tempo/today`.
 */
import type { DeviceRef, DocumentDef, EntityIds, SensorDef } from './types.js';

const PREFIX = 'myelectricaldata';

/** Topic of a document on a device, relative to the MQTT prefix. */
export function documentTopic(def: DocumentDef, device: DeviceRef): string {
  return device.kind === 'pdl' ? `${device.pdl}/${def.path}` : def.path;
}

export function entityIds(sensor: SensorDef, device: DeviceRef): EntityIds {
  const scope = device.kind === 'pdl' ? `linky_${device.pdl}_` : '';
  const objectId = device.kind === 'pdl' ? `${scope}${sensor.key}` : `${PREFIX}_${sensor.key}`;
  return {
    uniqueId: `${PREFIX}_${scope}${sensor.v1UniqueKey ?? sensor.key}`,
    objectId,
    entityId: `sensor.${objectId}`,
    topic: documentTopic(sensor.document, device),
  };
}
