/**
 * SQLite schema. Kept in lock-step with `postgres.ts` and `mysql.ts` (same tables, columns, keys and
 * nullability; `tests/store/schema-drift.test.ts` fails if they drift). Instants are epoch-ms integers,
 * local dates `YYYY-MM-DD` text, energy integer Wh, power integer W.
 */
import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const usagePoints = sqliteTable('usage_points', {
  pdl: text('pdl').primaryKey(),
  id: text('id').notNull(),
  name: text('name'),
  subscribedPowerKva: real('subscribed_power_kva'),
  offpeakHours: text('offpeak_hours').notNull(),
  pricingOption: text('pricing_option'),
  hasConsumption: integer('has_consumption', { mode: 'boolean' }).notNull(),
  hasProduction: integer('has_production', { mode: 'boolean' }).notNull(),
  isActive: integer('is_active', { mode: 'boolean' }).notNull(),
  activationDate: text('activation_date'),
  oldestAvailableDataDate: text('oldest_available_data_date'),
  linkedProductionPdlId: text('linked_production_pdl_id'),
  contract: text('contract'),
  address: text('address'),
  lastSeenAt: integer('last_seen_at'),
});

export const dailyEnergy = sqliteTable(
  'daily_energy',
  {
    pdl: text('pdl').notNull(),
    direction: text('direction').notNull(),
    date: text('date').notNull(),
    wh: integer('wh').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pdl, t.direction, t.date] })],
);

/** WITHOUT ROWID in the database (migration 0001, written by hand: drizzle cannot declare it). */
export const loadCurve = sqliteTable(
  'load_curve',
  {
    pdl: text('pdl').notNull(),
    direction: text('direction').notNull(),
    startUtc: integer('start_utc').notNull(),
    minutes: integer('minutes').notNull(),
    w: integer('w').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pdl, t.direction, t.startUtc] })],
);

export const maxPower = sqliteTable(
  'max_power',
  {
    pdl: text('pdl').notNull(),
    date: text('date').notNull(),
    va: integer('va').notNull(),
    peakAt: integer('peak_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pdl, t.date] })],
);

export const tempoDays = sqliteTable('tempo_days', {
  date: text('date').primaryKey(),
  color: text('color').notNull(),
});

export const ecowattSignals = sqliteTable('ecowatt_signals', {
  date: text('date').primaryKey(),
  level: integer('level').notNull(),
  message: text('message').notNull(),
  hourly: text('hourly').notNull(),
});

export const dayAttempts = sqliteTable(
  'day_attempts',
  {
    pdl: text('pdl').notNull(),
    stream: text('stream').notNull(),
    date: text('date').notNull(),
    attempts: integer('attempts').notNull(),
    lastAttemptAt: integer('last_attempt_at').notNull(),
    nextRetryAt: integer('next_retry_at'),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ columns: [t.pdl, t.stream, t.date] })],
);

export const streamState = sqliteTable(
  'stream_state',
  {
    pdl: text('pdl').notNull(),
    stream: text('stream').notNull(),
    lastSuccessAt: integer('last_success_at'),
    lastAttemptAt: integer('last_attempt_at'),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ columns: [t.pdl, t.stream] })],
);

export const exporterCursors = sqliteTable(
  'exporter_cursors',
  {
    exporter: text('exporter').notNull(),
    cursorKey: text('cursor_key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.exporter, t.cursorKey] })],
);
