/**
 * The stream table: every stream the program syncs, stores and serves, described once. Adding a stream
 * is adding its name to `StreamName` and its entry here (plus its store table and codec); the planner,
 * the sync, the store bookkeeping, the status, the API and the exporters find it through this table.
 */
import type { UsagePoint } from '../domain/types.js';
import type { RangeEndpoint } from '../gateway/plan-requests.js';
import { GLOBAL_PDL } from '../store/repository.js';
import { ECOWATT, TEMPO } from './account-streams.js';
import { ADDRESS, CONTRACT } from './customer-streams.js';
import { curveStream, dailyEnergyStream, dailyFromCurve, MAX_POWER } from './energy-streams.js';
import {
  type DayHorizon,
  type DayStreamSpec,
  ownedBy,
  type SnapshotStreamSpec,
  type StreamName,
  type StreamOwner,
} from './spec.js';

/** In the order the planner fetches a PDL's streams and the status lists them. */
export const STREAMS = {
  contract: CONTRACT,
  address: ADDRESS,
  consumption_daily: dailyEnergyStream('consumption_daily', 'consumption'),
  consumption_curve: curveStream(
    'consumption_curve',
    'consumption',
    dailyFromCurve('consumption_daily', 'consumption'),
  ),
  max_power: MAX_POWER,
  production_daily: dailyEnergyStream('production_daily', 'production'),
  production_curve: curveStream('production_curve', 'production', null),
  tempo: TEMPO,
  ecowatt: ECOWATT,
} as const satisfies { [N in StreamName]: { name: N } };

type Table = typeof STREAMS;
export type AnyStreamSpec = Table[StreamName];
export type DayStreamName = { [N in StreamName]: Table[N] extends { unit: 'day' } ? N : never }[StreamName];
export type SnapshotStreamName = Exclude<StreamName, DayStreamName>;
/** Day streams whose horizon is a gateway route's (every metered stream; not Tempo). */
export type GatewayDayStreamName = {
  [N in DayStreamName]: null extends Table[N]['horizon']['endpoint'] ? never : N;
}[DayStreamName];
/** The row type of each day stream. */
export type RowOf<N extends DayStreamName> = Table[N] extends DayStreamSpec<infer Row> ? Row : never;

/** Any day stream's row. */
export type DayRow = RowOf<DayStreamName>;
/**
 * The view of a day stream a dispatcher needs (code generic in the row type takes it as `Row = DayRow`):
 * rows fetched or read through a spec go back only into that spec.
 */
export type AnyDayStreamSpec = DayStreamSpec<DayRow, DayHorizon, DayStreamName>;
export type AnySnapshotStreamSpec = SnapshotStreamSpec<unknown, unknown, SnapshotStreamName>;

export const STREAM_LIST: readonly AnyStreamSpec[] = Object.values(STREAMS);

export function streamSpec<N extends StreamName>(name: N): Table[N] {
  return STREAMS[name];
}

export function dayStreamSpec(name: DayStreamName): AnyDayStreamSpec {
  return STREAMS[name];
}

export function isDayStream(spec: AnyStreamSpec): spec is Table[DayStreamName] {
  return spec.unit === 'day';
}

/** Day streams whose horizon is their gateway route's, with that route (the planner's reachability). */
export function gatewayEndpoints(): Record<GatewayDayStreamName, RangeEndpoint> {
  const out: Partial<Record<StreamName, RangeEndpoint>> = {};
  for (const s of STREAM_LIST) if (isDayStream(s) && s.horizon.endpoint) out[s.name] = s.horizon.endpoint;
  // Every key of the type is set: exactly the day streams with an endpoint.
  return out as Record<GatewayDayStreamName, RangeEndpoint>;
}

/** The streams `point` has, in table order (by its consumption and production flags). */
export function streamsOf(point: UsagePoint): AnyStreamSpec[] {
  return STREAM_LIST.filter((s) => ownedBy(s.owner, point));
}

/** Account-wide streams (Tempo, EcoWatt), stored under `GLOBAL_PDL`. */
export function accountStreams(): AnyStreamSpec[] {
  return STREAM_LIST.filter((s) => s.owner === 'account');
}

/** The PDL key a stream's rows and bookkeeping are stored under. */
export function storeKey(spec: { owner: StreamOwner }, pdl: string): string {
  return spec.owner === 'account' ? GLOBAL_PDL : pdl;
}
