/**
 * The page's reads of the energy routes, every URL relative (so they resolve under any path prefix or
 * ingress `<base>`). `cost` is null when no tariff applies to the PDL (404 `no_price`).
 */
import { getJson, ServerError } from './api-fetch.js';
import type { AggregatePeriod, AggregateView, CostView, Direction, MaxPowerView, TempoView } from './api-types.js';
import { addDays, type Day } from './dates.js';

export interface Range {
  start: Day;
  end: Day;
}

const query = (r: Range, extra: Record<string, string> = {}) =>
  new URLSearchParams({ ...extra, start: r.start, end: r.end }).toString();

export const aggregateUrl = (pdl: string, direction: Direction, period: AggregatePeriod, r: Range) =>
  `api/pdls/${pdl}/${direction}/aggregate?${query(r, { period })}`;
export const costUrl = (pdl: string, direction: Direction, r: Range) => `api/pdls/${pdl}/${direction}/cost?${query(r)}`;
export const maxPowerUrl = (pdl: string, r: Range) => `api/pdls/${pdl}/max-power?${query(r)}`;
export const tempoUrl = (r: Range) => `api/tempo?${query(r)}`;

/** The same URL asking for CSV. */
export const csvUrl = (url: string) => `${url}${url.includes('?') ? '&' : '?'}format=csv`;

export const aggregate = (pdl: string, direction: Direction, period: AggregatePeriod, r: Range) =>
  getJson<AggregateView>(aggregateUrl(pdl, direction, period, r));

export async function cost(pdl: string, direction: Direction, r: Range): Promise<CostView | null> {
  try {
    return await getJson<CostView>(costUrl(pdl, direction, r));
  } catch (err) {
    if (err instanceof ServerError && err.code === 'no_price') return null;
    throw err;
  }
}

export const maxPower = (pdl: string, r: Range) => getJson<MaxPowerView[]>(maxPowerUrl(pdl, r));
export const tempo = (r: Range) => getJson<TempoView[]>(tempoUrl(r));

/** The directions a PDL has data for, consumption first. */
export function directionsOf(p: { hasConsumption: boolean; hasProduction: boolean }): Direction[] {
  const out: Direction[] = [];
  if (p.hasConsumption) out.push('consumption');
  if (p.hasProduction) out.push('production');
  return out;
}

/** The last day of a range (its end is exclusive). */
export const lastDay = (r: Range): Day => addDays(r.end, -1);
