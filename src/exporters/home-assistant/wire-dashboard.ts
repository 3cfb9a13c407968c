/** `energy_dashboard: auto`: adds a usage point's statistics to the Energy Dashboard (`energy-prefs.ts`). */
import type { Logger } from '../../log/logger.js';
import { type StatisticKind, statisticId } from './build-statistic-rows.js';
import { type DashboardIds, mergeEnergySources } from './energy-prefs.js';
import type { HaApi } from './ha-client.js';

export async function wireDashboard(api: HaApi, logger: Logger, pdl: string, kinds: StatisticKind[]): Promise<void> {
  const id = (kind: StatisticKind) => (kinds.includes(kind) ? statisticId(pdl, kind) : null);
  const ids: DashboardIds = {
    consumption: id('consumption'),
    production: id('production'),
    consumptionCost: id('consumption_cost'),
    productionCompensation: id('production_compensation'),
    periods: kinds
      .filter((k) => /^consumption_(hc|hp|blue_h[cp]|white_h[cp]|red_h[cp])$/.test(k))
      .map((k) => ({ energy: statisticId(pdl, k), cost: id(`${k}_cost` as StatisticKind) })),
  };
  const sources = mergeEnergySources(await api.getEnergyPrefs(), ids, api.haVersion);
  if (!sources) return;
  await api.saveEnergyPrefs({ energy_sources: sources });
  logger.info({ pdl }, 'added the Linky statistics to the Energy Dashboard');
}
