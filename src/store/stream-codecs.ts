/**
 * One codec per table of stream rows: the columns a row occupies, how it is written (integers checked)
 * and read back (driver values normalised, see `row-codec.ts`). The store reads and writes every stream
 * row through these, and the stream table (`streams/`) names each stream's codec.
 */
import type { CurveReading, DailyEnergy, EcoWattSignal, MaxPower, TempoColor, TempoDay } from '../domain/types.js';
import { int, num } from './row-codec.js';
import type { Row, SqlValue, UpsertSpec } from './sql-runner.js';
import { TABLES } from './tables.js';

export interface RowCodec<T> {
  readonly table: UpsertSpec;
  /**
   * The columns holding the row, after the owner columns of the table (`pdl`, `direction`). The first is
   * the row's key within its owner and the order rows are read in.
   */
  readonly columns: readonly string[];
  /** Two rows with the same key are the same row (a multi-row upsert may not touch a key twice). */
  key(row: T): string | number;
  encode(row: T): SqlValue[];
  decode(row: Row): T;
}

export const DAILY_ENERGY_CODEC: RowCodec<DailyEnergy> = {
  table: TABLES.dailyEnergy,
  columns: ['date', 'wh'],
  key: (r) => r.date,
  encode: (r) => [r.date, int(r.wh, 'wh')],
  decode: (r) => ({ date: String(r.date), wh: num(r.wh) }),
};

export const CURVE_CODEC: RowCodec<CurveReading> = {
  table: TABLES.loadCurve,
  columns: ['start_utc', 'minutes', 'w'],
  key: (r) => r.start,
  encode: (r) => [int(r.start, 'start'), int(r.minutes, 'minutes'), int(r.w, 'w')],
  decode: (r) => ({ start: num(r.start_utc), minutes: num(r.minutes), w: num(r.w) }),
};

export const MAX_POWER_CODEC: RowCodec<MaxPower> = {
  table: TABLES.maxPower,
  columns: ['date', 'va', 'peak_at'],
  key: (r) => r.date,
  encode: (r) => [r.date, int(r.va, 'va'), int(r.at, 'at')],
  decode: (r) => ({ date: String(r.date), va: num(r.va), at: num(r.peak_at) }),
};

export const TEMPO_CODEC: RowCodec<TempoDay> = {
  table: TABLES.tempoDays,
  columns: ['date', 'color'],
  key: (d) => d.date,
  encode: (d) => [d.date, d.color],
  decode: (r) => ({ date: String(r.date), color: String(r.color) as TempoColor }),
};

export const ECOWATT_CODEC: RowCodec<EcoWattSignal> = {
  table: TABLES.ecowattSignals,
  columns: ['date', 'level', 'message', 'hourly'],
  key: (s) => s.date,
  encode: (s) => [s.date, int(s.level, 'level'), s.message, JSON.stringify(s.hourly)],
  decode: (r) => ({
    date: String(r.date),
    level: num(r.level),
    message: String(r.message),
    hourly: JSON.parse(String(r.hourly)) as number[],
  }),
};
