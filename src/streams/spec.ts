/**
 * The shape of a stream: what the sync fetches, the store keeps and the API and exporters read. Each
 * stream is described once, in `table.ts`; code elsewhere asks the table instead of switching on names.
 */
import type { DateRange, Direction, LocalDate, UsagePoint } from '../domain/types.js';
import type { RangeEndpoint } from '../gateway/plan-requests.js';
import type { CallOptions, FetchOptions, GatewayClient } from '../gateway/types.js';
import type { Store } from '../store/repository.js';
import type { RowCodec } from '../store/stream-codecs.js';

/** Every stream, by the name the store records it under (`stream_state`, `day_attempts`); one entry each in `table.ts`. */
export type StreamName =
  | 'contract'
  | 'address'
  | 'consumption_daily'
  | 'consumption_curve'
  | 'max_power'
  | 'production_daily'
  | 'production_curve'
  | 'tempo'
  | 'ecowatt';

/** What a stream holds. */
export type StreamKind = 'daily-energy' | 'curve' | 'max-power' | 'tempo' | 'ecowatt' | 'contract' | 'address';

/** Who has the stream: PDLs with the consumption or production flag, every PDL, or the account. */
export type StreamOwner = 'consumption' | 'production' | 'every-pdl' | 'account';

interface StreamBase<Name extends StreamName> {
  readonly name: Name;
  readonly kind: StreamKind;
  readonly owner: StreamOwner;
  /** The flow of the energy (Wh) it measures: daily totals and load curves; null for the others. */
  readonly energy: Direction | null;
}

/** How far back the gateway serves a day stream and how many days one call covers. */
export interface DayHorizon {
  /** The gateway route whose reachability rules set the horizon (`gateway/plan-requests.ts`), if any. */
  readonly endpoint: RangeEndpoint | null;
  /** The days the client can fetch today (end exclusive), before the meter's activation is applied. */
  reachable(today: LocalDate): DateRange;
  readonly maxSpanDays: number;
  /** The last days are re-checked for late or corrected data (the planner's trailing window). */
  readonly recheckRecent: boolean;
  /**
   * Days published at a known time of day (Tempo: the next day's colour at 10:30 Paris): the end
   * (exclusive) of the days that can exist at `nowMs`, so the planner never asks before; and how many of
   * the last of those days are asked on every run while missing, without back-off (their publication is
   * due, not late).
   */
  readonly published?: { end(nowMs: number): LocalDate; pollDays: number };
  /**
   * Older days a slower route still serves (load curves: the single-window route reaches Enedis' 24 months
   * + 15 days, the batch route 729 days): their reach (end exclusive, up to `reachable`'s start) and the
   * most days one of its calls covers. The planner groups them apart; the stream's fetch routes them.
   */
  readonly older?: { reachable(today: LocalDate): DateRange; readonly maxSpanDays: number };
}

/** The horizon of a metered stream: exactly what its gateway route can reach (one source of truth). */
export interface GatewayHorizon extends DayHorizon {
  readonly endpoint: RangeEndpoint;
}

/** Another stream's days computed from this one's, after each stored chunk. */
export interface Derivation {
  readonly stream: StreamName;
  /** Writes the derived rows for `range` (in `tx`) given this stream's complete days; returns the days written. */
  run(tx: Store, pdl: string, range: DateRange, complete: ReadonlySet<LocalDate>): Promise<LocalDate[]>;
}

/** How `GET /api/pdls/{pdl}/…` serves a stream. */
export interface ApiRoute<Row> {
  /** Path after `/api/pdls/:pdl/`. */
  readonly path: string;
  /** Days returned when `start` is missing, and the longest range accepted. */
  readonly limits: { defaultDays: number; maxDays: number };
  json(row: Row): unknown;
}

/**
 * A stream with one value (or one day of readings) per local day, fetched by ranges of days. Methods
 * take the stream's own row type: rows read from or fetched for a stream go back only into it.
 */
export interface DayStreamSpec<Row, Horizon extends DayHorizon = DayHorizon, Name extends StreamName = StreamName>
  extends StreamBase<Name> {
  readonly unit: 'day';
  readonly horizon: Horizon;
  readonly codec: RowCodec<Row>;
  readonly derives: Derivation | null;
  readonly api: ApiRoute<Row> | null;
  /** Fetches `range`, handing each gateway call's rows to `options.onChunk`. */
  fetch(client: GatewayClient, pdl: string, range: DateRange, options: FetchOptions<Row[]>): Promise<unknown>;
  write(store: Store, pdl: string, rows: Row[]): Promise<void>;
  read(store: Store, pdl: string, range: DateRange): Promise<Row[]>;
  /** Days of `range` the store holds completely (a curve day: readings covering the whole local day). */
  completeDays(store: Store, pdl: string, range: DateRange): Promise<Set<LocalDate>>;
}

/** A stream replaced as a whole by one gateway call (contract, address, EcoWatt forecast), refreshed daily. */
export interface SnapshotStreamSpec<Value, Row = never, Name extends StreamName = StreamName> extends StreamBase<Name> {
  readonly unit: 'snapshot';
  /** The codec of its rows; null when stored as JSON on the usage point (contract, address). */
  readonly codec: RowCodec<Row> | null;
  fetch(client: GatewayClient, pdl: string, options?: CallOptions): Promise<Value>;
  /** Stores the value read at `nowMs`; returns the local days whose data changed (for `data-changed`), or null. */
  write(store: Store, value: Value, nowMs: number): Promise<DateRange | null>;
}

/** True when `point` has a stream of this owner. */
export function ownedBy(owner: StreamOwner, point: UsagePoint): boolean {
  if (owner === 'consumption') return point.hasConsumption;
  if (owner === 'production') return point.hasProduction;
  return owner === 'every-pdl';
}
