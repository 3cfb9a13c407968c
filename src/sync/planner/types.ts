/**
 * Inputs and outputs of the pure sync planner. The engine reads the store into these shapes; the
 * planner decides what to ask the gateway, with no I/O.
 */
import type { DateRange, LocalDate, UsagePoint } from '../../domain/types.js';
import type { DayAttempt } from '../../store/repository.js';
import type { DayStreamName, StreamName } from '../../streams/index.js';

/** Streams with one value (or one day of readings) per local day (see the stream table). */
export type DayStream = DayStreamName;

/** What the store holds for a day-based stream over its horizon. */
export interface DayStreamHolding {
  /** Days that are complete (daily value present; curve covering the whole local day). */
  completeDays: ReadonlySet<LocalDate>;
  attempts: readonly DayAttempt[];
}

export interface SyncTask {
  pdl: string;
  stream: StreamName;
  /** Local days to fetch (end exclusive); null for snapshot streams (contract, address, EcoWatt). */
  range: DateRange | null;
  /** Days of `range` that were missing and get attempt bookkeeping (the rest is re-fetched incidentally). */
  wanted: LocalDate[];
  /** Estimated gateway calls, for progress. */
  calls: number;
}

export interface PlannerOptions {
  /** Days before today always re-checked for late or corrected data. */
  trailingDays: number;
  /** Delays (ms) after attempt 1, 2, …; after the last one the day is given up. */
  backoffMs: readonly number[];
  /** Sync load curves (config `sync_curve`); default true. */
  curve?: boolean;
}

export const DEFAULT_PLANNER_OPTIONS: PlannerOptions = {
  trailingDays: 5,
  backoffMs: [3_600_000, 6 * 3_600_000, 24 * 3_600_000, 72 * 3_600_000],
};

export interface PdlPlanInput {
  point: UsagePoint;
  today: LocalDate;
  now: number;
  holdings: Partial<Record<DayStream, DayStreamHolding>>;
  /** Last success per stream (epoch ms), for contract and address. */
  lastSuccess: Partial<Record<StreamName, number | null>>;
}
