/**
 * The command list of each Jeedom equipment, from the sensor catalog (src/sensors): one info command per
 * catalog sensor that applies to the device, named in French, with the sensor's key as `logicalId` (stable:
 * a future Jeedom plugin reuses it). The catalog shows current values only, so two history-only commands
 * are added per direction for the 30-min load curve, named from the catalog's direction names.
 * Where each command's dated values come from is its `source` (read in `command-values.ts`).
 */
import type { Direction } from '../../domain/types.js';
import { GLOBAL_SENSORS, PDL_SENSORS } from '../../sensors/catalog.js';
import { DIRECTION_NAMES } from '../../sensors/kinds/energy.js';
import type { PdlSnapshot } from '../../sensors/snapshot/snapshot-types.js';
import type { SensorDef } from '../../sensors/types.js';
import { type CommandDisplay, curveDisplay, sensorDisplay } from './widgets.js';

export type ValueSource =
  | { kind: 'daily'; direction: Direction }
  | { kind: 'curve'; direction: Direction }
  | { kind: 'max-power' }
  | { kind: 'tempo' }
  | { kind: 'ecowatt' }
  /** The catalog's current reading, dated with its document's date. */
  | { kind: 'current' };

export interface CommandDef {
  logicalId: string;
  name: string;
  subType: 'numeric' | 'string';
  unit: string | null;
  historized: boolean;
  source: ValueSource;
  /** The catalog sensor it shows; null for the curve. */
  sensor: SensorDef | null;
  look: CommandDisplay;
}

/** Units as Jeedom users read them. */
const UNITS: Record<string, string> = { EUR: '€', d: 'j' };

/** Sensors whose whole history the store holds, by key. */
function sourceOf(sensor: SensorDef): ValueSource {
  if (sensor.key === 'consumption_yesterday') return { kind: 'daily', direction: 'consumption' };
  if (sensor.key === 'production_yesterday') return { kind: 'daily', direction: 'production' };
  if (sensor.key === 'max_power') return { kind: 'max-power' };
  if (sensor.key === 'tempo_today') return { kind: 'tempo' };
  if (sensor.key === 'ecowatt_j0') return { kind: 'ecowatt' };
  return { kind: 'current' };
}

/** EcoWatt levels are numbers without a unit; every other unit-less sensor is text. */
function isNumeric(sensor: SensorDef): boolean {
  return sensor.unit !== undefined || sensor.key.startsWith('ecowatt_');
}

function sensorCommand(sensor: SensorDef, subscribedVa: number | null): CommandDef {
  const numeric = isNumeric(sensor);
  return {
    logicalId: sensor.key,
    name: sensor.names.fr,
    subType: numeric ? 'numeric' : 'string',
    unit: sensor.unit ? (UNITS[sensor.unit] ?? sensor.unit) : null,
    // Diagnostics (contract, address, sync) are states, not series.
    historized: sensor.entityCategory !== 'diagnostic',
    source: sourceOf(sensor),
    sensor,
    look: sensorDisplay(sensor, subscribedVa),
  };
}

function curveCommand(direction: Direction, subscribedVa: number | null): CommandDef {
  return {
    logicalId: `${direction}_curve`,
    name: `${DIRECTION_NAMES[direction].fr} courbe 30 min`,
    subType: 'numeric',
    unit: 'W',
    historized: true,
    source: { kind: 'curve', direction },
    sensor: null,
    look: curveDisplay(subscribedVa),
  };
}

const subscribedVa = (p: PdlSnapshot): number | null =>
  p.subscribedPowerKva === null ? null : p.subscribedPowerKva * 1000;

/** The commands of a PDL's equipment: the catalog sensors that apply to it, then its curves. */
export function pdlCommands(p: PdlSnapshot): CommandDef[] {
  const va = subscribedVa(p);
  const sensors = PDL_SENSORS.filter((s) => s.document.when(p)).map((s) => sensorCommand(s, va));
  const curves = (['consumption', 'production'] as const).filter((d) => p[d] !== null).map((d) => curveCommand(d, va));
  return [...sensors, ...curves];
}

/** The commands of the global equipment (Tempo and EcoWatt). */
export function globalCommands(): CommandDef[] {
  return GLOBAL_SENSORS.map((s) => sensorCommand(s, null));
}
