/** The ranged gateway calls: planned per endpoint, fetched window by window (see `fetch-range.ts`). */
import type { Clock } from '../domain/clock.js';
import { minDate, parisToday } from '../domain/time.js';
import type { CurveReading, DateRange, Direction } from '../domain/types.js';
import type { CallContext } from './call-gateway.js';
import { checkPdl } from './check-pdl.js';
import { fetchPlannedRange } from './fetch-range.js';
import { curveEndpoint, dailyEndpoint, planRequests, reachableRange } from './plan-requests.js';
import { curveSpec, dailySpec, maxPowerSpec } from './range-specs.js';
import type { FetchOptions, FetchResult, GatewayClient } from './types.js';

export interface RangeCalls extends Pick<GatewayClient, 'getDailyEnergy' | 'getLoadCurve' | 'getMaxPower'> {
  getLoadCurveDetail(
    pdl: string,
    direction: Direction,
    range: DateRange,
    options?: FetchOptions<CurveReading[]>,
  ): Promise<FetchResult<CurveReading[]>>;
}

export function rangeCalls(ctx: CallContext, clock: Clock, timeouts: { batch: number; small: number }): RangeCalls {
  const today = () => parisToday(clock.now());
  const loadCurve =
    (mode: 'batch' | 'detail') =>
    async (pdl: string, direction: Direction, range: DateRange, opts?: FetchOptions<CurveReading[]>) => {
      checkPdl(pdl);
      const endpoint = curveEndpoint(direction, mode);
      const timeout = mode === 'batch' ? timeouts.batch : timeouts.small;
      const spec = curveSpec(timeout, ctx.logger, endpoint);
      return fetchPlannedRange(ctx, planRequests(endpoint, pdl, range, today()), spec, opts);
    };
  return {
    async getDailyEnergy(pdl, direction, range, opts) {
      checkPdl(pdl);
      const calls = planRequests(dailyEndpoint(direction), pdl, range, today());
      return fetchPlannedRange(ctx, calls, dailySpec(timeouts.small), opts);
    },
    // Days older than the batch route's 729 go through the single-window route, which still reaches them.
    async getLoadCurve(pdl, direction, range, opts) {
      const batchStart = reachableRange(curveEndpoint(direction, 'batch'), today()).start;
      if (range.start >= batchStart) return loadCurve('batch')(pdl, direction, range, opts);
      const older = { start: range.start, end: minDate(range.end, batchStart) };
      const newer = range.end > batchStart ? { start: batchStart, end: range.end } : null;
      // Older days first: the single-window route drops the last missing day before a day its cache holds.
      const results = [await loadCurve('detail')(pdl, direction, older, opts)];
      if (newer) results.push(await loadCurve('batch')(pdl, direction, newer, opts));
      return {
        data: results.flatMap((r) => r.data),
        partial: results.some((r) => r.partial),
        calls: results.reduce((n, r) => n + r.calls, 0),
      };
    },
    getLoadCurveDetail: loadCurve('detail'),
    async getMaxPower(pdl, range, opts) {
      checkPdl(pdl);
      const calls = planRequests('maxPower', pdl, range, today());
      return fetchPlannedRange(ctx, calls, maxPowerSpec(timeouts.small), opts);
    },
  };
}
