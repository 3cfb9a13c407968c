/**
 * Daily cost series from the one tariff engine: `myelectricaldata_cost_euros{pdl, direction,
 * resolution="day"}` at each day's Paris midnight, the cost (consumption) or compensation (production)
 * of the day in euros, from the same hourly costs Home Assistant receives (`buildDailyCost`), so both
 * show the same euros. This is the only place the exporter asks the tariff engine. Pure.
 */
import { buildDailyCost } from '../../domain/day-cost.js';
import type { EnergyInput } from '../../domain/hourly.js';
import { type Prices, type TariffPoint, tariffFor } from '../../domain/tariff.js';
import { parisMidnightUtc } from '../../domain/time.js';
import type { Direction } from '../../domain/types.js';
import type { StreamName } from '../../store/repository.js';
import type { Series } from './build-import-lines.js';

export const COST = 'myelectricaldata_cost_euros';

/** The cost series of one direction, or none when no price applies to it. */
export function costSeries(
  point: TariffPoint & { pdl: string },
  direction: Direction,
  input: EnergyInput,
  prices: Prices,
  extra: Record<string, string> = {},
): Series[] {
  const tariff = tariffFor(prices, point, direction);
  if (!tariff) return [];
  const days = buildDailyCost(input, tariff);
  if (!days.length) return [];
  const curve: StreamName = direction === 'consumption' ? 'consumption_curve' : 'production_curve';
  const daily: StreamName = direction === 'consumption' ? 'consumption_daily' : 'production_daily';
  return [
    {
      name: COST,
      labels: { ...extra, pdl: point.pdl, direction, resolution: 'day' },
      stream: curve,
      alsoStreams: [daily],
      fingerprint: tariff.fingerprint,
      // Integer micro-euros divided once: the text import carries the exact decimal.
      samples: days.map((d) => ({ t: parisMidnightUtc(d.date), v: d.microEur / 1e6 })),
    },
  ];
}
