/**
 * Reading our statistics: one `recorder/statistics_during_period` call per window (all ids at once),
 * exactly as the Energy Dashboard asks (`types: ['change']`, kWh), kept for a few minutes per window so
 * that `hass` updates and re-renders never call again.
 */
import type { StatResult } from './aggregate.js';
import type { Hass } from './hass.js';
import { statPeriod, type Window } from './periods.js';

const TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; value: Promise<StatResult> }>();

export function statisticsRequest(ids: readonly string[], w: Window): Record<string, unknown> {
  return {
    type: 'recorder/statistics_during_period',
    start_time: new Date(w.starts[0]!).toISOString(),
    end_time: new Date(w.end).toISOString(),
    statistic_ids: [...ids],
    period: statPeriod(w.period),
    types: ['change'],
    units: { energy: 'kWh' },
  };
}

export function fetchStatistics(hass: Hass, ids: readonly string[], w: Window, now = Date.now()): Promise<StatResult> {
  const key = `${w.period}|${w.starts[0]}|${w.end}|${ids.join(',')}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = hass.callWS<StatResult>(statisticsRequest(ids, w));
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key));
  if (cache.size > 64) cache.delete(cache.keys().next().value!);
  return value;
}

/** Our statistic ids known to HA (for `getStubConfig` and the editors). */
export async function ourStatisticIds(hass: Hass): Promise<string[]> {
  const list = await hass.callWS<{ statistic_id: string }[]>({
    type: 'recorder/list_statistic_ids',
    statistic_type: 'sum',
  });
  return list.map((s) => s.statistic_id).filter((id) => id.startsWith('myelectricaldata:'));
}
