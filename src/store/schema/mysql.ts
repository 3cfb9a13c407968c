/**
 * MySQL/MariaDB schema, in lock-step with `sqlite.ts` (see there). Instants are `bigint` epoch ms (not `datetime`,
 * which has no time zone): the same int goes in and comes out on every engine, with no session time zone or
 * driver date conversion in between.
 */
import { bigint, boolean, double, int, mysqlTable, primaryKey, text, varchar } from 'drizzle-orm/mysql-core';

const ms = (name: string) => bigint(name, { mode: 'number' });
const pdl = () => varchar('pdl', { length: 32 });
const day = (name: string) => varchar(name, { length: 10 });

export const usagePoints = mysqlTable('usage_points', {
  pdl: pdl().primaryKey(),
  id: varchar('id', { length: 64 }).notNull(),
  name: text('name'),
  subscribedPowerKva: double('subscribed_power_kva'),
  offpeakHours: text('offpeak_hours').notNull(),
  pricingOption: varchar('pricing_option', { length: 32 }),
  hasConsumption: boolean('has_consumption').notNull(),
  hasProduction: boolean('has_production').notNull(),
  isActive: boolean('is_active').notNull(),
  activationDate: day('activation_date'),
  oldestAvailableDataDate: day('oldest_available_data_date'),
  linkedProductionPdlId: varchar('linked_production_pdl_id', { length: 64 }),
  contract: text('contract'),
  address: text('address'),
  lastSeenAt: ms('last_seen_at'),
});

export const dailyEnergy = mysqlTable(
  'daily_energy',
  {
    pdl: pdl().notNull(),
    direction: varchar('direction', { length: 16 }).notNull(),
    date: day('date').notNull(),
    wh: bigint('wh', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.pdl, t.direction, t.date] })],
);

export const loadCurve = mysqlTable(
  'load_curve',
  {
    pdl: pdl().notNull(),
    direction: varchar('direction', { length: 16 }).notNull(),
    startUtc: ms('start_utc').notNull(),
    minutes: int('minutes').notNull(),
    w: int('w').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pdl, t.direction, t.startUtc] })],
);

export const maxPower = mysqlTable(
  'max_power',
  {
    pdl: pdl().notNull(),
    date: day('date').notNull(),
    va: int('va').notNull(),
    peakAt: ms('peak_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pdl, t.date] })],
);

export const tempoDays = mysqlTable('tempo_days', {
  date: day('date').primaryKey(),
  color: varchar('color', { length: 8 }).notNull(),
});

export const ecowattSignals = mysqlTable('ecowatt_signals', {
  date: day('date').primaryKey(),
  level: int('level').notNull(),
  message: text('message').notNull(),
  hourly: text('hourly').notNull(),
});

export const dayAttempts = mysqlTable(
  'day_attempts',
  {
    pdl: pdl().notNull(),
    stream: varchar('stream', { length: 32 }).notNull(),
    date: day('date').notNull(),
    attempts: int('attempts').notNull(),
    lastAttemptAt: ms('last_attempt_at').notNull(),
    nextRetryAt: ms('next_retry_at'),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ columns: [t.pdl, t.stream, t.date] })],
);

export const streamState = mysqlTable(
  'stream_state',
  {
    pdl: pdl().notNull(),
    stream: varchar('stream', { length: 32 }).notNull(),
    lastSuccessAt: ms('last_success_at'),
    lastAttemptAt: ms('last_attempt_at'),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ columns: [t.pdl, t.stream] })],
);

export const exporterCursors = mysqlTable(
  'exporter_cursors',
  {
    exporter: varchar('exporter', { length: 64 }).notNull(),
    cursorKey: varchar('cursor_key', { length: 191 }).notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.exporter, t.cursorKey] })],
);
