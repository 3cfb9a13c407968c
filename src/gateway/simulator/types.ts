/**
 * Public types of the simulated MyElectricalData v2 gateway. Everything a test, the demo mode or a benchmark
 * needs to configure the simulator and to read what it did.
 */
import type { Clock } from '../../domain/clock.js';
import type { LocalDate, PricingOption } from '../../domain/types.js';

/**
 * Each known quirk of the real gateway behind its own switch (README.md lists them). All off by
 * default: the simulator then behaves like an ideal gateway.
 */
export interface Quirks {
  /** Consumption daily: `end` capped to J-1 then exclusive, so J-1 is never returned; one-day gaps yield nothing. */
  dailyEndCappedExclusive: boolean;
  /** Consumption detail (single): J-1 cap, no 7-day split (longer windows end as `NO_DATA`), unsorted output. */
  detailNoSplitUnsorted: boolean;
  /** Passthrough routes: an Enedis `ADAM-ERR0123` comes back as `success:true` with `data.error`. */
  passthroughErr0123AsSuccess: boolean;
  /** On 29 February: daily → `INVALID_DATE_FORMAT` on every call, batch → HTTP 500. */
  feb29Failures: boolean;
  /** Consumption daily with nothing fetched or cached: `reading_type.unit` is `W` (wrong default). */
  readingTypeFallbackW: boolean;
  /** `/tempo/days` and `/tempo`: the start filter is exclusive (dates stored as Paris midnight vs 00:00Z). */
  tempoStartExclusive: boolean;
  /** Load curves carry raw Enedis end-of-interval labels (v1 style) instead of interval-start labels. */
  endLabels: boolean;
  /** Batch: days answered `no_data_found` are blacklisted for 24 h (even J-1 asked before publication). */
  batchBlacklist: boolean;
  /** `/tempo/today` uses the UTC date (wrong between 00:00 and 01:00/02:00 Paris). */
  tempoTodayUtc: boolean;
}

export type QuirkName = keyof Quirks;

export type IntervalMinutes = 10 | 15 | 30 | 60;

export type PdlProfile = 'heating' | 'standard' | 'solar';

/** One usage point of the simulated account. */
export interface PdlSpec {
  /** Gateway UUID. */
  id: string;
  /** 14-digit PRM. */
  usagePointId: string;
  name: string;
  profile: PdlProfile;
  /** Scale of the profile: ≈ typical kW for consumption, peak kWc for solar. */
  scale: number;
  hasConsumption: boolean;
  hasProduction: boolean;
  isActive: boolean;
  activationDate: LocalDate;
  subscribedPowerKva: number | null;
  pricingOption: PricingOption | null;
  /** `offpeak_hours` exactly as `/pdl` serves it (list, dict, legacy… forms). */
  offpeakHours: unknown;
  /** Off-peak text of the Enedis contract, e.g. `HC (22H00-6H00)`; null when none. */
  contractOffpeak: string | null;
  /** Off-peak ranges used by the consumption model (local `HH:MM`). */
  offpeakRanges: { start: string; end: string }[];
  linkedProductionPdlId: string | null;
  displayOrder: number | null;
  createdAt: string;
  /** Default interval length of the load curve. */
  intervalMinutes: IntervalMinutes;
  /** Interval changes: from `from` (inclusive) on, the curve uses `minutes`. Sorted by `from`. */
  intervalChanges: { from: LocalDate; minutes: IntervalMinutes }[];
  /** False: Enedis answers `no_data_found` to every load-curve call (collection not enabled). */
  curveEnabled: boolean;
  /** Late meter: day D is published `publicationDelayDays` days after the usual time. */
  publicationDelayDays: number;
  city: string;
  postalCode: string;
  inseeCode: string;
  street: string;
  latitude: number;
  longitude: number;
}

/** Holes in what Enedis serves. All rates are probabilities drawn from the seeded RNG (deterministic). */
export interface HoleOptions {
  /** Probability that one load-curve reading is absent (the daily total is unaffected). */
  missingReadingRate: number;
  /** Probability that a whole day is absent (no curve, no daily, no max power). */
  missingDayRate: number;
  /** Probability that a load-curve reading is served as `0` (the daily total is unaffected). */
  zeroReadingRate: number;
  /** Explicit missing days per PRM. */
  missingDays: Record<string, LocalDate[]>;
}

export interface DatasetOptions {
  /** Replace the default PDLs (see `defaultPdlSpecs`). */
  pdls?: PdlSpec[];
  /** Change fields of default PDLs, by PRM. */
  overrides?: Record<string, Partial<PdlSpec>>;
  /** Holes (default: none; `REALISTIC_HOLES` is a ready-made preset). */
  holes?: Partial<HoleOptions>;
}

export interface RequestLogEntry {
  method: string;
  /** Path as received, `/api` prefix included, query excluded. */
  path: string;
  query: Record<string, string>;
  status: number;
  /** Envelope error code (`RATE_LIMIT_EXCEEDED`, `PARTIAL_DATA`…) or null. */
  code: string | null;
  /** Quota bucket this call was counted in, or null when not counted. */
  bucket: 'cached' | 'noCache' | null;
  /** Clock time of the request (epoch ms). */
  at: number;
  /** Injected fault that fired on this request (status 0 for `timeout`/`reset`: no response). */
  fault?: FaultKind;
}

export type FaultKind =
  | 'http500'
  | 'timeout'
  | 'reset'
  | 'truncated'
  | 'schema'
  | 'enedisUnavailable'
  | 'enedisError'
  | 'quotaExhausted';

export interface FaultSpec {
  kind: FaultKind;
  /** Fire this many times, then stop (default: unlimited). */
  times?: number;
  /** Fire with this probability (seeded RNG; default 1). */
  probability?: number;
}

export type Latency = number | { min: number; max: number };

export interface SimulatorOptions {
  host?: string;
  port?: number;
  clock?: Clock;
  seed?: number;
  quirks?: Partial<Quirks>;
  limits?: Partial<{ cachedLimit: number; noCacheLimit: number }>;
  latencyMs?: Latency;
  /** Day D is visible after this Paris hour on D+1 (default 8). */
  publicationHour?: number;
  /** Tomorrow's Tempo colour is visible after this Paris time, `HH:MM` (default `10:40`). */
  tempoPublicationTime?: string;
  /** Lifetime of JWTs issued by `POST /accounts/token`, in seconds (default 30 days). */
  jwtExpirySeconds?: number;
  dataset?: DatasetOptions;
}
