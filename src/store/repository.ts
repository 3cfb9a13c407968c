/**
 * The store's repository interface. One implementation per database engine (SQLite by default,
 * PostgreSQL, MySQL/MariaDB); the same test suite runs against all of them.
 *
 * Rules every implementation follows:
 * - Every method is atomic; `transaction` groups several calls into one database transaction.
 * - Upserts are idempotent: writing the same rows twice leaves the same database.
 * - Instants are UTC epoch milliseconds in and out; dates are Paris `YYYY-MM-DD`.
 */
import type {
  Address,
  Contract,
  CurveReading,
  DailyEnergy,
  DateRange,
  Direction,
  EcoWattSignal,
  LocalDate,
  MaxPower,
  TempoDay,
  UsagePoint,
} from '../domain/types.js';
import type { StreamName } from '../streams/spec.js';
import type { ChangeStamp } from './change-counter.js';

/** Everything the sync engine fetches, one name per stream (described in `streams/`). */
export type { StreamName } from '../streams/spec.js';

/** `*` is used for account-wide streams (Tempo, EcoWatt). */
export const GLOBAL_PDL = '*';

export interface StoredUsagePoint extends UsagePoint {
  contract: Contract | null;
  address: Address | null;
  /** When the usage point was last seen in the gateway's `/pdl` (epoch ms); null if never. */
  lastSeenAt: number | null;
}

/** A day that was asked for and did not come back complete, with its retry schedule. */
export interface DayAttempt {
  date: LocalDate;
  attempts: number;
  lastAttemptAt: number;
  /** Epoch ms before which the day is not asked again; null means never again (given up). */
  nextRetryAt: number | null;
  lastError: string | null;
}

export interface StreamState {
  pdl: string;
  stream: StreamName;
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  lastError: string | null;
}

export interface CurveDayCoverage {
  date: LocalDate;
  /** Minutes of the local day covered by readings. */
  minutes: number;
  readings: number;
}

export interface Store {
  readonly engine: 'sqlite' | 'postgres' | 'mysql';
  close(): Promise<void>;
  /** Run `fn` in one transaction; everything it writes through `tx` commits or rolls back together. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Changes whenever the stored data may have changed (see `change-counter.ts`). */
  changeStamp(): Promise<ChangeStamp>;

  upsertUsagePoints(points: UsagePoint[], seenAt: number): Promise<void>;
  listUsagePoints(): Promise<StoredUsagePoint[]>;
  getUsagePoint(pdl: string): Promise<StoredUsagePoint | null>;
  setContract(contract: Contract): Promise<void>;
  setAddress(address: Address): Promise<void>;

  upsertDaily(pdl: string, direction: Direction, rows: DailyEnergy[]): Promise<void>;
  listDaily(pdl: string, direction: Direction, range: DateRange): Promise<DailyEnergy[]>;

  upsertCurve(pdl: string, direction: Direction, rows: CurveReading[]): Promise<void>;
  /** Readings with `from <= start < to` (epoch ms), ordered by start. */
  listCurve(pdl: string, direction: Direction, from: number, to: number): Promise<CurveReading[]>;
  /** Per Paris day of `range` that has readings: minutes covered and count. */
  curveCoverage(pdl: string, direction: Direction, range: DateRange): Promise<CurveDayCoverage[]>;

  upsertMaxPower(pdl: string, rows: MaxPower[]): Promise<void>;
  listMaxPower(pdl: string, range: DateRange): Promise<MaxPower[]>;

  upsertTempo(days: TempoDay[]): Promise<void>;
  listTempo(range: DateRange): Promise<TempoDay[]>;

  upsertEcoWatt(signals: EcoWattSignal[]): Promise<void>;
  listEcoWatt(range: DateRange): Promise<EcoWattSignal[]>;

  /** Days of a stream that were attempted without complete data, within `range`. */
  listDayAttempts(pdl: string, stream: StreamName, range: DateRange): Promise<DayAttempt[]>;
  upsertDayAttempts(pdl: string, stream: StreamName, attempts: DayAttempt[]): Promise<void>;
  deleteDayAttempts(pdl: string, stream: StreamName, dates: LocalDate[]): Promise<void>;

  getStreamState(pdl: string, stream: StreamName): Promise<StreamState | null>;
  listStreamStates(): Promise<StreamState[]>;
  setStreamState(state: StreamState): Promise<void>;

  /** Opaque per-exporter cursors (JSON text chosen by each exporter). */
  getCursor(exporter: string, key: string): Promise<string | null>;
  setCursor(exporter: string, key: string, value: string): Promise<void>;
  deleteCursor(exporter: string, key: string): Promise<void>;

  /**
   * Deletes everything held about one PDL, in one transaction: the usage point, its daily energy, load
   * curves, max power, day attempts, stream states, and the exporter cursors whose key names it.
   * Account-wide streams (Tempo, EcoWatt) are kept. Returns the rows deleted per table.
   */
  forgetPdl(pdl: string): Promise<Record<string, number>>;
}
