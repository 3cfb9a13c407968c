/**
 * The pure renderer: store rows → the series we push, and series → Prometheus text import lines
 * (`name{labels} value timestamp_ms`). No I/O. Timestamps are the original instants: a curve interval
 * at its start, a daily value at its Paris midnight, a max power at the instant of the peak.
 */
import { readingWh } from '../../domain/energy.js';
import { parisMidnightUtc } from '../../domain/time.js';
import type { CurveReading, DailyEnergy, Direction, MaxPower } from '../../domain/types.js';
import type { StreamName } from '../../store/repository.js';

export const ENERGY = 'myelectricaldata_energy_wh';
export const POWER = 'myelectricaldata_power_watts';
export const MAX_POWER = 'myelectricaldata_max_power_va';

export interface Sample {
  /** Epoch ms. */
  t: number;
  v: number;
}

export interface Series {
  name: string;
  labels: Record<string, string>;
  /** The store stream it is read from: its change events mark the series dirty. */
  stream: StreamName;
  /** Other streams it is computed from (a cost: the curve and the daily totals). */
  alsoStreams?: StreamName[];
  /** What else it is computed with (a cost: the tariff's prices); a new one re-imports the series. */
  fingerprint?: string;
  /** Ascending `t`, one sample per timestamp. */
  samples: Sample[];
}

const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

/** `name{a="1",b="2"}`, labels sorted: the series' identity, also its delete/export selector. */
export function selector(name: string, labels: Record<string, string>): string {
  const body = Object.keys(labels)
    .sort()
    .map((k) => `${k}="${escapeLabel(labels[k]!)}"`)
    .join(',');
  return `${name}{${body}}`;
}

/** Import lines of `samples` (newline-terminated), e.g. `myelectricaldata_energy_wh{…} 336.5 1767222000000`. */
export function importLines(series: Pick<Series, 'name' | 'labels'>, samples: readonly Sample[]): string {
  const id = selector(series.name, series.labels);
  let out = '';
  for (const s of samples) out += `${id} ${s.v} ${s.t}\n`;
  return out;
}

/** Energy (Wh) and average power (W) of each curve interval; one energy series per interval length. */
export function curveSeries(
  pdl: string,
  direction: Direction,
  readings: readonly CurveReading[],
  extra: Record<string, string> = {},
): Series[] {
  const stream: StreamName = direction === 'consumption' ? 'consumption_curve' : 'production_curve';
  const energy = new Map<number, Sample[]>();
  const power: Sample[] = [];
  for (const r of readings) {
    const list = energy.get(r.minutes) ?? [];
    list.push({ t: r.start, v: readingWh(r) });
    energy.set(r.minutes, list);
    power.push({ t: r.start, v: r.w });
  }
  const out: Series[] = [...energy.entries()]
    .sort(([a], [b]) => a - b)
    .map(([minutes, samples]) => ({
      name: ENERGY,
      labels: { ...extra, pdl, direction, resolution: `${minutes}min` },
      stream,
      samples,
    }));
  if (power.length) out.push({ name: POWER, labels: { ...extra, pdl, direction }, stream, samples: power });
  return out;
}

/** Daily energy (Wh) at each day's Paris midnight. */
export function dailySeries(
  pdl: string,
  direction: Direction,
  rows: readonly DailyEnergy[],
  extra: Record<string, string> = {},
): Series[] {
  if (!rows.length) return [];
  const stream: StreamName = direction === 'consumption' ? 'consumption_daily' : 'production_daily';
  const samples = rows.map((d) => ({ t: parisMidnightUtc(d.date), v: d.wh }));
  return [{ name: ENERGY, labels: { ...extra, pdl, direction, resolution: 'day' }, stream, samples }];
}

/** The daily maximum (VA) at the instant of the peak. */
export function maxPowerSeries(pdl: string, rows: readonly MaxPower[], extra: Record<string, string> = {}): Series[] {
  if (!rows.length) return [];
  const samples = [...rows].sort((a, b) => a.at - b.at).map((m) => ({ t: m.at, v: m.va }));
  return [{ name: MAX_POWER, labels: { ...extra, pdl }, stream: 'max_power', samples }];
}
