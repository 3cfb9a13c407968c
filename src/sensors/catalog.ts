/**
 * The catalog: every document and every sensor we publish, per PDL and globally, in publishing order.
 * Documents are published in the order of `PDL_DOCUMENTS` / `GLOBAL_DOCUMENTS` (each direction's energy
 * then its cost); sensors are announced in the order of `PDL_SENSORS` / `GLOBAL_SENSORS`. The kinds
 * themselves (one small pure builder each) are in `kinds/`.
 *
 * To add a sensor: give it a key, en/fr names and its classes in the `kinds/` file of its document (or a
 * new document there, with its `when` rule and payload builder), then list it here. Ids and the topic
 * follow from the key (ids.ts); MQTT discovery, MQTT states and REST states pick it up without changes.
 */

import { ADDRESS, CONTRACT } from './kinds/contract.js';
import { CONSUMPTION_COST, PRODUCTION_COST } from './kinds/cost.js';
import { ECOWATT } from './kinds/ecowatt.js';
import { CONSUMPTION_ENERGY, LAST_HOUR, PRODUCTION_ENERGY } from './kinds/energy.js';
import { MAX_POWER, MAX_POWER_RATIO } from './kinds/power.js';
import { SYNC } from './kinds/sync.js';
import { TARIFF_PERIOD_SPLIT } from './kinds/tariff-periods.js';
import { TEMPO_PERIOD, TEMPO_PRICE, TEMPO_REMAINING, TEMPO_TODAY, TEMPO_TOMORROW } from './kinds/tempo.js';
import type { GlobalDocumentDef, GlobalSensorDef, PdlDocumentDef, PdlSensorDef, SensorDef } from './types.js';

export const PDL_DOCUMENTS: readonly PdlDocumentDef[] = [
  ...CONSUMPTION_ENERGY.documents,
  ...CONSUMPTION_COST.documents,
  ...TARIFF_PERIOD_SPLIT.documents,
  LAST_HOUR.document,
  ...PRODUCTION_ENERGY.documents,
  ...PRODUCTION_COST.documents,
  MAX_POWER.document,
  MAX_POWER_RATIO.document,
  CONTRACT.document,
  ADDRESS.document,
  SYNC.document,
];

export const PDL_SENSORS: readonly PdlSensorDef[] = [
  ...CONSUMPTION_ENERGY.sensors,
  LAST_HOUR.sensor,
  ...PRODUCTION_ENERGY.sensors,
  ...CONSUMPTION_COST.sensors,
  ...TARIFF_PERIOD_SPLIT.sensors,
  ...PRODUCTION_COST.sensors,
  MAX_POWER.sensor,
  MAX_POWER_RATIO.sensor,
  ...CONTRACT.sensors,
  ADDRESS.sensor,
  ...SYNC.sensors,
];

const GLOBAL_KINDS = [TEMPO_TODAY, TEMPO_TOMORROW, ...TEMPO_REMAINING, TEMPO_PERIOD, TEMPO_PRICE, ...ECOWATT];

export const GLOBAL_DOCUMENTS: readonly GlobalDocumentDef[] = GLOBAL_KINDS.map((k) => k.document);
export const GLOBAL_SENSORS: readonly GlobalSensorDef[] = GLOBAL_KINDS.map((k) => k.sensor);

/** Every sensor kind of the catalog. */
export const SENSORS: readonly SensorDef[] = [...PDL_SENSORS, ...GLOBAL_SENSORS];

/** A sensor kind by key (`consumption_week`, `tempo_today`); undefined when unknown. */
export function sensorByKey(key: string): SensorDef | undefined {
  return SENSORS.find((s) => s.key === key);
}
