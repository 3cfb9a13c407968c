import type { RunningSimulator } from '../../../src/gateway/simulator/index.js';
import { PRM } from '../../../src/gateway/simulator/index.js';
import { call, start } from './helpers.js';

const daily = (useCache: boolean) =>
  `/enedis/consumption/daily/${PRM.house}?start=2026-11-01&end=2026-11-10&use_cache=${useCache}`;

describe('simulator quota counting', () => {
  let sim: RunningSimulator;
  let clock: Awaited<ReturnType<typeof start>>['clock'];
  beforeEach(async () => {
    ({ sim, clock } = await start({ limits: { cachedLimit: 3, noCacheLimit: 2 } }));
  });
  afterEach(() => sim.close());

  it('chooses the bucket by use_cache and refuses at the limit without counting', async () => {
    await call(sim, daily(true));
    await call(sim, `/enedis/contract/${PRM.house}?use_cache=true`);
    await call(sim, daily(false));
    expect(sim.usage()).toEqual({ cached: 2, noCache: 1 });
    await call(sim, daily(false));
    const refused = await call(sim, daily(false));
    expect(refused.status).toBe(200);
    expect(refused.body.error).toEqual({
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Daily rate limit exceeded (2/2). Use cache to increase limit.',
      field: null,
    });
    expect(refused.headers['retry-after']).toBeUndefined();
    expect(sim.usage()).toEqual({ cached: 2, noCache: 2 });
    expect(sim.requestLog.at(-1)).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', bucket: null });
    const stats = await call(sim, '/accounts/usage-stats');
    expect(stats.body.data).toEqual({
      cached_requests: 2,
      no_cache_requests: 2,
      cached_limit: 3,
      no_cache_limit: 2,
      date: '2026-11-27',
    });
  });

  it('resets the counters at 00:00 UTC, not Paris midnight', async () => {
    await call(sim, daily(false));
    await call(sim, daily(false));
    clock.set(Date.parse('2026-11-27T23:30:00Z')); // already 28 November in Paris
    expect((await call(sim, daily(false))).body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    clock.set(Date.parse('2026-11-28T00:00:00Z'));
    expect((await call(sim, daily(false))).body.success).toBe(true);
    expect(sim.usage()).toEqual({ cached: 0, noCache: 1 });
  });

  it('never counts /pdl, /accounts/*, /tempo*, nor ACCESS_DENIED and DATE_TOO_OLD', async () => {
    await call(sim, '/pdl');
    await call(sim, '/accounts/me');
    await call(sim, '/tempo/days?start_date=2026-11-01', { token: null });
    await call(sim, `/enedis/contract/${PRM.oldFlat}?use_cache=true`);
    const old = await call(
      sim,
      `/enedis/consumption/daily/${PRM.house}?start=2023-11-26&end=2023-12-10&use_cache=true`,
    );
    expect(old.body.error.code).toBe('DATE_TOO_OLD');
    expect(old.body.error.message).toContain('2023-11-27');
    expect(sim.usage()).toEqual({ cached: 0, noCache: 0 });
  });

  it('counts the batch and single detail routes only when something must be fetched', async () => {
    const batch = `/enedis/consumption/detail/batch/${PRM.house}?start=2026-11-10&end=2026-11-20`;
    expect((await call(sim, batch)).body.success).toBe(true);
    expect((await call(sim, batch)).body.success).toBe(true);
    const detail = `/enedis/consumption/detail/${PRM.house}?start=2026-11-12&end=2026-11-15&use_cache=true`;
    expect((await call(sim, detail)).body.success).toBe(true);
    expect(sim.usage()).toEqual({ cached: 1, noCache: 0 });
    expect(sim.requestLog.map((e) => e.bucket)).toEqual(['cached', null, null]);
    const del = await call(sim, `/enedis/cache/${PRM.house}`, { method: 'DELETE' });
    expect(del.body).toMatchObject({ success: true, deleted_keys: 11 });
    await call(sim, batch);
    expect(sim.usage()).toEqual({ cached: 2, noCache: 0 });
  });

  it('counts EcoWatt in the no-cache bucket whatever use_cache says, and answers 429 over quota', async () => {
    await call(sim, '/ecowatt/forecast?days=4&use_cache=true');
    await call(sim, '/ecowatt/current');
    expect(sim.usage()).toEqual({ cached: 0, noCache: 2 });
    const over = await call(sim, '/ecowatt/forecast');
    expect(over).toMatchObject({ status: 429, body: { detail: 'Rate limit exceeded: 2/2 requests today' } });
    expect(sim.usage().noCache).toBe(2);
  });

  it('serves cached batch days with PARTIAL_DATA when the quota is exhausted', async () => {
    await call(sim, `/enedis/consumption/detail/batch/${PRM.house}?start=2026-11-10&end=2026-11-11`);
    sim.exhaust('cached');
    const r = await call(sim, `/enedis/consumption/detail/batch/${PRM.house}?start=2026-11-10&end=2026-11-12`);
    expect(r.body.success).toBe(true);
    expect(r.body.error.code).toBe('PARTIAL_DATA');
    expect(r.body.data.meter_reading.interval_reading).toHaveLength(96);
    const none = await call(sim, `/enedis/consumption/detail/batch/${PRM.house}?start=2026-11-01&end=2026-11-02`);
    expect(none.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
  });
});
