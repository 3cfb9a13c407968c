/**
 * `GET /enedis/consumption/detail/{pdl}` (single window). Ideal: `[start, min(end, today))`, 7-day upstream
 * chunks, sorted. Quirk `detailNoSplitUnsorted`: J-1 cap, each missing range sent as is (> 7 days fails
 * upstream and ends as `NO_DATA`), fresh readings then cached ones. Quota counted only when fetching.
 */
import { addDays, isLocalDate, minDate } from '../../domain/time.js';
import type { LocalDate } from '../../domain/types.js';
import type { ServedReading } from './dataset.js';
import { chunkRange, curveJson, groupRanges, inclusiveDays, isCompleteDay } from './day-ranges.js';
import { bucketOf, countOrRefuse, dateQuery, enedisUnavailable, isReply, ownedPdl } from './enedis-guard.js';
import { businessError, envelope, internalError, type Reply } from './http-kit.js';
import type { RouteContext } from './state.js';
import { callEnedis } from './upstream.js';

type Window = [from: LocalDate, to: LocalDate];

function upstreamWindows(ctx: RouteContext, missing: LocalDate[]): Window[] {
  const ranges = groupRanges(missing);
  if (ctx.sim.quirks.detailNoSplitUnsorted) return ranges;
  return ranges.flatMap(([a, b]) => chunkRange(a, b, 7)).map(([a, b]) => [a, addDays(b, 1)] as Window);
}

function fetchDays(ctx: RouteContext, prm: string, missing: LocalDate[]): Map<LocalDate, ServedReading[]> | Reply {
  const fresh = new Map<LocalDate, ServedReading[]>();
  const wanted = new Set(missing);
  for (const [from, to] of upstreamWindows(ctx, missing)) {
    const res = callEnedis(ctx.upstream, 'consumption_curve', prm, from, to);
    if (!res.ok) {
      if (res.code === 'ADAM-ERR0123') return businessError(ctx.now, 'ADAM-ERR0123', `${res.code}: ${res.description}`);
      continue;
    }
    for (const d of res.days.filter((x) => wanted.has(x))) {
      const readings = ctx.sim.dataset.readings(prm, d, ctx.sim.quirks.endLabels);
      if (isCompleteDay(readings)) ctx.sim.cache.setCurve('consumption', prm, d, readings);
      fresh.set(d, readings);
    }
  }
  return fresh;
}

export function consumptionDetail(ctx: RouteContext): Reply {
  const q = dateQuery(ctx, false);
  if (isReply(q)) return q;
  if (!isLocalDate(q.start) || !isLocalDate(q.end)) return internalError(ctx.now, 'Internal server error');
  const quirk = ctx.sim.quirks.detailNoSplitUnsorted;
  const end = minDate(q.end, quirk ? addDays(ctx.today, -1) : ctx.today);
  const start = q.start >= end ? addDays(end, -1) : q.start;
  const spec = ownedPdl(ctx);
  if (isReply(spec)) return spec;
  const prm = spec.usagePointId;
  const days = inclusiveDays(start, quirk ? end : addDays(end, -1));
  const cached = new Map<LocalDate, ServedReading[]>();
  for (const d of q.useCache ? days : []) {
    const hit = ctx.sim.cache.getCurve('consumption', prm, d);
    if (hit) cached.set(d, hit);
  }
  const missing = days.filter((d) => !cached.has(d));
  const bucket = missing.length > 0 ? bucketOf(q.useCache) : null;
  if (bucket) {
    const refused = countOrRefuse(ctx, bucket) ?? enedisUnavailable(ctx, bucket);
    if (refused) return refused;
  }
  const fresh = missing.length > 0 ? fetchDays(ctx, prm, missing) : new Map<LocalDate, ServedReading[]>();
  if (isReply(fresh)) return { ...fresh, bucket };
  const ordered = quirk
    ? [...fresh.values(), ...cached.values()]
    : days.map((d) => cached.get(d) ?? fresh.get(d) ?? []);
  const readings = ordered.flat();
  if (readings.length === 0)
    return businessError(ctx.now, 'NO_DATA', 'No data available for the requested period.', bucket);
  return envelope(ctx.now, { meter_reading: { interval_reading: curveJson(readings) } }, null, bucket);
}
