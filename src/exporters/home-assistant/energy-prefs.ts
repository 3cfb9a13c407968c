/**
 * `energy_dashboard: auto`: add the imported statistics to the Energy Dashboard's grid source, only when
 * none of them is referenced yet, and never remove or rewrite what the user configured. Reads, modifies
 * and saves the same prefs shape: the unified grid source (one object per grid connection, HA 2026) or,
 * when the prefs already hold a legacy grid (`flow_from`/`flow_to`), entries in its lists.
 */
import { parseCoreVersion } from './build-statistic-rows.js';
import type { EnergyPrefs } from './ha-client.js';

export interface DashboardIds {
  consumption: string | null;
  production: string | null;
  consumptionCost: string | null;
  productionCompensation: string | null;
  /**
   * Per-period consumption statistics (HC/HP, Tempo) with their cost twins: when present they are added
   * instead of the total, one consumption flow each, so the dashboard shows the split.
   */
  periods?: { energy: string; cost: string | null }[];
}

/** The consumption flows to add: the periods when there are, else the total. */
function consumptionFlows(ids: DashboardIds): { energy: string; cost: string | null }[] {
  if (ids.periods?.length) return ids.periods;
  return ids.consumption ? [{ energy: ids.consumption, cost: ids.consumptionCost }] : [];
}

type Source = Record<string, unknown>;

/** The unified grid source appeared with 2026 cores (inference from core `energy/data.py` of 2026.11). */
export function usesUnifiedGrid(haVersion: string): boolean {
  const v = parseCoreVersion(haVersion);
  return v === null || v[0] >= 2026;
}

function legacyGrid(sources: Source[]): Source | undefined {
  return sources.find((s) => s.type === 'grid' && Array.isArray(s.flow_from));
}

function withLegacy(grid: Source, ids: DashboardIds): Source {
  const flowFrom = [...(grid.flow_from as Source[])];
  const flowTo = [...((grid.flow_to as Source[] | undefined) ?? [])];
  for (const flow of consumptionFlows(ids)) {
    flowFrom.push({
      stat_energy_from: flow.energy,
      stat_cost: flow.cost,
      entity_energy_price: null,
      number_energy_price: null,
    });
  }
  if (ids.production) {
    flowTo.push({
      stat_energy_to: ids.production,
      stat_compensation: ids.productionCompensation,
      entity_energy_price: null,
      number_energy_price: null,
    });
  }
  return { ...grid, flow_from: flowFrom, flow_to: flowTo };
}

/** One unified grid source per consumption flow (the first also carries the production). */
function unifiedGrids(ids: DashboardIds): Source[] {
  const flows: ({ energy: string; cost: string | null } | null)[] = consumptionFlows(ids);
  if (flows.length === 0) flows.push(null);
  return flows.map((flow, i) => ({
    type: 'grid',
    stat_energy_from: flow?.energy ?? null,
    stat_energy_to: i === 0 ? ids.production : null,
    stat_cost: flow?.cost ?? null,
    entity_energy_price: null,
    number_energy_price: null,
    stat_compensation: i === 0 && ids.production ? ids.productionCompensation : null,
    entity_energy_price_export: null,
    number_energy_price_export: null,
    cost_adjustment_day: 0,
  }));
}

/**
 * The `energy_sources` to save, or null when nothing must change (one of our statistics is already
 * used, or there is nothing to add).
 */
export function mergeEnergySources(prefs: EnergyPrefs | null, ids: DashboardIds, haVersion: string): Source[] | null {
  const sources = [...((prefs?.energy_sources as Source[] | undefined) ?? [])];
  const periodIds = (ids.periods ?? []).flatMap((p) => [p.energy, p.cost]);
  const ours = [ids.consumption, ids.production, ids.consumptionCost, ids.productionCompensation, ...periodIds].filter(
    (id): id is string => id !== null,
  );
  if (!ids.consumption && !ids.production) return null;
  const text = JSON.stringify(sources);
  if (ours.some((id) => text.includes(JSON.stringify(id)))) return null;
  const legacy = legacyGrid(sources);
  if (legacy) return sources.map((s) => (s === legacy ? withLegacy(s, ids) : s));
  if (!usesUnifiedGrid(haVersion))
    return [...sources, withLegacy({ type: 'grid', flow_from: [], flow_to: [], cost_adjustment_day: 0 }, ids)];
  return [...sources, ...unifiedGrids(ids)];
}
