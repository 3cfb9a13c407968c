/**
 * What to push for one series, from its cursor and the earliest changed instant the sync reported. Pure.
 *
 * VictoriaMetrics keeps every sample it is sent: two imports of one timestamp leave two samples (and
 * `-dedup.minScrapeInterval` would keep one of them, not reliably the newest). So a sample is never sent
 * twice without deleting the series first. `delete_series` removes a whole series (it takes no time
 * range), hence a changed or uncertain series is deleted and imported again in full; otherwise only the
 * samples after the cursor are appended.
 */
import type { Sample } from './build-import-lines.js';

export interface SeriesCursor {
  /** Every sample with `t < through` is in VictoriaMetrics exactly once. */
  through: number;
  /**
   * false while a push of the series is under way: a push cut short (VictoriaMetrics restarting, our
   * process stopped) may have stored part of its batch, so the next run deletes and re-imports.
   */
  clean: boolean;
}

export type PushPlan =
  | { mode: 'none' }
  | { mode: 'append'; samples: Sample[] }
  | { mode: 'replace'; samples: Sample[]; why: 'first' | 'changed' | 'interrupted' };

/**
 * `dirtyFrom`: earliest instant whose data changed since the last push (null: none). `samples`: the
 * whole series as the store holds it now, ascending.
 */
export function planPush(cursor: SeriesCursor | null, dirtyFrom: number | null, samples: Sample[]): PushPlan {
  // No cursor: VictoriaMetrics may hold this series from an earlier install; start it afresh.
  if (!cursor) return samples.length ? { mode: 'replace', samples, why: 'first' } : { mode: 'none' };
  if (!cursor.clean) return { mode: 'replace', samples, why: 'interrupted' };
  if (dirtyFrom !== null && dirtyFrom < cursor.through) return { mode: 'replace', samples, why: 'changed' };
  const fresh = samples.filter((s) => s.t >= cursor.through);
  return fresh.length ? { mode: 'append', samples: fresh } : { mode: 'none' };
}

/** The cursor once `pushed` (ascending) is stored, on top of what `before` covered. */
export function cursorAfter(before: number, pushed: readonly Sample[]): SeriesCursor {
  const last = pushed.at(-1);
  return { through: last ? Math.max(before, last.t + 1) : before, clean: true };
}

export function parseCursor(text: string | null): SeriesCursor | null {
  if (text === null) return null;
  try {
    const c = JSON.parse(text) as Partial<SeriesCursor>;
    return typeof c.through === 'number' && typeof c.clean === 'boolean'
      ? { through: c.through, clean: c.clean }
      : null;
  } catch {
    return null;
  }
}

/**
 * True when the server holds exactly `expected` (one sample per timestamp, equal values) between `from`
 * and `to`: the reported change only added later samples (yesterday's curve completed), so appending is
 * enough and the series need not be replaced.
 */
export function holdsExactly(
  held: readonly { values: number[]; timestamps: number[] }[],
  expected: readonly Sample[],
  from: number,
  to: number,
): boolean {
  const got = new Map<number, number[]>();
  for (const s of held)
    s.timestamps.forEach((t, i) => {
      if (t >= from && t < to) got.set(t, [...(got.get(t) ?? []), s.values[i]!]);
    });
  const want = expected.filter((s) => s.t >= from && s.t < to);
  return got.size === want.length && want.every((s) => got.get(s.t)?.length === 1 && got.get(s.t)![0] === s.v);
}
