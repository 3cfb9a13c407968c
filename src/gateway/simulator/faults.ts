/**
 * Per-route fault injection. A rule matches a path relative to the base URL (`/enedis/consumption/daily/*`,
 * `*` matches anything) or a RegExp, fires `times` times (default unlimited) with `probability` (seeded).
 */
import { mulberry32 } from './rng.js';
import type { FaultKind, FaultSpec, Latency } from './types.js';

interface Rule {
  pattern: RegExp;
  spec: FaultSpec;
  remaining: number;
}

function toRegExp(route: string | RegExp): RegExp {
  if (route instanceof RegExp) return route;
  const escaped = route.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export class FaultInjector {
  private rules: Rule[] = [];
  private readonly rnd: () => number;
  /** Extra latency added to every request (ms, or a seeded random range). */
  latency: Latency | null;

  constructor(seed: number, latency: Latency | null = null) {
    this.rnd = mulberry32(seed ^ 0x5eed);
    this.latency = latency;
  }

  add(route: string | RegExp, spec: FaultSpec): void {
    this.rules.push({ pattern: toRegExp(route), spec, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  /** The number of rules still able to fire. */
  get active(): number {
    return this.rules.filter((r) => r.remaining > 0).length;
  }

  /** The first of `kinds` that fires for `path`, consuming one of its `times`; null when none. */
  take(path: string, kinds: readonly FaultKind[]): FaultKind | null {
    for (const rule of this.rules) {
      if (rule.remaining <= 0 || !kinds.includes(rule.spec.kind) || !rule.pattern.test(path)) continue;
      if (this.rnd() >= (rule.spec.probability ?? 1)) continue;
      rule.remaining -= 1;
      return rule.spec.kind;
    }
    return null;
  }

  /** Delay to apply to one request, in ms. */
  delayMs(): number {
    const l = this.latency;
    if (l === null) return 0;
    if (typeof l === 'number') return l;
    return l.min + Math.round(this.rnd() * Math.max(0, l.max - l.min));
  }
}
