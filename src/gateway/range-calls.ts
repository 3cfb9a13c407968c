/** The ranged gateway calls: planned per endpoint, fetched window by window (see `fetch-range.ts`). */
import type { Clock } from '../domain/clock.js';
import { parisToday } from '../domain/time.js';
import type { CurveReading, DateRange, Direction } from '../domain/types.js';
import type { CallContext } from './call-gateway.js';
import { checkPdl } from './check-pdl.js';
import { fetchPlannedRange } from './fetch-range.js';
import { curveEndpoint, dailyEndpoint, planRequests } from './plan-requests.js';
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
    getLoadCurve: loadCurve('batch'),
    getLoadCurveDetail: loadCurve('detail'),
    async getMaxPower(pdl, range, opts) {
      checkPdl(pdl);
      const calls = planRequests('maxPower', pdl, range, today());
      return fetchPlannedRange(ctx, calls, maxPowerSpec(timeouts.small), opts);
    },
  };
}
