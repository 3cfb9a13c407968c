import { request } from 'undici';
import { PRM, type RunningSimulator } from '../../../src/gateway/simulator/index.js';
import { call, start } from './helpers.js';

const DAILY = `/enedis/consumption/daily/${PRM.house}?start=2026-11-01&end=2026-11-10&use_cache=true`;
const ROUTE = '/enedis/consumption/daily/*';

describe('simulator fault injection', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    ({ sim } = await start());
  });
  afterEach(() => sim.close());

  it('http500 answers an INTERNAL_ERROR envelope, then stops after `times`', async () => {
    sim.faults.add(ROUTE, { kind: 'http500', times: 1 });
    const r = await call(sim, DAILY);
    expect(r.status).toBe(500);
    expect(r.body.error.code).toBe('INTERNAL_ERROR');
    expect((await call(sim, DAILY)).status).toBe(200);
    expect(sim.requestLog.map((e) => e.fault ?? null)).toEqual(['http500', null]);
  });

  it('timeout hangs until the client gives up', async () => {
    sim.faults.add(ROUTE, { kind: 'timeout', times: 1 });
    const ac = new AbortController();
    const pending = request(`${sim.baseUrl}${DAILY}`, {
      headers: { authorization: `Bearer ${sim.clientSecret}` },
      signal: ac.signal,
    });
    setTimeout(() => ac.abort(), 150);
    await expect(pending).rejects.toThrow();
    expect(sim.requestLog.at(-1)).toMatchObject({ status: 0, fault: 'timeout' });
  });

  it('reset destroys the socket and truncated cuts the body', async () => {
    sim.faults.add(ROUTE, { kind: 'reset', times: 1 });
    await expect(call(sim, DAILY)).rejects.toThrow();
    sim.faults.add(ROUTE, { kind: 'truncated', times: 1 });
    await expect(call(sim, DAILY)).rejects.toThrow();
    expect((await call(sim, DAILY)).body.success).toBe(true);
  });

  it('schema answers valid JSON of the wrong shape', async () => {
    sim.faults.add(ROUTE, { kind: 'schema', times: 1 });
    const r = await call(sim, DAILY);
    expect(r.status).toBe(200);
    expect(r.body).not.toHaveProperty('data');
    expect(r.body).not.toBeNull();
  });

  it('enedisUnavailable, enedisError and quotaExhausted give the business errors', async () => {
    sim.faults.add(ROUTE, { kind: 'enedisUnavailable', times: 1 });
    expect((await call(sim, DAILY)).body.error.code).toBe('ENEDIS_UNAVAILABLE');
    sim.faults.add(ROUTE, { kind: 'enedisError', times: 1 });
    const err = await call(sim, DAILY);
    expect(err.body.error.code).toBe('ENEDIS_ERROR');
    expect(err.body.error.message).toMatch(/^Failed to fetch 2026-11-01 to 2026-11-09: technical_error: /);
    sim.faults.add(ROUTE, { kind: 'quotaExhausted', times: 1 });
    expect((await call(sim, DAILY)).body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    sim.faults.add('/ecowatt/*', { kind: 'quotaExhausted', times: 1 });
    expect((await call(sim, '/ecowatt/forecast')).status).toBe(429);
    expect(sim.usage()).toEqual({ cached: 2, noCache: 0 });
  });

  it('probability draws from the seeded RNG and RegExp patterns work', async () => {
    sim.faults.add(/^\/pdl$/, { kind: 'http500', probability: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await call(sim, '/pdl')).status);
    const fails = statuses.filter((s) => s === 500).length;
    expect(fails).toBeGreaterThan(2);
    expect(fails).toBeLessThan(18);
    const again = await start();
    try {
      again.sim.faults.add(/^\/pdl$/, { kind: 'http500', probability: 0.5 });
      const replay: number[] = [];
      for (let i = 0; i < 20; i++) replay.push((await call(again.sim, '/pdl')).status);
      expect(replay).toEqual(statuses);
    } finally {
      await again.sim.close();
    }
  });

  it('adds latency to every request', async () => {
    sim.faults.latency = 120;
    const t0 = performance.now();
    await call(sim, '/ping', { token: null });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110);
  });
});
