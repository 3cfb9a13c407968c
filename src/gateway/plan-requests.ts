/**
 * Request planning, pure: for an endpoint, a PDL, a requested range of local days (end exclusive) and
 * today (Paris), the exact gateway calls to make. Each endpoint's date semantics (`ENDPOINT_RULES`)
 * are respected, the range is clamped to what is reachable, the fewest calls are used, windows are
 * balanced (never a one-day window when avoidable) and the newest window comes first (users see recent
 * data first), except on the two routes whose cache quirk needs the oldest first (see `oldestFirst`).
 */
import { addDays, addYears, daysBetween, maxDate, minDate } from '../domain/time.js';
import type { DateRange, Direction, LocalDate } from '../domain/types.js';

export type RangeEndpoint =
  | 'consumptionDaily'
  | 'consumptionCurveBatch'
  | 'consumptionCurveDetail'
  | 'productionDaily'
  | 'productionCurveBatch'
  | 'productionCurveDetail'
  | 'maxPower';

export interface PlannedCall {
  endpoint: RangeEndpoint;
  path: string;
  /** Query parameters in the order they are sent. */
  query: Record<string, string>;
  /** Local days this call covers (end exclusive). */
  range: DateRange;
}

interface EndpointRule {
  /** Path template, `{pdl}` replaced. */
  path: string;
  /** Oldest reachable day. */
  oldest(today: LocalDate): LocalDate;
  /** Exclusive end of the reachable days. */
  end(today: LocalDate): LocalDate;
  /** Most days per call. */
  maxDays: number;
  /** The gateway reads `end` as inclusive (batch routes). */
  inclusiveEnd: boolean;
  /**
   * Windows oldest first. The real gateway's consumption daily and single-window detail routes drop the
   * last MISSING day before a day already in its per-day cache (each missing range goes upstream with
   * its last day as the exclusive end). Asked newest first, every older window would lose its last day
   * (the newer window's days are cached by then); asked oldest first, the dropped day is always the one
   * just past the window, which the next window fetches.
   */
  oldestFirst: boolean;
}

/** Daily consumption: `start >= today - 3 years` or `DATE_TOO_OLD`. */
export const DAILY_HISTORY = { years: 3, start: (today: LocalDate): LocalDate => addYears(today, -3) };

/**
 * Load-curve batch horizon: `start >= today - 2 years`, and the gateway serves at most 729 days counted
 * inclusively (`(end - start) + 1 > 729` moves the start forward without saying so), `end` at most J-1.
 * So the batch reaches the 729 days before today, in one call; the days before them, down to Enedis' 24
 * months + 15 days (`DETAIL_HISTORY`), go through the single-window route, 7 days a call (the curve
 * stream's `older` horizon, `streams/energy-streams.ts`).
 */
export const CURVE_HISTORY = {
  years: 2,
  maxDays: 729,
  start: (today: LocalDate): LocalDate => maxDate(addYears(today, -2), addDays(today, -729)),
};

/** Passthrough routes (production daily, max power): Enedis keeps 36 months + 15 days. */
export const PASSTHROUGH_DAILY_HISTORY = {
  start: (today: LocalDate): LocalDate => addDays(addYears(today, -3), -15),
};

/** Single-window load curve (Enedis): 24 months + 15 days. */
export const DETAIL_HISTORY = { start: (today: LocalDate): LocalDate => addDays(addYears(today, -2), -15) };

const yesterday = (today: LocalDate): LocalDate => addDays(today, -1);
const sameDay = (today: LocalDate): LocalDate => today;

export const ENDPOINT_RULES: Record<RangeEndpoint, EndpointRule> = {
  // Capped to J-1, then exclusive: the newest day returned is J-2.
  consumptionDaily: {
    path: '/enedis/consumption/daily/{pdl}',
    oldest: DAILY_HISTORY.start,
    end: yesterday,
    maxDays: 365,
    inclusiveEnd: false,
    oldestFirst: true,
  },
  consumptionCurveDetail: {
    path: '/enedis/consumption/detail/{pdl}',
    oldest: DETAIL_HISTORY.start,
    end: yesterday,
    maxDays: 7,
    inclusiveEnd: false,
    oldestFirst: true,
  },
  // Inclusive end capped to J-1: J-1 is reachable.
  consumptionCurveBatch: {
    path: '/enedis/consumption/detail/batch/{pdl}',
    oldest: CURVE_HISTORY.start,
    end: sameDay,
    maxDays: CURVE_HISTORY.maxDays,
    inclusiveEnd: true,
    oldestFirst: false,
  },
  productionCurveBatch: {
    path: '/enedis/production/detail/batch/{pdl}',
    oldest: CURVE_HISTORY.start,
    end: sameDay,
    maxDays: CURVE_HISTORY.maxDays,
    inclusiveEnd: true,
    oldestFirst: false,
  },
  // Passthrough (Enedis rules): end exclusive, `end <= today`.
  productionDaily: {
    path: '/enedis/production/daily/{pdl}',
    oldest: PASSTHROUGH_DAILY_HISTORY.start,
    end: sameDay,
    maxDays: 365,
    inclusiveEnd: false,
    oldestFirst: false,
  },
  maxPower: {
    path: '/enedis/power/{pdl}',
    oldest: PASSTHROUGH_DAILY_HISTORY.start,
    end: sameDay,
    maxDays: 365,
    inclusiveEnd: false,
    oldestFirst: false,
  },
  productionCurveDetail: {
    path: '/enedis/production/detail/{pdl}',
    oldest: DETAIL_HISTORY.start,
    end: sameDay,
    maxDays: 7,
    inclusiveEnd: false,
    oldestFirst: false,
  },
};

export function dailyEndpoint(direction: Direction): RangeEndpoint {
  return direction === 'consumption' ? 'consumptionDaily' : 'productionDaily';
}

export function curveEndpoint(direction: Direction, mode: 'batch' | 'detail' = 'batch'): RangeEndpoint {
  if (direction === 'consumption') return mode === 'batch' ? 'consumptionCurveBatch' : 'consumptionCurveDetail';
  return mode === 'batch' ? 'productionCurveBatch' : 'productionCurveDetail';
}

/** The days an endpoint can return today (end exclusive); may be empty. */
export function reachableRange(endpoint: RangeEndpoint, today: LocalDate): DateRange {
  const rule = ENDPOINT_RULES[endpoint];
  return { start: rule.oldest(today), end: rule.end(today) };
}

/** `range` clamped to what `endpoint` can return; null when nothing of it is reachable. */
export function clampToReachable(endpoint: RangeEndpoint, range: DateRange, today: LocalDate): DateRange | null {
  const reach = reachableRange(endpoint, today);
  const start = maxDate(range.start, reach.start);
  const end = minDate(range.end, reach.end);
  return start < end ? { start, end } : null;
}

/**
 * Splits `days` days into the fewest windows of at most `maxDays`, balanced (sizes differ by at most
 * one day), so a one-day window only happens when the whole range is one day. Sizes newest first.
 */
export function balancedWindowSizes(days: number, maxDays: number): number[] {
  if (days <= 0) return [];
  const count = Math.ceil(days / maxDays);
  const base = Math.floor(days / count);
  const extra = days % count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}

function buildCall(endpoint: RangeEndpoint, pdl: string, window: DateRange): PlannedCall {
  const rule = ENDPOINT_RULES[endpoint];
  const end = rule.inclusiveEnd ? addDays(window.end, -1) : window.end;
  return {
    endpoint,
    path: rule.path.replace('{pdl}', pdl),
    query: { start: window.start, end, use_cache: 'true' },
    range: window,
  };
}

/**
 * Daily consumption answers nothing for a one-day window (gateway quirk), so a lone day is asked with
 * the day before it when that day is reachable; `range` (the days kept) stays the lone day.
 */
function widenLoneDailyWindow(call: PlannedCall, today: LocalDate): PlannedCall {
  if (call.endpoint !== 'consumptionDaily' || daysBetween(call.range.start, call.range.end) !== 1) return call;
  const start = addDays(call.range.start, -1);
  if (start < ENDPOINT_RULES.consumptionDaily.oldest(today)) return call;
  return { ...call, query: { ...call.query, start } };
}

/**
 * The exact calls for `range` (end exclusive), newest window first (oldest first where the gateway
 * needs it, see `oldestFirst`); `[]` when nothing is reachable.
 */
export function planRequests(endpoint: RangeEndpoint, pdl: string, range: DateRange, today: LocalDate): PlannedCall[] {
  const clamped = clampToReachable(endpoint, range, today);
  if (!clamped) return [];
  const rule = ENDPOINT_RULES[endpoint];
  const calls: PlannedCall[] = [];
  let end = clamped.end;
  for (const size of balancedWindowSizes(daysBetween(clamped.start, clamped.end), rule.maxDays)) {
    const start = addDays(end, -size);
    calls.push(widenLoneDailyWindow(buildCall(endpoint, pdl, { start, end }), today));
    end = start;
  }
  return rule.oldestFirst ? calls.reverse() : calls;
}
