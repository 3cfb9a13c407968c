/**
 * The synthetic account of the scale bench (`scale.ts`): ten consumption PDLs of the simulator's HC/HP
 * "Maison" profile, all activated `years` years before the first daily run, with PRMs of their own per
 * history length (so both stores can share one Home Assistant, MQTT broker and VictoriaMetrics).
 */
import { addDays, addYears } from '../src/domain/time.js';
import type { LocalDate } from '../src/domain/types.js';
import { defaultPdlSpecs, type PdlSpec } from '../src/gateway/simulator/index.js';

export const PDLS = 10;
/** Paris day of the untimed warm-up run; the timed runs are the next days. */
export const FIRST_TODAY: LocalDate = '2026-11-20';
export const TIMED_RUNS = 3;
export const SEED = 1;
export const PRICES = { hcKwh: 0.2068, hpKwh: 0.27 };

/** What the parent tells the child (one JSON argument). */
export interface ChildArgs {
  years: number;
  dataDir: string;
  gatewayUrl: string;
  clientSecret: string;
  vmUrl: string;
  mqttUrl: string;
  ha: { url: string; token: string } | null;
}

/** One daily run as the child measured it. */
export interface RunMeasure {
  today: LocalDate;
  wallMs: number;
  syncMs: number;
  /** Per exporter: ms from the start of the run to the end of its export. */
  exporterMs: Record<string, number>;
  cpuMs: number;
  /** Peak RSS of the child during the run (`VmHWM` after resetting it), and RSS before it. */
  peakRss: number;
  rssBefore: number;
  /** Peak heap used during the run (sampled every 5 ms) minus the heap used before it (after a GC). */
  heapGrowth: number;
  gatewayCalls: number;
  exported: Record<string, unknown>;
}

export interface ChildResult {
  years: number;
  curveReadings: number;
  dailyRows: number;
  setupMs: number;
  firstExportMs: number;
  warmUpMs: number;
  runs: RunMeasure[];
}

export type ChildMessage = { type: 'clock'; now: number } | { type: 'result'; result: ChildResult };

export function scaleSpecs(years: number): PdlSpec[] {
  const house = defaultPdlSpecs(SEED, FIRST_TODAY)[0]!;
  return Array.from({ length: PDLS }, (_, i) => ({
    ...house,
    id: `5ca1e000-0000-4000-8000-${String(years * 100 + i).padStart(12, '0')}`,
    usagePointId: `09${String(years).padStart(2, '0')}00000000${String(i).padStart(2, '0')}`,
    name: `Maison ${i + 1}`,
    displayOrder: i + 1,
    activationDate: addYears(FIRST_TODAY, -years),
    hasProduction: false,
    linkedProductionPdlId: null,
  }));
}

/** The first day of the history stored before the exporters' first export (see the child). */
export const recentStart = (): LocalDate => addDays(FIRST_TODAY, -21);
