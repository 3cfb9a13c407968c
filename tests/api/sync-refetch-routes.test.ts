/**
 * `POST /api/sync` for one PDL and `POST /api/pdls/{pdl}/refetch`, on the real sync engine with the
 * gateway simulator and a real SQLite store; every answer is checked against the OpenAPI document.
 */
import { parisNaiveToUtc } from '../../src/domain/time.js';
import { PRM } from '../../src/gateway/simulator/index.js';
import { type ControlHarness, startControlHarness } from './control-harness.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const JUNE = { start: '2026-06-01', end: '2026-06-11' };
const REFETCH = '/api/pdls/{pdl}/refetch';
const refetchUrl = (pdl: string) => `/api/pdls/${pdl}/refetch`;
let h: ControlHarness;
afterEach(() => h.close());

/** PDLs named in the gateway paths logged since `from`. */
function askedPdls(from = 0): string[] {
  const paths = h.sync.sim.requestLog.slice(from).map((e) => e.path.match(/\/enedis\/.*\/(\d{14})$/)?.[1]);
  return [...new Set(paths.filter((p): p is string => p !== undefined))];
}

describe('POST /api/sync with a pdl', () => {
  it('syncs that PDL only (202), then keeps the cool-down for every sync (429)', async () => {
    h = await startControlHarness({ nowMs: NOW, cooldownMs: 60_000 });
    await h.sync.engine.run('full');
    const from = h.sync.sim.requestLog.length;
    h.sync.clock.advance(86_400_000);
    const res = await h.call('POST', '/api/sync', '/api/sync', { pdl: PRM.house });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'started', pdl: PRM.house });
    expect((await h.call('POST', '/api/sync', '/api/sync', {})).statusCode).toBe(429);
    await h.idle();
    expect(askedPdls(from)).toEqual([PRM.house]);
    expect(h.sync.sim.requestLog.slice(from).some((e) => /tempo|ecowatt/.test(e.path))).toBe(false);
  }, 120_000);

  it('answers 409 while a sync runs', async () => {
    h = await startControlHarness({ nowMs: NOW });
    await h.sync.engine.run({ pdl: PRM.house });
    const running = h.sync.engine.run('full');
    const res = await h.call('POST', '/api/sync', '/api/sync', { pdl: PRM.house });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('sync_running');
    await running;
  }, 120_000);

  it('answers 404 for an unknown PDL, 400 naming the field for a malformed one or an unknown field', async () => {
    h = await startControlHarness({ nowMs: NOW });
    await h.sync.engine.run({ pdl: PRM.house });
    const unknown = await h.call('POST', '/api/sync', '/api/sync', { pdl: '11112222333344' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/^unknown PDL 11112222333344: GET \/api\/pdls lists/);
    const malformed = await h.call('POST', '/api/sync', '/api/sync', { pdl: '0911-1642' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toMatch(/^pdl "0911-1642" is not a PDL: use the 14-digit number/);
    const number = await h.call('POST', '/api/sync', '/api/sync', { pdl: 9111642617347 });
    expect(number.json().error.message).toMatch(/^pdl must be the 14-digit PDL as a string/);
    const extra = await h.call('POST', '/api/sync', '/api/sync', { pdls: [PRM.house] });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toMatch(/\{"pdl":"<14 digits>"\}/);
    expect(h.sync.engine.state.running).toBe(false);
  }, 120_000);

  it('answers 409 for a PDL the pdls setting leaves out', async () => {
    h = await startControlHarness({ nowMs: NOW, selection: [PRM.house] });
    await h.sync.store.upsertUsagePoints(await h.sync.engine.options.client.listUsagePoints(), NOW);
    const res = await h.call('POST', '/api/sync', '/api/sync', { pdl: PRM.oldFlat });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/the pdls setting leaves it out; add it there/);
  }, 60_000);
});

describe('POST /api/pdls/{pdl}/refetch', () => {
  beforeEach(async () => {
    h = await startControlHarness({ nowMs: NOW });
    await h.sync.engine.run({ pdl: PRM.house });
  }, 120_000);

  it('dry run: the planned calls of the range and their quota, asking nothing', async () => {
    const from = h.sync.sim.requestLog.length;
    const body = { streams: ['consumption_daily', 'max_power'], ...JUNE, dryRun: true };
    const res = await h.call('POST', REFETCH, refetchUrl(PRM.house), body);
    expect(res.statusCode).toBe(200);
    const answer = res.json();
    expect(answer).toMatchObject({ status: 'dry-run', pdl: PRM.house, ...JUNE, quotaUnits: { noCache: 0 } });
    expect(answer.streams).toEqual([
      { stream: 'consumption_daily', ...JUNE },
      { stream: 'max_power', ...JUNE },
    ]);
    const refetched = answer.tasks.filter((t: { refetch: boolean }) => t.refetch);
    expect(refetched.map((t: { stream: string }) => t.stream).sort()).toEqual(['consumption_daily', 'max_power']);
    expect(refetched.every((t: { start: string; end: string }) => t.start <= JUNE.start && t.end >= JUNE.end)).toBe(
      true,
    );
    const calls = answer.tasks.reduce((n: number, t: { calls: number }) => n + t.calls, 0);
    expect(answer.calls).toBe(calls);
    expect(answer.quotaUnits.cached).toBe(calls);
    expect(h.sync.sim.requestLog.length).toBe(from);
  });

  it('clips the range to the horizons and starts the PDL sync, replacing the days with the answer', async () => {
    const held = await h.sync.store.listDaily(PRM.house, 'consumption', JUNE);
    await h.sync.store.upsertDaily(PRM.house, 'consumption', [{ date: '2026-06-03', wh: 1 }]);
    const body = { streams: ['consumption_daily'], start: JUNE.start, end: '2027-01-01' };
    const res = await h.call('POST', REFETCH, refetchUrl(PRM.house), body);
    expect(res.statusCode).toBe(202);
    const answer = res.json();
    expect(answer.status).toBe('started');
    // Consumption daily stops at J-2 (2026-11-25): the range ends there.
    expect(answer.streams).toEqual([{ stream: 'consumption_daily', start: JUNE.start, end: '2026-11-26' }]);
    const from = h.sync.sim.requestLog.length;
    await h.idle();
    const daily = h.sync.sim.requestLog.slice(from).filter((e) => e.path.includes('/consumption/daily/'));
    const planned = answer.tasks.filter((t: { stream: string }) => t.stream === 'consumption_daily');
    expect(daily).toHaveLength(planned.reduce((n: number, t: { calls: number }) => n + t.calls, 0));
    expect(await h.sync.store.listDaily(PRM.house, 'consumption', JUNE)).toEqual(held);
  }, 120_000);

  it('answers 400 naming the field and the fix', async () => {
    const cases: [object, RegExp][] = [
      [
        { start: '2026-06-10', end: '2026-06-01' },
        /^end \(2026-06-01\) must be after start \(2026-06-10\): end is exclusive, e\.g\. end=2026-06-11/,
      ],
      [{ start: '2026-06-31', end: '2026-07-01' }, /^start must be a calendar date written YYYY-MM-DD/],
      [{ start: '2026-06-01' }, /^end is required: the body is \{"start":"YYYY-MM-DD"/],
      [
        { start: '2026-11-27', end: '2026-12-01' },
        /^start \(2026-11-27\) is past the newest day the gateway serves .*: use start=2026-11-26 or earlier/,
      ],
      [
        { start: '2019-01-01', end: '2020-01-01' },
        /^end \(2020-01-01\) is before the oldest day the gateway serves .*: use end after 20/,
      ],
      [{ ...JUNE, streams: ['tempo'] }, /^streams must be a non-empty list of consumption_daily/],
      [
        { ...JUNE, streams: ['production_daily'] },
        /^streams: PDL 09111642617347 has no production_daily stream; its streams are /,
      ],
      [{ ...JUNE, dryRun: 'yes' }, /^dryRun must be true or false/],
      [{ ...JUNE, force: true }, /^unknown field "force": the body is/],
    ];
    for (const [body, message] of cases) {
      const res = await h.call('POST', REFETCH, refetchUrl(PRM.house), body);
      expect([res.statusCode, res.json().error.message]).toEqual([400, expect.stringMatching(message)]);
    }
    const unknown = await h.call('POST', REFETCH, refetchUrl('11112222333344'), { ...JUNE, dryRun: true });
    expect(unknown.statusCode).toBe(404);
    expect(h.sync.engine.state.running).toBe(false);
  });

  it('answers 409 while a sync runs', async () => {
    const running = h.sync.engine.run('full');
    const res = await h.call('POST', REFETCH, refetchUrl(PRM.house), JUNE);
    expect(res.statusCode).toBe(409);
    await running;
  }, 120_000);
});
