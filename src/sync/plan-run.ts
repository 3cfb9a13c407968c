/**
 * Builds the task list of one run: re-reads `/pdl` (free), applies the `pdls` selection and `pdl_names`,
 * reads what the store holds and asks the pure planner. Account-wide streams (Tempo, EcoWatt) come after
 * the PDLs', and a scope naming one of them syncs only it. A PDL scope syncs that PDL alone; its
 * `refetch` range is planned as if the store held none of its days (asked again, replaced on answer),
 * and so is any re-fetch still marked in the store, in every run.
 */
import type { Clock } from '../domain/clock.js';
import { parisToday } from '../domain/time.js';
import type { DateRange, UsagePoint } from '../domain/types.js';
import type { GatewayClient } from '../gateway/types.js';
import { GLOBAL_PDL, type Store } from '../store/repository.js';
import { type AnyStreamSpec, accountStreams, STREAM_LIST, type StreamName, streamSpec } from '../streams/index.js';
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
  snapshotTask,
  streamHorizon,
} from './planner/index.js';
import { refetchDays } from './refetch-marks.js';

/** Days of some streams of a PDL to ask again even when the store holds them. */
export interface Refetch {
  streams: readonly DayStream[];
  range: DateRange;
}

/** One PDL's streams (the API's "sync this PDL"), optionally re-fetching a range. */
export interface PdlScope {
  pdl: string;
  refetch?: Refetch;
}

/** A full run, one account-wide stream (the scheduler's Tempo and EcoWatt jobs) or one PDL. */
export type SyncScope = 'full' | Extract<StreamName, 'tempo' | 'ecowatt'> | PdlScope;

export function isPdlScope(scope: SyncScope): scope is PdlScope {
  return typeof scope === 'object';
}

/** The scope in a log line: `full`, `tempo`, `PDL 0911…` (with the re-fetched range). */
export function scopeLabel(scope: SyncScope): string {
  if (!isPdlScope(scope)) return scope;
  const range = scope.refetch ? `, re-fetching ${scope.refetch.range.start}..${scope.refetch.range.end}` : '';
  return `PDL ${scope.pdl}${range}`;
}

export interface RunPlanInput {
  store: Store;
  client: GatewayClient;
  clock: Clock;
  /** PRMs to synchronise; empty means all. */
  selection: readonly string[];
  /** Display names from the config (`pdl_names`), winning over the gateway's names. */
  names: Readonly<Record<string, string>>;
  planner: PlannerOptions;
  /** Aborts the plan's gateway call (the engine is stopping). */
  signal?: AbortSignal;
}

export function isSelected(pdl: string, selection: readonly string[]): boolean {
  return selection.length === 0 || selection.includes(pdl);
}

async function lastSuccesses(store: Store, pdl: string): Promise<Partial<Record<StreamName, number | null>>> {
  const out: Partial<Record<StreamName, number | null>> = {};
  for (const spec of STREAM_LIST) {
    if (spec.unit === 'snapshot') out[spec.name] = (await store.getStreamState(pdl, spec.name))?.lastSuccessAt ?? null;
  }
  return out;
}

/** The holding without the days of `ranges`: none complete, none attempted (so all are due). */
function withoutRanges(holding: DayStreamHolding, ranges: readonly DateRange[]): DayStreamHolding {
  const outside = (day: string) => ranges.every((r) => day < r.start || day >= r.end);
  return {
    completeDays: new Set([...holding.completeDays].filter(outside)),
    attempts: holding.attempts.filter((a) => outside(a.date)),
  };
}

/**
 * The tasks of one usage point (as the store or the gateway describes it): the days of a re-fetch still
 * marked in the store (`refetch-marks.ts`) and those of `refetch` are planned as if the store held none.
 */
export async function planPoint(
  input: Pick<RunPlanInput, 'store' | 'planner'>,
  point: UsagePoint,
  now: number,
  refetch?: Refetch,
): Promise<SyncTask[]> {
  const today = parisToday(now);
  const holdings: Partial<Record<DayStream, DayStreamHolding>> = {};
  const marked = await refetchDays(input.store, point.pdl, now);
  for (const stream of dayStreamsOf(point)) {
    const range = streamHorizon(stream, today, point);
    if (range.start >= range.end) continue;
    const holding = await readHolding(input.store, point.pdl, stream, range);
    const again = [...(marked[stream] ?? []), ...(refetch?.streams.includes(stream) ? [refetch.range] : [])];
    holdings[stream] = again.length > 0 ? withoutRanges(holding, again) : holding;
  }
  const lastSuccess = await lastSuccesses(input.store, point.pdl);
  return planPdl({ point, today, now, holdings, lastSuccess }, input.planner);
}

/** Tasks for an account-wide stream; a snapshot one only when not refreshed today, unless `forced`. */
async function planAccountStream(input: RunPlanInput, spec: AnyStreamSpec, now: number, forced: boolean) {
  if (spec.unit === 'snapshot') {
    const last = (await input.store.getStreamState(GLOBAL_PDL, spec.name))?.lastSuccessAt;
    return forced || needsDailyRefresh(last, now) ? [snapshotTask(GLOBAL_PDL, spec.name)] : [];
  }
  const today = parisToday(now);
  const range = streamHorizon(spec.name, today, null);
  const holding = await readHolding(input.store, GLOBAL_PDL, spec.name, range);
  return planDayStream(GLOBAL_PDL, spec.name, { today, now, point: null, holding }, input.planner);
}

export async function planRun(
  input: RunPlanInput,
  scope: SyncScope,
): Promise<{ tasks: SyncTask[]; points: UsagePoint[]; unknownSelected: string[] }> {
  const now = input.clock.now();
  if (scope !== 'full' && !isPdlScope(scope)) {
    return { tasks: await planAccountStream(input, streamSpec(scope), now, true), points: [], unknownSelected: [] };
  }
  const { points, unknownSelected } = await listPoints(input, now);
  const tasks: SyncTask[] = [];
  if (isPdlScope(scope)) {
    const point = points.find((p) => p.pdl === scope.pdl);
    if (point) tasks.push(...(await planPoint(input, point, now, scope.refetch)));
    return { tasks, points: point ? [point] : [], unknownSelected: point ? [] : [scope.pdl] };
  }
  for (const point of points) tasks.push(...(await planPoint(input, point, now)));
  for (const spec of accountStreams()) tasks.push(...(await planAccountStream(input, spec, now, false)));
  return { tasks, points, unknownSelected };
}

/** The usage points of the account (a free call), selected, named, stored. */
async function listPoints(input: RunPlanInput, now: number) {
  const listed = await input.client.listUsagePoints({ signal: input.signal });
  // A selected PDL the account does not have (a typo, a PDL of another account): said, then ignored.
  const unknownSelected = input.selection.filter((pdl) => !listed.some((p) => p.pdl === pdl));
  // Only the selected PDLs are kept: a PDL dropped from the selection counts as gone for the exporters.
  const points = listed
    .filter((p) => isSelected(p.pdl, input.selection))
    .map((p) => ({ ...p, name: input.names[p.pdl] ?? p.name }));
  await input.store.upsertUsagePoints(points, now);
  return { points, unknownSelected };
}
