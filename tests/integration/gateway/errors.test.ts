import {
  GatewayAccessDeniedError,
  GatewayAuthError,
  GatewayEnedisError,
  GatewayEnedisUnavailableError,
  GatewayNotActivatedError,
  GatewayPayloadError,
  GatewayQuotaError,
} from '../../../src/gateway/errors.js';
import { PRM } from '../../../src/gateway/simulator/index.js';
import { caught, simulatedGateway } from './harness.js';

const WEEK = { start: '2026-11-18', end: '2026-11-25' };
const MIDNIGHT = Date.parse('2026-11-28T00:00:00Z');
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function gateway(...args: Parameters<typeof simulatedGateway>) {
  const g = await simulatedGateway(...args);
  close = () => g.sim.close();
  return g;
}

describe('each error kind of the simulated gateway surfaces as its typed error', () => {
  it('a wrong client secret → GatewayAuthError, one call', async () => {
    const { client, sim } = await gateway({}, { clientSecret: 'not-the-secret-at-all' });
    const err = await caught(() => client.listUsagePoints());
    expect(err).toBeInstanceOf(GatewayAuthError);
    expect(sim.requestLog).toHaveLength(1);
  });

  it('an inactive or unknown PDL → GatewayAccessDeniedError', async () => {
    const { client } = await gateway();
    expect(await caught(() => client.getDailyEnergy(PRM.oldFlat, 'consumption', WEEK))).toBeInstanceOf(
      GatewayAccessDeniedError,
    );
    expect(await caught(() => client.getContract('01234567890123'))).toBeInstanceOf(GatewayAccessDeniedError);
  });

  it('the cached quota used up → GatewayQuotaError, paused until 00:00 UTC, no further call', async () => {
    const { client, sim } = await gateway();
    sim.exhaust('cached');
    const err = await caught(() => client.getLoadCurve(PRM.house, 'consumption', WEEK));
    expect([err.constructor, err.bucket, err.pausedUntil]).toEqual([GatewayQuotaError, 'cached', MIDNIGHT]);
    expect(client.quotaPausedUntil('cached')).toBe(MIDNIGHT);
    await caught(() => client.getContract(PRM.house));
    expect(sim.requestLog).toHaveLength(1);
  });

  it('the no-cache quota used up → EcoWatt HTTP 429 → GatewayQuotaError on the noCache bucket', async () => {
    const { client, sim } = await gateway();
    sim.exhaust('noCache');
    const err = await caught(() => client.getEcoWattForecast());
    expect([err.constructor, err.bucket]).toEqual([GatewayQuotaError, 'noCache']);
    expect(sim.requestLog[0]?.status).toBe(429);
    expect(client.quotaPausedUntil('cached')).toBeNull();
  });

  it('an injected quotaExhausted fault → GatewayQuotaError', async () => {
    const { client, sim } = await gateway();
    sim.faults.add('/enedis/*', { kind: 'quotaExhausted', times: 1 });
    expect(await caught(() => client.getContract(PRM.house))).toBeInstanceOf(GatewayQuotaError);
  });

  it('ENEDIS_UNAVAILABLE is retried, and surfaces when it lasts', async () => {
    const { client, sim, sleeps } = await gateway();
    sim.faults.add('/enedis/power/*', { kind: 'enedisUnavailable', times: 1 });
    expect((await client.getMaxPower(PRM.house, WEEK)).calls).toBe(2);
    expect(sleeps).toHaveLength(1);
    sim.faults.add('/enedis/power/*', { kind: 'enedisUnavailable' });
    const err = await caught(() => client.getMaxPower(PRM.house, WEEK));
    expect([err.constructor, err.calls]).toEqual([GatewayEnedisUnavailableError, 3]);
  });

  it('an Enedis error on a passthrough route → GatewayEnedisError', async () => {
    const { client, sim } = await gateway();
    sim.faults.add('/enedis/power/*', { kind: 'enedisError' });
    expect(await caught(() => client.getMaxPower(PRM.house, WEEK))).toBeInstanceOf(GatewayEnedisError);
  });

  it('days before the meter activation → GatewayNotActivatedError naming the window', async () => {
    const { client } = await gateway();
    const err = await caught(() => client.getMaxPower(PRM.newHouse, { start: '2025-01-01', end: '2025-06-01' }));
    expect(err).toBeInstanceOf(GatewayNotActivatedError);
    expect(err.range).toEqual({ start: '2025-01-01', end: '2025-06-01' });
  });

  it('a load curve that is not enabled gives no readings, not an error', async () => {
    const { client } = await gateway({ dataset: { overrides: { [PRM.house]: { curveEnabled: false } } } });
    const res = await client.getLoadCurve(PRM.house, 'consumption', WEEK);
    expect([res.data, res.calls]).toEqual([[], 1]);
  });

  it.each([
    ['http500', 2],
    ['reset', 2],
    ['timeout', 2],
    ['truncated', 2],
  ] as const)('a transient %s fault is retried', async (kind, calls) => {
    const { client, sim } = await gateway({}, { timeoutMs: 300 });
    sim.faults.add('/enedis/consumption/detail/batch/*', { kind, times: 1 });
    const res = await client.getLoadCurve(PRM.house, 'consumption', WEEK);
    expect(res.calls).toBe(calls);
    expect(res.data).toHaveLength(7 * 48);
  });

  it('a payload of the wrong shape → GatewayPayloadError at once (the same call gets the same answer)', async () => {
    const { client, sim } = await gateway();
    sim.faults.add('/enedis/consumption/daily/*', { kind: 'schema' });
    const err = await caught(() => client.getDailyEnergy(PRM.house, 'consumption', WEEK));
    expect(err).toBeInstanceOf(GatewayPayloadError);
    expect(err.message).toContain('GET /enedis/consumption/daily/{pdl}');
    expect(sim.requestLog).toHaveLength(1);
  });

  it('token mode works against the simulator', async () => {
    const { client, sim } = await gateway({}, { authMode: 'token', clientId: 'demo-client-id-7f3a9c' });
    expect(await client.listUsagePoints()).toHaveLength(5);
    expect(sim.requestLog.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /api/accounts/token 200',
      'GET /api/pdl 200',
    ]);
  });
});
