/**
 * `GET /enedis/consumption/daily/{pdl}`. Ideal: `[start, min(end, today))`. Quirk `dailyEndCappedExclusive`:
 * the real gateway's processing order (cap `end` to J-1, list `start..end` inclusive, send each missing range
 * with its last day as Enedis' exclusive end, a one-day range extended backwards), so J-1 is never returned.
 */
import { addDays, addYears, isLocalDate, minDate } from '../../domain/time.js';
import type { LocalDate } from '../../domain/types.js';
import { groupRanges, inclusiveDays } from './day-ranges.js';
import { bucketOf, countOrRefuse, dateQuery, enedisUnavailable, isReply, ownedPdl } from './enedis-guard.js';
import { businessError, envelope, type Reply } from './http-kit.js';
import type { RouteContext } from './state.js';
import { callEnedis } from './upstream.js';

function readingType(unit: 'Wh' | 'W') {
  return { unit, measurement_kind: 'energy', aggregate: 'sum', measuring_period: 'P1D' };
}

interface Fetched {
  values: Map<LocalDate, number>;
  failures: string[];
}

function fetchMissing(ctx: RouteContext, prm: string, missingDays: LocalDate[], requested: Set<LocalDate>): Fetched {
  const quirk = ctx.sim.quirks.dailyEndCappedExclusive;
  const out: Fetched = { values: new Map(), failures: [] };
  for (const [a, b] of groupRanges(missingDays)) {
    const [from, to] = quirk ? (a === b ? [addDays(a, -1), a] : [a, b]) : [a, addDays(b, 1)];
    const res = callEnedis(ctx.upstream, 'consumption_daily', prm, from, to);
    if (!res.ok) {
      if (res.code !== 'no_data_found')
        out.failures.push(`Failed to fetch ${a} to ${b}: ${res.code}: ${res.description}`);
      continue;
    }
    for (const d of res.days) {
      if (!requested.has(d)) continue;
      const wh = ctx.sim.dataset.dailyWh(prm, d);
      ctx.sim.cache.setDaily(prm, d, wh, ctx.now);
      out.values.set(d, wh);
    }
  }
  return out;
}

export function consumptionDaily(ctx: RouteContext): Reply {
  const q = dateQuery(ctx, false);
  if (isReply(q)) return q;
  const { quirks } = ctx.sim;
  const badDate = 'Invalid date format. Use YYYY-MM-DD.';
  if (quirks.feb29Failures && ctx.today.endsWith('-02-29'))
    return businessError(ctx.now, 'INVALID_DATE_FORMAT', badDate);
  if (!isLocalDate(q.start) || !isLocalDate(q.end)) return businessError(ctx.now, 'INVALID_DATE_FORMAT', badDate);
  const end = minDate(q.end, quirks.dailyEndCappedExclusive ? addDays(ctx.today, -1) : ctx.today);
  const start = q.start >= end ? addDays(end, -1) : q.start;
  const oldest = addYears(ctx.today, -3);
  if (start < oldest) {
    return businessError(ctx.now, 'DATE_TOO_OLD', `Start date is too old. Oldest date available: ${oldest}.`);
  }
  const spec = ownedPdl(ctx);
  if (isReply(spec)) return spec;
  const bucket = bucketOf(q.useCache);
  const refused = countOrRefuse(ctx, bucket) ?? enedisUnavailable(ctx, bucket);
  if (refused) return refused;
  const days = inclusiveDays(start, quirks.dailyEndCappedExclusive ? end : addDays(end, -1));
  const cached = new Map<LocalDate, number>();
  for (const d of q.useCache ? days : []) {
    const wh = ctx.sim.cache.getDaily(spec.usagePointId, d, ctx.now);
    if (wh !== undefined) cached.set(d, wh);
  }
  const fetched = fetchMissing(
    ctx,
    spec.usagePointId,
    days.filter((d) => !cached.has(d)),
    new Set(days),
  );
  const all = new Map([...cached, ...fetched.values]);
  if (all.size === 0 && fetched.failures.length > 0) {
    return businessError(ctx.now, 'ENEDIS_ERROR', fetched.failures.join('; '), bucket);
  }
  const unit = all.size === 0 && quirks.readingTypeFallbackW ? 'W' : 'Wh';
  const interval_reading = [...all.keys()].sort().map((d) => ({ value: String(all.get(d)), date: d }));
  return envelope(ctx.now, { meter_reading: { reading_type: readingType(unit), interval_reading } }, null, bucket);
}
