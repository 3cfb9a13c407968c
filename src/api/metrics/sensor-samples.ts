/**
 * The sensor catalog's readings as Prometheus gauge samples. Pure: every value is what the catalog
 * publishes (its documents), only renamed and put in base units (Wh, VA, seconds, 0–1 ratios); nothing is
 * computed again from the store. One table row per sensor key pattern.
 */
import type { EntityReading } from '../../sensors/types.js';

export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Gauge families rendered from the catalog, with their help text. */
export const SENSOR_GAUGES = {
  myelectricaldata_period_energy_wh: 'Energy of the current period (yesterday, week, month or year to date), Wh.',
  myelectricaldata_latest_max_power_va: 'Latest daily maximum power, VA.',
  myelectricaldata_latest_max_power_ratio: 'Latest daily maximum power over the subscribed power (0-1).',
  myelectricaldata_subscribed_power_va: 'Subscribed power of the contract, VA.',
  myelectricaldata_last_sync_timestamp_seconds: 'Last successful sync of the usage point (Unix time).',
  myelectricaldata_sync_status: 'Sync state of the usage point: 1 on its current status (ok, error, never).',
  myelectricaldata_tempo_color: 'Tempo colour: 1 blue, 2 white, 3 red, 0 unknown.',
  myelectricaldata_tempo_days_left: 'Tempo days of each colour left in the season.',
  myelectricaldata_tempo_offpeak: 'Tempo period in force: 1 off-peak (HC, 22:00-06:00 Paris), 0 peak (HP).',
  myelectricaldata_tempo_price_eur_per_kwh:
    'Tempo price in force (EUR per kWh) and its period (blue_hc…) from the configured Tempo prices; absent until the colour is known.',
  myelectricaldata_ecowatt_level: 'EcoWatt day level (1 green, 2 orange, 3 red), day 0 = today.',
} as const;

export type SensorGauge = keyof typeof SENSOR_GAUGES;

const TEMPO_CODE: Record<string, number> = { BLUE: 1, WHITE: 2, RED: 3 };
const ENERGY = /^(consumption|production)_(yesterday|week|month|year)$/;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function pdlOf(r: EntityReading): Record<string, string> {
  return r.entity.device.kind === 'pdl' ? { pdl: r.entity.device.pdl } : {};
}

/** Samples of one reading (none when the catalog has no value for it). */
function samplesOf(r: EntityReading): MetricSample[] {
  const key = r.entity.key;
  const labels = pdlOf(r);
  const one = (name: SensorGauge, value: number | null, more: Record<string, string> = {}): MetricSample[] =>
    value === null ? [] : [{ name, labels: { ...labels, ...more }, value }];
  const energy = ENERGY.exec(key);
  if (energy)
    return one('myelectricaldata_period_energy_wh', num(r.attributes.wh), {
      direction: energy[1]!,
      period: energy[2]!,
    });
  if (key === 'max_power') return one('myelectricaldata_latest_max_power_va', num(r.value));
  if (key === 'max_power_ratio') {
    const kva = num(r.attributes.subscribed_power_kva);
    const ratio = num(r.value);
    return [
      ...one('myelectricaldata_latest_max_power_ratio', ratio === null ? null : ratio / 100),
      ...one('myelectricaldata_subscribed_power_va', kva === null ? null : kva * 1000),
    ];
  }
  if (key === 'last_sync')
    return one(
      'myelectricaldata_last_sync_timestamp_seconds',
      typeof r.value === 'string' ? Date.parse(r.value) / 1000 : null,
    );
  if (key === 'sync_status')
    return (r.entity.options ?? []).flatMap((status) =>
      one('myelectricaldata_sync_status', r.value === status ? 1 : 0, { status }),
    );
  if (key === 'tempo_today' || key === 'tempo_tomorrow')
    return one('myelectricaldata_tempo_color', TEMPO_CODE[String(r.value)] ?? 0, { day: key.slice(6) });
  if (key.startsWith('tempo_days_'))
    return one('myelectricaldata_tempo_days_left', num(r.value), { color: key.slice(11) });
  if (key === 'tempo_period') return one('myelectricaldata_tempo_offpeak', r.value === 'HC' ? 1 : 0);
  if (key === 'tempo_price')
    return one('myelectricaldata_tempo_price_eur_per_kwh', num(r.value), {
      tariff_period: String(r.attributes.tariff_period),
    });
  if (key.startsWith('ecowatt_j')) return one('myelectricaldata_ecowatt_level', num(r.value), { day: key.slice(9) });
  return [];
}

export function sensorSamples(readings: readonly EntityReading[]): MetricSample[] {
  return readings.flatMap(samplesOf);
}
