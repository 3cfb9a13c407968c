/**
 * Quota pauses: when a bucket is exhausted the gateway refuses every call of that bucket until the
 * next 00:00 UTC, so the client stops asking and fails fast until then.
 */
import type { Clock } from '../domain/clock.js';
import { GatewayQuotaError } from './errors.js';
import type { QuotaBucket } from './types.js';

/** The next 00:00 UTC strictly after `nowMs`. */
export function nextUtcMidnight(nowMs: number): number {
  const d = new Date(nowMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

export interface QuotaGate {
  pausedUntil(bucket: QuotaBucket): number | null;
  pause(bucket: QuotaBucket): number;
  /** Throws a `GatewayQuotaError` while `bucket` is paused. */
  check(bucket: QuotaBucket, endpoint: string): void;
}

export function createQuotaGate(clock: Clock): QuotaGate {
  const until = new Map<QuotaBucket, number>();
  const pausedUntil = (bucket: QuotaBucket): number | null => {
    const t = until.get(bucket);
    if (t === undefined) return null;
    if (clock.now() >= t) {
      until.delete(bucket);
      return null;
    }
    return t;
  };
  return {
    pausedUntil,
    pause(bucket) {
      const t = nextUtcMidnight(clock.now());
      until.set(bucket, t);
      return t;
    },
    check(bucket, endpoint) {
      const t = pausedUntil(bucket);
      if (t !== null) throw new GatewayQuotaError(endpoint, bucket, t);
    },
  };
}
