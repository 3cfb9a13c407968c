/**
 * `GET /enedis/{consumption|production}/detail/batch/{pdl}`: inclusive days, `end` ≤ J-1, `start` ≥ today-2y,
 * span ≤ 729 days, per-day cache (complete at 90 %), missing days fetched in 7-day chunks as Enedis
 * `[a, b+1)` (so J-1 is reachable), `ADAM-ERR0123` moves a chunk start forward (≤ 7 tries), failed chunks
 * → `PARTIAL_DATA`, one quota unit per call when anything must be fetched.
 */
import { addDays, addYears, daysBetween, isLocalDate, maxDate, minDate } from '../../domain/time.js';
import type { Direction, LocalDate } from '../../domain/types.js';
import type { ServedReading } from './dataset.js';
import { chunkRange, curveJson, groupRanges, inclusiveDays, isCompleteDay } from './day-ranges.js';
import {
  bucketOf,
  dateQuery,
  enedisUnavailable,
  isReply,
  ownedPdl,
  quotaRefused,
  rateLimitMessage,
} from './enedis-guard.js';
import { businessError, envelope, internalError, partial, type Reply } from './http-kit.js';
import type { Bucket } from './quota.js';
import type { RouteContext } from './state.js';
import { callEnedis } from './upstream.js';

interface ChunkOutcome {
  failed: number;
  fresh: Map<LocalDate, ServedReading[]>;
}

function fetchChunk(ctx: RouteContext, dir: Direction, prm: string, a: LocalDate, b: LocalDate, out: ChunkOutcome) {
  const kind = dir === 'consumption' ? 'consumption_curve' : 'production_curve';
  const { cache, dataset, quirks } = ctx.sim;
  let from = a;
  for (let attempt = 0; attempt < 7 && from <= b; attempt++) {
    const res = callEnedis(ctx.upstream, kind, prm, from, minDate(addDays(b, 1), ctx.today));
    if (res.ok) {
      for (const d of res.days) {
        const readings = dataset.readings(prm, d, quirks.endLabels);
        if (isCompleteDay(readings)) cache.setCurve(dir, prm, d, readings);
        out.fresh.set(d, readings);
      }
      return;
    }
    if (res.code === 'no_data_found') {
      if (quirks.batchBlacklist) for (const d of inclusiveDays(from, b)) cache.blacklistDay(dir, prm, d, ctx.now);
      return;
    }
    if (res.code !== 'ADAM-ERR0123') break;
    from = addDays(from, 1);
  }
  out.failed += 1;
}

function window(ctx: RouteContext, start: LocalDate, end: LocalDate): [LocalDate, LocalDate] {
  const last = minDate(end, addDays(ctx.today, -1));
  let first = maxDate(start, addYears(ctx.today, -2));
  // The real server: `(end - start).days + 1 > 729` moves the start forward, silently: at most 729 days.
  if (daysBetween(first, last) + 1 > 729) first = addDays(last, -728);
  return [first, last];
}

function reply(
  ctx: RouteContext,
  readings: ServedReading[],
  failedMessage: string | null,
  bucket: Bucket | null,
): Reply {
  const data = { meter_reading: { interval_reading: curveJson(readings) } };
  return failedMessage ? partial(ctx.now, data, failedMessage, bucket) : envelope(ctx.now, data, null, bucket);
}

interface Plan {
  dir: Direction;
  prm: string;
  days: LocalDate[];
  cached: Map<LocalDate, ServedReading[]>;
  missing: LocalDate[];
}

function plan(
  ctx: RouteContext,
  dir: Direction,
  prm: string,
  q: { start: string; end: string; useCache: boolean },
): Plan {
  const [first, last] = window(ctx, q.start, q.end);
  const days = inclusiveDays(first, last);
  const { cache } = ctx.sim;
  const cached = new Map<LocalDate, ServedReading[]>();
  for (const d of q.useCache ? days : []) {
    const hit = cache.getCurve(dir, prm, d);
    if (hit) cached.set(d, hit);
  }
  const missing = days.filter((d) => !cached.has(d) && !cache.isBlacklisted(dir, prm, d, ctx.now));
  return { dir, prm, days, cached, missing };
}

/** Count the unit and fetch the missing days; a Reply when the call stops early. */
function fetchMissing(ctx: RouteContext, p: Plan, useCache: boolean, out: ChunkOutcome): Reply | Bucket {
  const b = bucketOf(useCache);
  if (quotaRefused(ctx, b)) {
    if (p.cached.size === 0) return businessError(ctx.now, 'RATE_LIMIT_EXCEEDED', rateLimitMessage(ctx, b));
    return reply(ctx, [...p.cached.values()].flat(), `Quota exhausted: ${rateLimitMessage(ctx, b)}`, null);
  }
  ctx.sim.quota.count(b);
  const down = enedisUnavailable(ctx, b);
  if (down) return down;
  for (const [a, z] of groupRanges(p.missing).flatMap(([a, z]) => chunkRange(a, z, 7))) {
    fetchChunk(ctx, p.dir, p.prm, a, z, out);
  }
  return b;
}

function answer(ctx: RouteContext, p: Plan, out: ChunkOutcome, bucket: Bucket | null): Reply {
  const readings = p.days.flatMap((d) => p.cached.get(d) ?? out.fresh.get(d) ?? []);
  if (readings.length === 0) {
    const allBlacklisted = p.days.every((d) => ctx.sim.cache.isBlacklisted(p.dir, p.prm, d, ctx.now));
    if (allBlacklisted && p.days.length > 0) return reply(ctx, [], null, bucket);
    return businessError(ctx.now, 'NO_DATA', 'No data available for the requested period.', bucket);
  }
  const failedMessage = out.failed > 0 ? `${out.failed} upstream chunk(s) failed; some days are missing.` : null;
  return reply(ctx, readings, failedMessage, bucket);
}

export function batchDetail(dir: Direction) {
  return (ctx: RouteContext): Reply => {
    const q = dateQuery(ctx, true);
    if (isReply(q)) return q;
    if (ctx.sim.quirks.feb29Failures && ctx.today.endsWith('-02-29')) {
      return internalError(ctx.now, 'day is out of range for month');
    }
    if (!isLocalDate(q.start) || !isLocalDate(q.end)) {
      return businessError(ctx.now, 'INVALID_DATE_FORMAT', 'Invalid date format. Use YYYY-MM-DD.');
    }
    const spec = ownedPdl(ctx);
    if (isReply(spec)) return spec;
    const p = plan(ctx, dir, spec.usagePointId, q);
    const out: ChunkOutcome = { failed: 0, fresh: new Map() };
    if (p.missing.length === 0) return answer(ctx, p, out, null);
    const bucket = fetchMissing(ctx, p, q.useCache, out);
    return isReply(bucket) ? bucket : answer(ctx, p, out, bucket);
  };
}
