/**
 * The quality of each day behind the energy bars. Home Assistant's statistics cannot tell it: the
 * exporter writes every hour between the first and the last one it imports (a gap becomes zeros), so a
 * day without any row is the only missing day they show. The program's local API knows better: its
 * aggregate route counts per Paris day whether the energy is a stored daily value (`daily`), summed
 * from a complete load curve because no daily value is stored (`curve`: derived), or `missing`. When
 * the card is given `api_url` it reads that route once per PDL and window (kept 5 minutes).
 */
import type { Window } from '../shared/periods.js';
import { localDate, zonedTime } from '../shared/zoned-time.js';

/** Enedis days are Paris days, whatever Home Assistant's time zone. */
export const ENEDIS_ZONE = 'Europe/Paris';

export type DayQuality = 'daily' | 'curve' | 'missing';
/** Per day, per PDL. */
export type Qualities = Map<string, DayQuality>[];

export interface BarQuality {
  /** PDL-days of the bar whose energy is derived from the load curve. */
  derived: number;
  /** PDL-days of the bar the program does not hold. */
  missing: number;
}

interface AggregateBody {
  buckets?: { start?: unknown; quality?: { daily?: number; curve?: number; missing?: number } }[];
}

/** One aggregate answer (`period=day`) as day → quality; unknown shapes are an error. */
export function dayQualities(body: unknown): Map<string, DayQuality> {
  const buckets = (body as AggregateBody)?.buckets;
  if (!Array.isArray(buckets)) throw new Error('the local API answered without buckets');
  const out = new Map<string, DayQuality>();
  for (const b of buckets) {
    if (typeof b.start !== 'string' || !b.quality) continue;
    const q = b.quality;
    out.set(b.start, (q.missing ?? 0) > 0 ? 'missing' : (q.curve ?? 0) > 0 ? 'curve' : 'daily');
  }
  return out;
}

const nextDate = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localDate(zonedTime(ENEDIS_ZONE, y, m, d + 1, 12), ENEDIS_ZONE);
};

/** The Paris days `[start, end)` a window covers, ending before today (today is never published yet). */
export function qualityRange(w: Window, now: number): { start: string; end: string } | null {
  const start = localDate(w.starts[0]!, ENEDIS_ZONE);
  const last = localDate(w.end - 1, ENEDIS_ZONE);
  const today = localDate(now, ENEDIS_ZONE);
  const end = [nextDate(last), today].sort()[0]!;
  return start < end ? { start, end } : null;
}

/** Counts, per bar, the PDL-days derived or missing among the days each bar overlaps. */
export function barQualities(w: Window, qualities: Qualities): BarQuality[] {
  const out = w.starts.map(() => ({ derived: 0, missing: 0 }));
  const days = new Map<string, { derived: number; missing: number }>();
  for (const perPdl of qualities) {
    for (const [date, q] of perPdl) {
      const c = days.get(date) ?? { derived: 0, missing: 0 };
      if (q === 'curve') c.derived++;
      if (q === 'missing') c.missing++;
      days.set(date, c);
    }
  }
  for (const [date, c] of days) {
    if (!c.derived && !c.missing) continue;
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const from = zonedTime(ENEDIS_ZONE, y, m, d);
    const to = zonedTime(ENEDIS_ZONE, y, m, d + 1);
    w.starts.forEach((s, i) => {
      const e = w.starts[i + 1] ?? w.end;
      if (s < to && e > from) {
        out[i]!.derived += c.derived;
        out[i]!.missing += c.missing;
      }
    });
  }
  return out;
}

/** The PDL-days of the window derived from the load curve and missing. */
export function dayCounts(qualities: Qualities): BarQuality {
  let derived = 0;
  let missing = 0;
  for (const perPdl of qualities) {
    for (const q of perPdl.values()) {
      if (q === 'curve') derived++;
      if (q === 'missing') missing++;
    }
  }
  return { derived, missing };
}

const TTL_MS = 5 * 60_000;
/** An API that does not answer must not hold the chart back: after this the card draws without it. */
const TIMEOUT_MS = 5_000;
const cache = new Map<string, { at: number; value: Promise<Map<string, DayQuality>> }>();

/**
 * Every PDL's day qualities over the window from the local API, or null when it does not answer (not
 * reachable from the browser, another origin without CORS, a token required, an old version).
 */
export async function fetchQualities(
  apiUrl: string,
  pdls: readonly string[],
  direction: 'consumption' | 'production',
  w: Window,
  now = Date.now(),
  fetchFn: typeof fetch = fetch,
  timeoutMs = TIMEOUT_MS,
): Promise<Qualities | null> {
  const range = qualityRange(w, now);
  if (!range) return pdls.map(() => new Map());
  const base = apiUrl.replace(/\/+$/, '');
  try {
    return await Promise.all(
      pdls.map((pdl) => {
        const url = `${base}/api/pdls/${pdl}/${direction}/aggregate?period=day&start=${range.start}&end=${range.end}`;
        const hit = cache.get(url);
        if (hit && now - hit.at < TTL_MS) return hit.value;
        const value = fetchFn(url, {
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        }).then(async (r) => {
          if (!r.ok) throw new Error(`the local API answered ${r.status}`);
          return dayQualities(await r.json());
        });
        cache.set(url, { at: now, value });
        value.catch(() => cache.delete(url));
        if (cache.size > 64) cache.delete(cache.keys().next().value!);
        return value;
      }),
    );
  } catch {
    return null;
  }
}
