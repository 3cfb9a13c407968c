/**
 * Table and column names as the engine-neutral SQL uses them. They mirror the drizzle schemas
 * (`schema/*.ts`); `tests/store/schema-drift.test.ts` checks that every name here exists there.
 */
import type { UpsertSpec } from './sql-runner.js';

const spec = (table: string, columns: string[], key: string[]): UpsertSpec => ({ table, columns, key });

export const USAGE_POINT_COLUMNS = [
  'pdl',
  'id',
  'name',
  'subscribed_power_kva',
  'offpeak_hours',
  'pricing_option',
  'has_consumption',
  'has_production',
  'is_active',
  'activation_date',
  'oldest_available_data_date',
  'linked_production_pdl_id',
  'last_seen_at',
];

export const TABLES = {
  /** Upserting a usage point never touches its `contract` and `address` (set separately). */
  usagePoints: spec('usage_points', USAGE_POINT_COLUMNS, ['pdl']),
  dailyEnergy: spec('daily_energy', ['pdl', 'direction', 'date', 'wh'], ['pdl', 'direction', 'date']),
  loadCurve: spec('load_curve', ['pdl', 'direction', 'start_utc', 'minutes', 'w'], ['pdl', 'direction', 'start_utc']),
  maxPower: spec('max_power', ['pdl', 'date', 'va', 'peak_at'], ['pdl', 'date']),
  tempoDays: spec('tempo_days', ['date', 'color'], ['date']),
  ecowattSignals: spec('ecowatt_signals', ['date', 'level', 'message', 'hourly'], ['date']),
  dayAttempts: spec(
    'day_attempts',
    ['pdl', 'stream', 'date', 'attempts', 'last_attempt_at', 'next_retry_at', 'last_error'],
    ['pdl', 'stream', 'date'],
  ),
  streamState: spec(
    'stream_state',
    ['pdl', 'stream', 'last_success_at', 'last_attempt_at', 'last_error'],
    ['pdl', 'stream'],
  ),
  exporterCursors: spec('exporter_cursors', ['exporter', 'cursor_key', 'value'], ['exporter', 'cursor_key']),
} as const;
