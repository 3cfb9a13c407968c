/**
 * Reads one usage point's stored energy and turns it into the dense hourly series of each statistic
 * (energy in watt-minutes, costs in micro-euros), with the fingerprint of the prices used.
 */
import { buildHourlyEnergy } from '../../domain/hourly.js';
import { buildHourlyCost } from '../../domain/pricing.js';
import { tariffFor } from '../../domain/tariff.js';
import { addDays, parisToday } from '../../domain/time.js';
import type { Direction } from '../../domain/types.js';
import type { Store, StoredUsagePoint } from '../../store/repository.js';
import type { HourValue, StatisticKind } from './build-statistic-rows.js';
import type { HomeAssistantExporterOptions } from './options.js';
import { densify } from './plan-import.js';

export interface Series {
  kind: StatisticKind;
  direction: Direction;
  values: HourValue[];
  fingerprint: string;
}

const FIRST_DAY = '2000-01-01';

/** Same hours as `energy` (so missing cost hours become 0 and overwrite stale rows). */
function alignTo(energy: HourValue[], costs: Map<number, number>): HourValue[] {
  return energy.map((e) => ({ hourStart: e.hourStart, value: costs.get(e.hourStart) ?? 0 }));
}

export async function loadSeries(
  store: Store,
  point: StoredUsagePoint,
  options: HomeAssistantExporterOptions,
  nowMs: number,
): Promise<Series[]> {
  const out: Series[] = [];
  const end = addDays(parisToday(nowMs), 2);
  const directions: Direction[] = [];
  if (point.hasConsumption) directions.push('consumption');
  if (point.hasProduction) directions.push('production');
  for (const direction of directions) {
    const curve = await store.listCurve(point.pdl, direction, 0, nowMs + 2 * 86_400_000);
    const daily = await store.listDaily(point.pdl, direction, { start: FIRST_DAY, end });
    if (curve.length === 0 && daily.length === 0) continue;
    const input = { curve, daily };
    const energy = densify(buildHourlyEnergy(input).map((h) => ({ hourStart: h.hourStart, value: h.wattMinutes })));
    out.push({ kind: direction, direction, values: energy, fingerprint: 'energy' });
    const tariff = tariffFor(options.prices, point, direction);
    if (!tariff) continue;
    const costs = new Map(buildHourlyCost(input, tariff).map((c) => [c.hourStart, c.microEur]));
    const kind: StatisticKind = direction === 'consumption' ? 'consumption_cost' : 'production_compensation';
    out.push({ kind, direction, values: alignTo(energy, costs), fingerprint: tariff.fingerprint });
  }
  return out;
}
