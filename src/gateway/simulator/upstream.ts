/**
 * The Enedis API behind the gateway, as the gateway sees it: end exclusive, `start < end`, `end <= today`,
 * span limits, history limits, direction, activation, curve collection, publication time, missing days.
 * It decides which days a call returns; the routes turn days into values through the dataset.
 */
import { addDays, addYears, daysBetween, eachDay, isLocalDate } from '../../domain/time.js';
import type { LocalDate } from '../../domain/types.js';
import type { SimulatedDataset } from './dataset.js';

export type UpstreamKind =
  | 'consumption_daily'
  | 'production_daily'
  | 'consumption_curve'
  | 'production_curve'
  | 'max_power';

export type UpstreamResult = { ok: true; days: LocalDate[] } | { ok: false; code: string; description: string };

export interface UpstreamContext {
  dataset: SimulatedDataset;
  today: LocalDate;
  now: number;
  /** True when an injected `enedisError` fault fires for this call. */
  injectedFailure: () => boolean;
}

const fail = (code: string, description: string): UpstreamResult => ({ ok: false, code, description });

function isCurve(kind: UpstreamKind): boolean {
  return kind === 'consumption_curve' || kind === 'production_curve';
}

function wrongDirection(ctx: UpstreamContext, kind: UpstreamKind, prm: string): boolean {
  const spec = ctx.dataset.pdl(prm);
  if (!spec) return true;
  return kind.startsWith('production') ? !spec.hasProduction : !spec.hasConsumption;
}

function checkRequest(ctx: UpstreamContext, kind: UpstreamKind, prm: string, start: string, end: string) {
  if (!isLocalDate(start) || !isLocalDate(end)) return fail('invalid_request', 'Invalid date format.');
  if (start >= end) return fail('invalid_request', 'The start date must be before the end date.');
  if (end > ctx.today) return fail('invalid_request', 'The end date must be before or equal to today.');
  if (wrongDirection(ctx, kind, prm)) {
    return fail('ADAM-ERR0069', 'The requested data is not available for this usage point direction.');
  }
  const span = daysBetween(start, end);
  if (isCurve(kind) && span > 7) return fail('ADAM-DC-0015', 'The requested period must not exceed 7 days.');
  if (!isCurve(kind) && span > 365) return fail('invalid_request', 'The requested period must not exceed 365 days.');
  const oldest = addDays(addYears(ctx.today, isCurve(kind) ? -2 : -3), -15);
  if (start < oldest) return fail('ADAM-DC-0016', `The start date must not be before ${oldest}.`);
  return null;
}

/** One call to Enedis for `[start, end)`. */
export function callEnedis(
  ctx: UpstreamContext,
  kind: UpstreamKind,
  prm: string,
  start: string,
  end: string,
): UpstreamResult {
  const refused = checkRequest(ctx, kind, prm, start, end);
  if (refused) return refused;
  const spec = ctx.dataset.pdl(prm)!;
  if (start < spec.activationDate) {
    ctx.dataset.oldestAvailableDataDate.set(prm, spec.activationDate);
    return fail('ADAM-ERR0123', 'The requested period starts before the last activation date of the meter.');
  }
  if (isCurve(kind) && !spec.curveEnabled) return fail('no_data_found', 'No load curve data (collection not enabled).');
  if (ctx.injectedFailure()) return fail('technical_error', 'Simulated Enedis technical error.');
  const days = eachDay({ start, end }).filter(
    (d) => ctx.dataset.isPublished(prm, d, ctx.now) && !ctx.dataset.isMissingDay(prm, d),
  );
  if (days.length === 0) return fail('no_data_found', 'No data found for the requested period.');
  return { ok: true, days };
}
