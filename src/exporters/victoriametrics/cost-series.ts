/**
 * Daily cost series from the one tariff engine: `myelectricaldata_cost_euros{pdl, direction,
 * resolution="day"}` at each day's Paris midnight, the cost (consumption) or compensation (production)
 * of the day in euros, from the same hourly costs Home Assistant receives (`buildDailyCost`), so both
 * show the same euros; for a tariff with periods, the per-period series next to it (`period-series.ts`).
 * This is the only place the exporter asks the tariff engine. Pure.
 */
import { buildDailyCost } from '../../domain/day-cost.js';
import type { EnergyInput } from '../../domain/hourly.js';
import { type Prices, type TariffContext, type TariffPoint, tariffFor } from '../../domain/tariff.js';
import { parisMidnightUtc } from '../../domain/time.js';
import type { Direction } from '../../domain/types.js';
import type { StreamName } from '../../store/repository.js';
import type { Series } from './build-import-lines.js';
import { periodSeries } from './period-series.js';

export const COST = 'myelectricaldata_cost_euros';

/**
 * The cost series of one direction (and its per-period series), or none when no price applies to it.
 * `context`: the dated off-peak schedules and the Tempo colours (`loadTariffContext`).
 */
export function costSeries(
  point: TariffPoint & { pdl: string },
  direction: Direction,
  input: EnergyInput,
  prices: Prices,
  extra: Record<string, string> = {},
  context: TariffContext = {},
): Series[] {
  const tariff = tariffFor(prices, point, direction, context);
  if (!tariff) return [];
  const days = buildDailyCost(input, tariff);
  if (!days.length) return [];
  const curve: StreamName = direction === 'consumption' ? 'consumption_curve' : 'production_curve';
  const daily: StreamName = direction === 'consumption' ? 'consumption_daily' : 'production_daily';
  // Tempo costs were once priced without the stored colours (every day blue): a distinct fingerprint
  // re-imports them once with the colours. (The colours themselves are not in it: a colour is known
  // before its day's readings exist.)
  const fingerprint = tariff.kind === 'tempo' ? `${tariff.fingerprint}+colours` : tariff.fingerprint;
  const base = { stream: curve, alsoStreams: [daily], fingerprint };
  const labels = { ...extra, pdl: point.pdl, direction, resolution: 'day' };
  return [
    // Integer micro-euros divided once: the text import carries the exact decimal.
    { name: COST, labels, ...base, samples: days.map((d) => ({ t: parisMidnightUtc(d.date), v: d.microEur / 1e6 })) },
    ...periodSeries(tariff, days, input.daily, labels, base),
  ];
}
