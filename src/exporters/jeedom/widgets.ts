/**
 * How each command looks on the Jeedom dashboard, with Jeedom's own core widgets, so the equipment
 * reads well without manual set-up: energies and costs as tiles, powers as gauges against the subscribed
 * power, Tempo colours as coloured text (`core::color` paints the value, and BLUE/WHITE/RED are CSS
 * colours), diagnostics hidden. Applied only when a command is created: a widget changed in Jeedom is
 * never overwritten (README, "Jeedom").
 */
import type { SensorDef } from '../../sensors/types.js';

export interface CommandDisplay {
  template: { dashboard: string; mobile: string };
  display: Record<string, unknown>;
  configuration: Record<string, unknown>;
  isVisible: 0 | 1;
  generic_type?: string;
}

const both = (widget: string) => ({ dashboard: widget, mobile: widget });

function look(widget: string, extra: Partial<CommandDisplay> = {}): CommandDisplay {
  return { template: both(widget), display: {}, configuration: {}, isVisible: 1, ...extra };
}

/** A gauge from 0 to `max` (the subscribed power in VA when known, else 12 kVA). */
function gauge(max: number): CommandDisplay {
  return look('core::gauge', { configuration: { minValue: 0, maxValue: max }, generic_type: 'POWER' });
}

/** The display of a catalog sensor's command; `subscribedVa` scales the power gauges. */
export function sensorDisplay(sensor: SensorDef, subscribedVa: number | null): CommandDisplay {
  if (sensor.entityCategory === 'diagnostic') return look('core::default', { isVisible: 0 });
  if (sensor.key === 'tempo_today' || sensor.key === 'tempo_tomorrow') {
    return look('core::color', { display: { parameters: { showValue: '1' } } });
  }
  switch (sensor.deviceClass) {
    case 'energy':
      return look('core::tile', { generic_type: 'CONSUMPTION' });
    case 'apparent_power':
      return gauge(subscribedVa ?? 12_000);
    case 'monetary':
      return look('core::tile');
    default:
      return sensor.unit === '%'
        ? look('core::gauge', { configuration: { minValue: 0, maxValue: 100 } })
        : look('core::tile');
  }
}

/** The 30-min curve (average W per interval): a gauge against the subscribed power. */
export function curveDisplay(subscribedVa: number | null): CommandDisplay {
  return gauge(subscribedVa ?? 12_000);
}
