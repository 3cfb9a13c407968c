/**
 * An in-memory stand-in for Home Assistant's statistics API (`HaApi`), for unit tests that compare two
 * export strategies exactly: rows are upserted per `(statistic, hour)` and written at once (the real
 * Home Assistant, with its write delay, is covered by tests/integration/home-assistant).
 */
import type { StatisticMetadata, StatisticRow } from '../../../src/exporters/home-assistant/build-statistic-rows.js';
import type { EnergyPrefs, HaApi, HaStatMetadata, HaStatRow } from '../../../src/exporters/home-assistant/ha-client.js';

export interface MemoryHa extends HaApi {
  readonly rows: Map<string, Map<number, { sum: number; state: number }>>;
  /** `[statistic, first hour, rows]` of every import call. */
  readonly imports: [string, number, number][];
}

export function memoryHa(haVersion = '2026.11.0'): MemoryHa {
  const rows = new Map<string, Map<number, { sum: number; state: number }>>();
  const metadata = new Map<string, StatisticMetadata>();
  const imports: [string, number, number][] = [];
  let prefs: EnergyPrefs | null = null;
  return {
    haVersion,
    rows,
    imports,
    async importStatistics(meta: StatisticMetadata, stats: StatisticRow[]) {
      metadata.set(meta.statistic_id, meta);
      const table = rows.get(meta.statistic_id) ?? new Map();
      rows.set(meta.statistic_id, table);
      for (const r of stats) table.set(Date.parse(r.start), { sum: r.sum, state: r.state });
      imports.push([meta.statistic_id, Date.parse(stats[0]!.start), stats.length]);
    },
    async hourlySums(ids: string[], startMs: number, endMs: number) {
      const out: Record<string, HaStatRow[]> = {};
      for (const id of ids) {
        const table = rows.get(id) ?? new Map<number, { sum: number }>();
        const found: HaStatRow[] = [];
        for (let start = Math.ceil(startMs / 3_600_000) * 3_600_000; start < endMs; start += 3_600_000) {
          const r = table.get(start);
          if (r) found.push({ start, sum: r.sum });
        }
        if (found.length) out[id] = found;
      }
      return out;
    },
    async getStatisticsMetadata(ids: string[]): Promise<HaStatMetadata[]> {
      return ids
        .filter((id) => metadata.has(id))
        .map((id) => {
          const m = metadata.get(id)!;
          return {
            statistic_id: id,
            source: m.source,
            name: m.name,
            has_sum: true,
            statistics_unit_of_measurement: m.unit_of_measurement,
          };
        });
    },
    async clearStatistics(ids: string[]) {
      for (const id of ids) {
        rows.delete(id);
        metadata.delete(id);
      }
    },
    async getEnergyPrefs() {
      return prefs;
    },
    async saveEnergyPrefs(p: EnergyPrefs) {
      prefs = p;
    },
    close() {},
  };
}
