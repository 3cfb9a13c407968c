import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/domain/clock.js';
import { parisNaiveToUtc } from '../../src/domain/time.js';
import { createGatewayClient } from '../../src/gateway/client.js';
import { GatewayAuthError, GatewayEnedisError, GatewayQuotaError } from '../../src/gateway/errors.js';
import { memoryLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/repository.js';
import { SyncEngine } from '../../src/sync/engine.js';
import { type SyncEventMap, SyncEvents } from '../../src/sync/events.js';
import { json, startFakeGateway } from '../gateway/fake-gateway.js';
import { type FakeClient, fakeClient, usagePoint } from './fake-client.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const A = '11111111111111';
const B = '22222222222222';
const ACTIVATION = '2026-11-07';

type Recorded = { [K in keyof SyncEventMap]: { name: K; payload: SyncEventMap[K][0] } }[keyof SyncEventMap];

describe('SyncEngine with a fake gateway and a real SQLite store', () => {
  let dir: string;
  let store: Store;
  let clock: ReturnType<typeof fixedClock>;
  let client: FakeClient;
  let events: SyncEvents;
  let recorded: Recorded[];
  let logger: ReturnType<typeof memoryLogger>;

  const engine = (selection: string[] = []) => new SyncEngine({ store, client, clock, logger, events, selection });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'med-engine-'));
    store = await openStore({ dataDir: dir, logger: memoryLogger() });
    clock = fixedClock(NOW);
    logger = memoryLogger();
    const points = [usagePoint(A, { activationDate: ACTIVATION }), usagePoint(B, { activationDate: ACTIVATION })];
    client = fakeClient(points, clock);
    events = new SyncEvents();
    recorded = [];
    const record =
      <K extends keyof SyncEventMap>(name: K) =>
      (payload: SyncEventMap[K][0]) => {
        recorded.push({ name, payload } as Recorded);
      };
    events.on('sync-started', record('sync-started'));
    events.on('data-changed', record('data-changed'));
    events.on('sync-progress', record('sync-progress'));
    events.on('sync-finished', record('sync-finished'));
    events.on('sync-failed', record('sync-failed'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const named = <K extends keyof SyncEventMap>(name: K): SyncEventMap[K][0][] =>
    recorded.filter((e) => e.name === name).map((e) => e.payload as SyncEventMap[K][0]);

  it('stores only the selected PDLs, under the names the configuration gives them', async () => {
    const names = { [A]: 'Maison' };
    const outcome = await new SyncEngine({ store, client, clock, logger, events, selection: [A], names }).run('full');
    expect(outcome.status).toBe('ok');
    const stored = await store.listUsagePoints();
    expect(stored.map((p) => [p.pdl, p.name])).toEqual([[A, 'Maison']]);
  });

  it('asks every ranged fetch to keep nothing once a chunk is stored, and still stores every chunk', async () => {
    const outcome = await engine([A]).run('full');
    expect(outcome.status).toBe('ok');
    expect(client.calls.filter((c) => /^(daily|curve|power) /.test(c)).length).toBeGreaterThan(0);
    expect(client.collecting).toEqual([]);
    const range = { start: ACTIVATION, end: '2026-11-26' };
    expect((await store.listDaily(A, 'consumption', range)).length).toBe(19);
  });

  it('syncs only the selected PDL and emits data-changed with the ranges it fetched', async () => {
    const outcome = await engine([A]).run('full');
    expect(outcome).toMatchObject({ status: 'ok', calls: 7, failedTasks: 0 });
    expect(client.calls.filter((c) => c.includes(B))).toEqual([]);
    expect(named('data-changed')).toEqual([
      { pdl: A, stream: 'consumption_daily', range: { start: ACTIVATION, end: '2026-11-26' } },
      { pdl: A, stream: 'consumption_curve', range: { start: ACTIVATION, end: '2026-11-27' } },
      // J-1's daily total, out of the daily route's reach, derived from the curve.
      { pdl: A, stream: 'consumption_daily', range: { start: '2026-11-26', end: '2026-11-27' } },
      { pdl: A, stream: 'max_power', range: { start: ACTIVATION, end: '2026-11-27' } },
      // Before 10:30 Paris tomorrow's colour cannot be published yet: asked through today only.
      { pdl: '*', stream: 'tempo', range: { start: '2023-11-27', end: '2026-11-28' } },
    ]);
    const [finished] = named('sync-finished');
    expect(finished?.changed).toEqual([
      { pdl: A, stream: 'consumption_daily', range: { start: ACTIVATION, end: '2026-11-27' } },
      { pdl: A, stream: 'consumption_curve', range: { start: ACTIVATION, end: '2026-11-27' } },
      { pdl: A, stream: 'max_power', range: { start: ACTIVATION, end: '2026-11-27' } },
      { pdl: '*', stream: 'tempo', range: { start: '2023-11-27', end: '2026-11-28' } },
    ]);
    expect((await store.listDaily(A, 'consumption', { start: '2026-11-26', end: '2026-11-27' }))[0]?.wh).toBe(2400);
    expect(recorded[0]).toEqual({ name: 'sync-started', payload: { startedAt: NOW } });
    expect(recorded.at(-1)?.name).toBe('sync-finished');
    // Only the selected PDL is stored and synchronised: the others do not reach the API or the exporters.
    expect((await store.listUsagePoints()).map((p) => p.pdl)).toEqual([A]);
  });

  it('emits progress after every call, with a total from the plan and an ETA from the clock', async () => {
    await engine([A]).run('full');
    const progress = named('sync-progress');
    expect(progress.map((p) => [p.done, p.total, p.etaMs])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((done) => [done, 7, (7 - done) * 1000]),
    );
    expect(progress[0]).toMatchObject({ pdl: A, stream: 'contract', message: `contract ${A}` });
    const lines = logger.lines.filter((l) => l.msg.startsWith('sync ') && l.msg.includes('%'));
    expect(lines.map((l) => l.msg.split(' (')[0])).toEqual([14, 28, 42, 57, 71, 85, 100].map((p) => `sync ${p}%`));
    expect(lines[0]?.msg).toBe(`sync 14% (1/7 calls, ETA about 6 s): contract ${A}`);
  });

  it('refuses a second run while one is going, then accepts one again', async () => {
    let open: () => void = () => undefined;
    client.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const sync = engine([A]);
    const first = sync.run('full');
    expect(await sync.run('full')).toEqual({ status: 'already-running' });
    expect(sync.start()).toBe('already-running');
    expect(sync.state.running).toBe(true);
    open();
    expect(await first).toMatchObject({ status: 'ok' });
    expect(sync.state.running).toBe(false);
    expect(await sync.run('tempo')).toMatchObject({ status: 'ok' });
  });

  it('goes on after a failed stream, records it, and counts it', async () => {
    client.failNext.set('power', new GatewayEnedisError('GET /enedis/power/{pdl}', 'technical_error'));
    const outcome = await engine([A]).run('full');
    expect(outcome).toMatchObject({ status: 'ok', failedTasks: 1 });
    expect(client.calls.some((c) => c.startsWith('tempo'))).toBe(true);
    expect((await store.getStreamState(A, 'max_power'))?.lastError).toMatch(/Enedis answered with an error/);
    expect(logger.lines.some((l) => l.level === 'warn' && l.msg.startsWith('max_power'))).toBe(true);
  });

  it('stops at once with quota-exhausted when the gateway quota is used up', async () => {
    const resume = Date.parse('2026-11-28T00:00:00Z');
    client.failNext.set('daily', new GatewayQuotaError('GET /enedis/consumption/daily/{pdl}', 'cached', resume));
    const outcome = await engine([A]).run('full');
    expect(outcome).toMatchObject({ status: 'quota-exhausted' });
    expect(client.calls.at(-1)).toMatch(/^daily /);
    expect(logger.lines.find((l) => l.level === 'warn')?.msg).toContain('quota exhausted');
  });

  it('fails the run on an authentication error and emits sync-failed', async () => {
    client.failNext.set('contract', new GatewayAuthError('GET /enedis/contract/{pdl}', 401));
    const outcome = await engine([A]).run('full');
    expect(outcome).toMatchObject({ status: 'failed', failedTasks: 1 });
    expect(client.calls).toHaveLength(1);
    expect(named('sync-failed')).toEqual([
      { startedAt: NOW, failedAt: NOW + 1000, code: 'GATEWAY_AUTH', error: expect.stringMatching(/CLIENT_SECRET/) },
    ]);
    expect(named('sync-finished')).toEqual([]);
  });
  it('a shutdown mid-sync leaves no "aborted" error on the stream it interrupted', async () => {
    const e = engine();
    let release: ((err: unknown) => void) | undefined;
    events.on('data-changed', () => {
      client.gate ??= new Promise<void>((_, reject) => {
        release = reject;
      });
    });
    const run = e.run('full');
    for (let i = 0; i < 200 && !release; i++) await new Promise((r) => setTimeout(r, 5));
    expect(release).toBeDefined();
    const stopped = e.stop();
    release!(new DOMException('This operation was aborted', 'AbortError'));
    await stopped;
    expect(await run).toMatchObject({ status: 'failed', error: 'sync stopped by shutdown' });
    const errors = (await store.listStreamStates()).filter((st) => st.lastError !== null);
    expect(errors).toEqual([]);
  });

  it('gives every gateway call of a run the signal a shutdown aborts', async () => {
    expect(await engine().run('full')).toMatchObject({ status: 'ok' });
    for (const method of ['contract', 'address', 'tempo', 'ecowatt', 'daily', 'curve', 'power'])
      expect(client.calls.some((c) => c.startsWith(method))).toBe(true);
    expect(client.unsignalled).toEqual([]);
  });

  it('a shutdown during a gateway back-off ends the run at once (a real client, an hour between retries)', async () => {
    const gw = await startFakeGateway((_req, res) =>
      json(res, { success: false, error: { code: 'UNAVAILABLE', message: 'try later' } }, 503),
    );
    try {
      const gatewayLogger = memoryLogger();
      const real = createGatewayClient({
        baseUrl: gw.baseUrl,
        clientSecret: 'secret',
        clock,
        logger: gatewayLogger,
        retry: { attempts: 4, baseDelayMs: 3_600_000, maxDelayMs: 3_600_000 },
      });
      const e = new SyncEngine({ store, client: real, clock, logger, events });
      const run = e.run('full');
      while (!gatewayLogger.lines.some((l) => l.msg === 'gateway call failed, retrying'))
        await new Promise((r) => setTimeout(r, 2));
      await e.stop();
      expect(await run).toMatchObject({ status: 'failed', error: 'sync stopped by shutdown' });
      expect(gw.requests.length).toBeLessThanOrEqual(2); // one per call begun: nothing retried
    } finally {
      await gw.close();
    }
  });
});
