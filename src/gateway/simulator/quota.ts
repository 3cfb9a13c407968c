/**
 * The gateway's two daily counters per user (UTC day), chosen by the `use_cache` flag: `count >= limit`
 * refuses, refused calls are not counted.
 */
import type { Clock } from '../../domain/clock.js';

export type Bucket = 'cached' | 'noCache';

export class QuotaBook {
  private readonly days = new Map<string, { cached: number; noCache: number }>();

  constructor(
    private readonly clock: Clock,
    readonly limits: { cachedLimit: number; noCacheLimit: number },
  ) {}

  utcDay(): string {
    return new Date(this.clock.now()).toISOString().slice(0, 10);
  }

  private today(): { cached: number; noCache: number } {
    const key = this.utcDay();
    let c = this.days.get(key);
    if (!c) {
      c = { cached: 0, noCache: 0 };
      this.days.set(key, c);
    }
    return c;
  }

  usage(): { cached: number; noCache: number } {
    return { ...this.today() };
  }

  limit(bucket: Bucket): number {
    return bucket === 'cached' ? this.limits.cachedLimit : this.limits.noCacheLimit;
  }

  isExhausted(bucket: Bucket): boolean {
    return this.today()[bucket] >= this.limit(bucket);
  }

  count(bucket: Bucket): void {
    this.today()[bucket] += 1;
  }

  /** Fill a bucket (tests: simulate a day of heavy use). */
  exhaust(bucket: Bucket): void {
    this.today()[bucket] = this.limit(bucket);
  }
}
