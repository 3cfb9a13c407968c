/** An in-memory GatewayClient for engine tests: whole days of data, one chunk per call, a call counter. */
import type { Clock } from '../../src/domain/clock.js';
import { addDays, daysBetween, eachDay, parisMidnightUtc } from '../../src/domain/time.js';
import type { DateRange, LocalDate, UsagePoint } from '../../src/domain/types.js';
import type { Chunk, FetchOptions, GatewayClient } from '../../src/gateway/types.js';

export function usagePoint(pdl: string, over: Partial<UsagePoint> = {}): UsagePoint {
  return {
    id: `uuid-${pdl}`,
    pdl,
    name: `gateway name ${pdl}`,
    subscribedPowerKva: 6,
    offpeakHours: [],
    pricingOption: 'BASE',
    hasConsumption: true,
    hasProduction: false,
    isActive: true,
    activationDate: null,
    oldestAvailableDataDate: null,
    linkedProductionPdlId: null,
    ...over,
  };
}

export interface FakeClient extends GatewayClient {
  /** `method pdl start..end` of every call, in order. */
  calls: string[];
  /** Throw this (once) on the next call of `method`. */
  failNext: Map<string, Error>;
  /** Resolve to let calls go on (for concurrency tests); null: never wait. */
  gate: Promise<void> | null;
  /** `method pdl` of every ranged fetch asked to collect its rows (no `collect: false`). */
  collecting: string[];
  /** Methods called without an abort signal (a stop could not end them). */
  unsignalled: string[];
}

/** Window the fake answers per call (days), like the real routes' limits. */
const SPAN = 365;

export function fakeClient(points: UsagePoint[], clock: Clock & { advance(ms: number): void }, msPerCall = 1000) {
  const calls: string[] = [];
  const failNext = new Map<string, Error>();
  const client: FakeClient = {
    calls,
    failNext,
    gate: null,
    collecting: [],
    unsignalled: [],
    quotaPausedUntil: () => null,
    listUsagePoints: async (opts) => {
      signalled('pdl', opts);
      return points;
    },
    getContract: async (pdl, opts) => {
      signalled('contract', opts);
      await call('contract', pdl, null);
      return {
        pdl,
        segment: 'C5',
        subscribedPowerKva: 6,
        offpeakHours: [],
        distributionTariff: null,
        contractType: null,
        contractStatus: null,
        usagePointStatus: null,
        meterType: null,
        lastActivationDate: null,
        lastDistributionTariffChangeDate: null,
      };
    },
    getAddress: async (pdl, opts) => {
      signalled('address', opts);
      await call('address', pdl, null);
      const none = { street: null, locality: null, postalCode: null, inseeCode: null, city: null, country: null };
      return { pdl, ...none, latitude: null, longitude: null };
    },
    getDailyEnergy: (pdl, _dir, range, opts) => ranged('daily', pdl, range, opts, (d) => [{ date: d, wh: 1000 }]),
    getLoadCurve: (pdl, _dir, range, opts) =>
      ranged('curve', pdl, range, opts, (d) =>
        Array.from({ length: 24 }, (_, h) => ({ start: parisMidnightUtc(d) + h * 3_600_000, minutes: 60, w: 100 })),
      ),
    getMaxPower: (pdl, range, opts) =>
      ranged('power', pdl, range, opts, (d) => [{ date: d, va: 3000, at: parisMidnightUtc(d) }]),
    getTempoDays: async (range, opts) => {
      signalled('tempo', opts);
      await call('tempo', '*', range);
      return eachDay(range).map((date) => ({ date, color: 'BLUE' as const }));
    },
    getEcoWattForecast: async (_days, opts) => {
      signalled('ecowatt', opts);
      await call('ecowatt', '*', null);
      return [];
    },
    getUsageStats: async (opts) => {
      signalled('usage-stats', opts);
      return { cachedRequests: 3, noCacheRequests: 1, cachedLimit: 1000, noCacheLimit: 50, date: '' };
    },
  };

  function signalled(method: string, opts: { signal?: AbortSignal } | undefined): void {
    if (!(opts?.signal instanceof AbortSignal)) client.unsignalled.push(method);
  }

  async function call(method: string, pdl: string, range: DateRange | null): Promise<void> {
    if (client.gate !== null) await client.gate;
    calls.push(`${method} ${pdl}${range ? ` ${range.start}..${range.end}` : ''}`);
    clock.advance(msPerCall);
    const err = failNext.get(method);
    if (err) {
      failNext.delete(method);
      throw err;
    }
  }

  async function ranged<T>(
    method: string,
    pdl: string,
    range: DateRange,
    opts: FetchOptions<T[]> | undefined,
    rows: (d: LocalDate) => T[],
  ) {
    signalled(method, opts);
    const all: T[] = [];
    let made = 0;
    if (opts?.collect !== false) client.collecting.push(`${method} ${pdl}`);
    for (let start = range.start; start < range.end; ) {
      const end = daysBetween(start, range.end) > SPAN ? addDays(start, SPAN) : range.end;
      await call(method, pdl, { start, end });
      made++;
      const chunk: Chunk<T[]> = { range: { start, end }, data: eachDay({ start, end }).flatMap(rows), partial: false };
      if (opts?.collect !== false) all.push(...chunk.data);
      await opts?.onChunk?.(chunk);
      start = end;
    }
    return { data: all, partial: false, calls: made };
  }
  return client;
}
