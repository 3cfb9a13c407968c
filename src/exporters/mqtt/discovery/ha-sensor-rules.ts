/**
 * Home Assistant's rules for sensor device class / state class / unit combinations, written from core
 * `homeassistant/components/sensor/const.py` (`DEVICE_CLASS_UNITS`, `DEVICE_CLASS_STATE_CLASSES`) and
 * `sensor/__init__.py` (enum and timestamp checks), for the classes this program uses or may use.
 * `checkSensorConfig` returns the broken rules of one discovery payload (empty when HA accepts it).
 */
const ENERGY_UNITS = ['J', 'kJ', 'MJ', 'GJ', 'mWh', 'Wh', 'kWh', 'MWh', 'GWh', 'TWh', 'cal', 'kcal', 'Mcal', 'Gcal'];

interface ClassRule {
  /** Allowed units; `null` means the class takes no unit at all. */
  units: readonly string[] | null;
  stateClasses: readonly string[];
  numeric: boolean;
}

export const HA_SENSOR_RULES: Readonly<Record<string, ClassRule>> = {
  energy: { units: ENERGY_UNITS, stateClasses: ['total', 'total_increasing'], numeric: true },
  power: { units: ['mW', 'W', 'kW', 'MW', 'GW', 'TW', 'BTU/h'], stateClasses: ['measurement'], numeric: true },
  apparent_power: { units: ['mVA', 'VA', 'kVA'], stateClasses: ['measurement'], numeric: true },
  monetary: { units: ['EUR', '€'], stateClasses: ['total'], numeric: true },
  duration: {
    units: ['d', 'h', 'min', 's', 'ms', 'µs'],
    stateClasses: ['measurement', 'total', 'total_increasing'],
    numeric: true,
  },
  timestamp: { units: null, stateClasses: [], numeric: false },
  enum: { units: null, stateClasses: [], numeric: false },
};

export const STATE_CLASSES = ['measurement', 'measurement_angle', 'total', 'total_increasing'];

export function checkSensorConfig(config: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const dc = config.device_class as string | undefined;
  const sc = config.state_class as string | undefined;
  const unit = config.unit_of_measurement as string | undefined;
  if (!config.unique_id) problems.push('unique_id missing');
  if ('object_id' in config) problems.push('object_id is deprecated: use default_entity_id');
  if (typeof config.default_entity_id !== 'string' || !config.default_entity_id.startsWith('sensor.')) {
    problems.push('default_entity_id must be sensor.<id>');
  }
  if (sc !== undefined && !STATE_CLASSES.includes(sc)) problems.push(`unknown state_class ${sc}`);
  if (config.options !== undefined && dc !== 'enum') problems.push('options are only allowed with device_class enum');
  if (dc === undefined) return problems;
  const rule = HA_SENSOR_RULES[dc];
  if (!rule) return [...problems, `device_class ${dc} not in the rule table`];
  if (rule.units === null && unit !== undefined) problems.push(`${dc} takes no unit (got ${unit})`);
  if (rule.units !== null && (unit === undefined || !rule.units.includes(unit))) {
    problems.push(`${dc} needs one of ${rule.units.join(', ')} (got ${unit ?? 'none'})`);
  }
  if (sc !== undefined && !rule.stateClasses.includes(sc)) problems.push(`${dc} does not allow state_class ${sc}`);
  if (dc === 'enum' && (!Array.isArray(config.options) || config.options.length === 0)) {
    problems.push('enum needs a non-empty options list');
  }
  if ('last_reset_value_template' in config && sc !== 'total') problems.push('last_reset only with state_class total');
  return problems;
}
