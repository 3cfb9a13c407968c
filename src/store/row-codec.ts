/**
 * Conversions between domain objects and table rows. Drivers differ in what they hand back (PostgreSQL
 * bigint and sums as strings, MySQL booleans as 0/1), so every read goes through these helpers and
 * every engine returns the same values.
 */
import type { Address, Contract, UsagePoint } from '../domain/types.js';
import type { DayAttempt, StoredUsagePoint, StreamName, StreamState } from './repository.js';
import type { Row, SqlValue } from './sql-runner.js';
import { StoreError } from './store-error.js';

export function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}

export function strOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

export function bool(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 't' || v === 'true';
}

function json<T>(v: unknown): T | null {
  return v === null || v === undefined ? null : (JSON.parse(String(v)) as T);
}

/** Rejects values an integer column could not hold exactly (the same on every engine). */
export function int(value: number, field: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new StoreError('STORE_BAD_VALUE', `${field} must be an integer, got ${value}: fix the caller.`);
  }
  return value;
}

export function usagePointRow(p: UsagePoint, seenAt: number): SqlValue[] {
  return [
    p.pdl,
    p.id,
    p.name,
    p.subscribedPowerKva,
    JSON.stringify(p.offpeakHours),
    p.pricingOption,
    p.hasConsumption,
    p.hasProduction,
    p.isActive,
    p.activationDate,
    p.oldestAvailableDataDate,
    p.linkedProductionPdlId,
    int(seenAt, 'last_seen_at'),
  ];
}

export function usagePointFromRow(r: Row): StoredUsagePoint {
  return {
    id: String(r.id),
    pdl: String(r.pdl),
    name: strOrNull(r.name),
    subscribedPowerKva: numOrNull(r.subscribed_power_kva),
    offpeakHours: json(r.offpeak_hours) ?? [],
    pricingOption: strOrNull(r.pricing_option) as UsagePoint['pricingOption'],
    hasConsumption: bool(r.has_consumption),
    hasProduction: bool(r.has_production),
    isActive: bool(r.is_active),
    activationDate: strOrNull(r.activation_date),
    oldestAvailableDataDate: strOrNull(r.oldest_available_data_date),
    linkedProductionPdlId: strOrNull(r.linked_production_pdl_id),
    contract: json<Contract>(r.contract),
    address: json<Address>(r.address),
    lastSeenAt: numOrNull(r.last_seen_at),
  };
}

/** A driver value as the same JS value on every engine, by drizzle column kind. */
export function normalise(v: unknown, kind: string): SqlValue {
  if (v === null || v === undefined) return null;
  if (kind === 'number') return num(v);
  if (kind === 'boolean') return bool(v);
  return String(v);
}

export function dayAttemptFromRow(r: Row): DayAttempt {
  return {
    date: String(r.date),
    attempts: num(r.attempts),
    lastAttemptAt: num(r.last_attempt_at),
    nextRetryAt: numOrNull(r.next_retry_at),
    lastError: strOrNull(r.last_error),
  };
}

export function streamStateFromRow(r: Row): StreamState {
  return {
    pdl: String(r.pdl),
    stream: String(r.stream) as StreamName,
    lastSuccessAt: numOrNull(r.last_success_at),
    lastAttemptAt: numOrNull(r.last_attempt_at),
    lastError: strOrNull(r.last_error),
  };
}

/**
 * Keeps the last row for each key (a multi-row upsert may not touch the same key twice), in the order
 * keys first appear. Rows in strictly increasing key order (what the gateway gives) are returned as they
 * are, without building a map.
 */
export function lastPerKey<T>(rows: readonly T[], key: (row: T) => string | number): readonly T[] {
  if (strictlyIncreasing(rows, key)) return rows;
  const map = new Map<string | number, T>();
  for (const r of rows) map.set(key(r), r);
  return [...map.values()];
}

function strictlyIncreasing<T>(rows: readonly T[], key: (row: T) => string | number): boolean {
  for (let i = 1; i < rows.length; i++) {
    const a = key(rows[i - 1]!);
    const b = key(rows[i]!);
    if (typeof a !== typeof b || !(a < b)) return false;
  }
  return true;
}
