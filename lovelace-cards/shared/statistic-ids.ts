/**
 * Our statistic ids in Home Assistant (the program's exporter, src/exporters/home-assistant/
 * build-statistic-rows.ts): `myelectricaldata:<pdl>_consumption`, `_production`, and their money twins
 * `_consumption_cost` and `_production_compensation`; per tariff period `<base>_<bucket>` with the money
 * twin `<base>_<bucket>_cost`.
 */
export const SOURCE = 'myelectricaldata';
export const HP_HC = ['hp', 'hc'] as const;
export const TEMPO_BUCKETS = ['blue_hp', 'blue_hc', 'white_hp', 'white_hc', 'red_hp', 'red_hc'] as const;
export type Bucket = (typeof HP_HC)[number] | (typeof TEMPO_BUCKETS)[number];
export type Direction = 'consumption' | 'production';
export type Metric = 'energy' | 'cost';

export function totalId(pdl: string, direction: Direction, metric: Metric): string {
  const base = `${SOURCE}:${pdl.toLowerCase()}_${direction}`;
  if (metric === 'energy') return base;
  return direction === 'consumption' ? `${base}_cost` : `${base}_compensation`;
}

export function bucketId(pdl: string, bucket: Bucket, metric: Metric): string {
  const base = `${SOURCE}:${pdl.toLowerCase()}_consumption_${bucket}`;
  return metric === 'energy' ? base : `${base}_cost`;
}

const ENERGY_ID = /^myelectricaldata:(\d{14})_consumption$/;
const PRODUCTION_ID = /^myelectricaldata:(\d{14})_production$/;

/** The PDLs that have a consumption (or production) statistic among `ids`. */
export function pdlsAmong(ids: readonly string[], direction: Direction = 'consumption'): string[] {
  const re = direction === 'consumption' ? ENERGY_ID : PRODUCTION_ID;
  return ids.flatMap((id) => re.exec(id)?.[1] ?? []).sort();
}
