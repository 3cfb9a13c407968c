/**
 * EcoWatt routes: authenticated, always counted in the no-cache bucket (whatever `use_cache` says), HTTP 429
 * over quota. `/ecowatt/forecast` returns the published signals whose naive-UTC `periode` lies in
 * `[today 00:00, today+days 00:00)`, which excludes today's own signal (its periode is the evening before).
 */
import { addDays, daysBetween, eachDay, isLocalDate, parisDate } from '../../domain/time.js';
import { type EcoWattPayload, ecowattPublishedAt, ecowattSignal } from './ecowatt-signals.js';
import { detail, envelope, isIssue, parseIntParam, type Reply, raw, validationError } from './http-kit.js';
import type { RouteContext } from './state.js';

const ECOWATT_HISTORY_START = '2022-09-01';

function refuse(ctx: RouteContext): Reply | null {
  const { quota, faults } = ctx.sim;
  if (faults.take(ctx.path, ['quotaExhausted']) !== null || quota.isExhausted('noCache')) {
    const limit = quota.limit('noCache');
    return detail(429, `Rate limit exceeded: ${limit}/${limit} requests today`);
  }
  quota.count('noCache');
  return null;
}

function published(ctx: RouteContext, from: string, to: string): EcoWattPayload[] {
  return eachDay({ start: from, end: to })
    .filter((d) => ctx.now >= ecowattPublishedAt(d))
    .map((d) => ecowattSignal(ctx.sim.seed, d));
}

export function ecowattForecast(ctx: RouteContext): Reply {
  const days = parseIntParam(ctx.query, 'days', 4, 1, 7);
  if (isIssue(days)) return validationError([days]);
  const refused = refuse(ctx);
  if (refused) return refused;
  const lo = `${ctx.today}T00:00:00`;
  const hi = `${addDays(ctx.today, days)}T00:00:00`;
  const list = published(ctx, ctx.today, addDays(ctx.today, days + 1)).filter((s) => s.periode >= lo && s.periode < hi);
  return { ...envelope(ctx.now, list), bucket: 'noCache' };
}

export function ecowattCurrent(ctx: RouteContext): Reply {
  const refused = refuse(ctx);
  if (refused) return refused;
  const today = parisDate(ctx.now);
  const [signal] = published(ctx, today, addDays(today, 1));
  return raw(signal ?? null, 200, 'noCache');
}

export function ecowattHistory(ctx: RouteContext): Reply {
  const today = ctx.today;
  const start = ctx.query.get('start_date') ?? addDays(today, -30);
  const end = ctx.query.get('end_date') ?? addDays(today, 3);
  if (!isLocalDate(start) || !isLocalDate(end)) return detail(400, 'Invalid date format. Use YYYY-MM-DD.');
  if (daysBetween(start, end) > 365) return detail(400, 'Date range cannot exceed 365 days');
  const refused = refuse(ctx);
  if (refused) return refused;
  const from = start < ECOWATT_HISTORY_START ? ECOWATT_HISTORY_START : start;
  return raw(from <= end ? published(ctx, from, addDays(end, 1)) : [], 200, 'noCache');
}
