/**
 * Builds the task list of one run: re-reads `/pdl` (free), applies the `pdls` selection and `pdl_names`,
 * reads what the store holds and asks the pure planner. Tempo and EcoWatt are account-wide.
 */
import type { Clock } from '../domain/clock.js';
import { parisToday } from '../domain/time.js';
import type { UsagePoint } from '../domain/types.js';
import type { GatewayClient } from '../gateway/types.js';
import { GLOBAL_PDL, type Store, type StreamName } from '../store/repository.js';
import { readHolding } from './holdings.js';
import {
  type DayStream,
  type DayStreamHolding,
  dayStreamsOf,
  needsDailyRefresh,
  type PlannerOptions,
  planDayStream,
  planPdl,
  type SyncTask,
  streamHorizon,
} from './planner/index.js';

export type SyncScope = 'full' | 'tempo' | 'ecowatt';

export interface RunPlanInput {
  store: Store;
  client: GatewayClient;
  clock: Clock;
  /** PRMs to synchronise; empty means all. */
  selection: readonly string[];
  /** Display names from the config (`pdl_names`), winning over the gateway's names. */
  names: Readonly<Record<string, string>>;
  planner: PlannerOptions;
}

export function isSelected(pdl: string, selection: readonly string[]): boolean {
  return selection.length === 0 || selection.includes(pdl);
}

async function lastSuccesses(store: Store, pdl: string): Promise<Partial<Record<StreamName, number | null>>> {
  const out: Partial<Record<StreamName, number | null>> = {};
  for (const stream of ['contract', 'address', 'ecowatt'] as const) {
    out[stream] = (await store.getStreamState(pdl, stream))?.lastSuccessAt ?? null;
  }
  return out;
}

async function planPoint(input: RunPlanInput, point: UsagePoint, now: number): Promise<SyncTask[]> {
  const today = parisToday(now);
  const holdings: Partial<Record<DayStream, DayStreamHolding>> = {};
  for (const stream of dayStreamsOf(point)) {
    const range = streamHorizon(stream, today, point);
    if (range.start < range.end) holdings[stream] = await readHolding(input.store, point.pdl, stream, range);
  }
  const lastSuccess = await lastSuccesses(input.store, point.pdl);
  return planPdl({ point, today, now, holdings, lastSuccess }, input.planner);
}

async function planTempo(input: RunPlanInput, now: number): Promise<SyncTask[]> {
  const today = parisToday(now);
  const range = streamHorizon('tempo', today, null);
  const holding = await readHolding(input.store, GLOBAL_PDL, 'tempo', range);
  return planDayStream(GLOBAL_PDL, 'tempo', { today, now, point: null, holding }, input.planner);
}

const ecowattTask: SyncTask = { pdl: GLOBAL_PDL, stream: 'ecowatt', range: null, wanted: [], calls: 1 };

export async function planRun(
  input: RunPlanInput,
  scope: SyncScope,
): Promise<{ tasks: SyncTask[]; points: UsagePoint[] }> {
  const now = input.clock.now();
  if (scope === 'tempo') return { tasks: await planTempo(input, now), points: [] };
  if (scope === 'ecowatt') return { tasks: [ecowattTask], points: [] };
  // Only the selected PDLs are kept: a PDL dropped from the selection counts as gone for the exporters.
  const points = (await input.client.listUsagePoints())
    .filter((p) => isSelected(p.pdl, input.selection))
    .map((p) => ({ ...p, name: input.names[p.pdl] ?? p.name }));
  await input.store.upsertUsagePoints(points, now);
  const tasks: SyncTask[] = [];
  for (const point of points) tasks.push(...(await planPoint(input, point, now)));
  tasks.push(...(await planTempo(input, now)));
  const ecowatt = (await lastSuccesses(input.store, GLOBAL_PDL)).ecowatt;
  if (needsDailyRefresh(ecowatt, now)) tasks.push(ecowattTask);
  return { tasks, points };
}
