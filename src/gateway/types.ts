/**
 * The contract between the gateway client and the rest of the program. Everything here is in domain
 * types: the client hides URLs, envelopes, date quirks and retries.
 */
import type {
  Address,
  Contract,
  CurveReading,
  DailyEnergy,
  DateRange,
  Direction,
  EcoWattSignal,
  MaxPower,
  TempoDay,
  UsagePoint,
  UsageStats,
} from '../domain/types.js';

/** One gateway call's worth of data, delivered as soon as it arrives so the caller can store it. */
export interface Chunk<T> {
  /** The days this call covered (end exclusive). Days of this range absent from `data` had no data. */
  range: DateRange;
  data: T;
  /** The gateway said `PARTIAL_DATA`: some days of `range` could not be fetched this time. */
  partial: boolean;
}

export interface FetchOptions<T> {
  /** Called after each successful call, in order, before the next call is made. */
  onChunk?: (chunk: Chunk<T>) => void | Promise<void>;
  /**
   * `false`: the chunks go to `onChunk` only and the result's `data` is empty, so a backfill holds one
   * gateway call's rows at a time instead of the whole range's (the sync stores each chunk as it comes).
   */
  collect?: boolean;
  signal?: AbortSignal;
}

export interface FetchResult<T> {
  data: T;
  partial: boolean;
  /** Number of HTTP calls made (retries included). */
  calls: number;
}

/** The two quota buckets of the gateway, chosen by the `use_cache` flag. */
export type QuotaBucket = 'cached' | 'noCache';

/** Options of a single call: `signal` aborts it, retries and their waits included (a stop). */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface GatewayClient {
  listUsagePoints(options?: CallOptions): Promise<UsagePoint[]>;
  getContract(pdl: string, options?: CallOptions): Promise<Contract>;
  getAddress(pdl: string, options?: CallOptions): Promise<Address>;
  /** Daily energy for the local days of `range` (end exclusive), split into the fewest calls. */
  getDailyEnergy(
    pdl: string,
    direction: Direction,
    range: DateRange,
    options?: FetchOptions<DailyEnergy[]>,
  ): Promise<FetchResult<DailyEnergy[]>>;
  /** Load-curve readings whose local day is in `range` (end exclusive): batch routes, and the single-window route for days older than the batch reach. */
  getLoadCurve(
    pdl: string,
    direction: Direction,
    range: DateRange,
    options?: FetchOptions<CurveReading[]>,
  ): Promise<FetchResult<CurveReading[]>>;
  getMaxPower(pdl: string, range: DateRange, options?: FetchOptions<MaxPower[]>): Promise<FetchResult<MaxPower[]>>;
  /** Tempo colours for the days of `range` (end exclusive) that are known. */
  getTempoDays(range: DateRange, options?: CallOptions): Promise<TempoDay[]>;
  /** EcoWatt signals for the coming days (the gateway excludes today). */
  getEcoWattForecast(days?: number, options?: CallOptions): Promise<EcoWattSignal[]>;
  getUsageStats(options?: CallOptions): Promise<UsageStats>;
  /** When a bucket is exhausted: the UTC instant (ms) at which it resets; otherwise null. */
  quotaPausedUntil(bucket: QuotaBucket): number | null;
  /** HTTP requests sent to the gateway since the client was made (retries included), when it counts them. */
  httpRequests?(): number;
}
