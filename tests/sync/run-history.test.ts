/**
 * The sync run history in a real SQLite store: the engine records each run it ends (ok, quota-exhausted,
 * failed, with its scope, calls and error), newest first; the list keeps the newest 20 runs; an unreadable
 * record reads as no history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/domain/clock.js';
import { parisNaiveToUtc } from '../../src/domain/time.js';
import { GatewayAuthError, GatewayQuotaError } from '../../src/gateway/errors.js';
import { memoryLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/repository.js';
import { SyncEngine } from '../../src/sync/engine.js';
import { SyncEvents } from '../../src/sync/events.js';
import {
  appendRunHistory,
  RUN_HISTORY_LIMIT,
  RunHistoryRecorder,
  type RunRecord,
  readRunHistory,
} from '../../src/sync/run-history.js';
import { fakeClient, usagePoint } from './fake-client.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const A = '11111111111111';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'med-history-'));
  store = await openStore({ dataDir: dir, logger: memoryLogger() });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (i: number): RunRecord => ({
  startedAt: NOW + i * 60_000,
  finishedAt: NOW + i * 60_000 + 5000,
  scope: 'full',
  outcome: 'ok',
  calls: i,
  failedTasks: 0,
  error: null,
});

it('keeps the newest runs first, at most 20, across a reopened store', async () => {
  expect(await readRunHistory(store)).toEqual([]);
  for (let i = 1; i <= 25; i++) await appendRunHistory(store, run(i));
  await store.close();
  store = await openStore({ dataDir: dir, logger: memoryLogger() });
  const runs = await readRunHistory(store);
  expect(RUN_HISTORY_LIMIT).toBe(20);
  expect(runs).toHaveLength(20);
  expect(runs.map((r) => r.calls)).toEqual(Array.from({ length: 20 }, (_, i) => 25 - i));
  await appendRunHistory(store, run(26), 3);
  expect((await readRunHistory(store)).map((r) => r.calls)).toEqual([26, 25, 24]);
});

it('reads an unreadable record as no history', async () => {
  await store.setCursor('sync-history', 'runs', '{"not": "a list"');
  expect(await readRunHistory(store)).toEqual([]);
  await store.setCursor('sync-history', 'runs', JSON.stringify([{ startedAt: 'yesterday' }]));
  expect(await readRunHistory(store)).toEqual([]);
});

it('the engine records each run it ends: ok, quota-exhausted, failed, with scope, calls and error', async () => {
  const clock = fixedClock(NOW);
  const client = fakeClient([usagePoint(A, { activationDate: '2026-11-07' })], clock);
  const engine = new SyncEngine({ store, client, clock, logger: memoryLogger(), events: new SyncEvents() });
  client.failNext.set('contract', new GatewayAuthError('GET /enedis/contract/{pdl}', 401));
  const first = await engine.run('full');
  const second = await engine.run('full');
  const resume = Date.parse('2026-11-28T00:00:00Z');
  client.failNext.set('daily', new GatewayQuotaError('GET /enedis/consumption/daily/{pdl}', 'cached', resume));
  const third = await engine.run({ pdl: A });
  expect([first.status, second.status, third.status]).toEqual(['failed', 'ok', 'quota-exhausted']);
  const runs = await readRunHistory(store);
  expect(runs.map((r) => [r.scope, r.outcome])).toEqual([
    [`PDL ${A}`, 'quota-exhausted'],
    ['full', 'ok'],
    ['full', 'failed'],
  ]);
  const calls = [third, second, first].map((o) => (o.status === 'already-running' ? -1 : o.calls));
  expect(runs.map((r) => r.calls)).toEqual(calls);
  expect(runs[1]!.calls).toBeGreaterThan(0);
  expect(runs[1]!.error).toBeNull();
  expect(runs[0]!.error?.code).toBe('QUOTA_EXHAUSTED');
  expect(runs[2]!.error).toEqual({ code: 'GATEWAY_AUTH', message: expect.stringMatching(/CLIENT_SECRET/) });
  for (const r of runs) expect(r.finishedAt).toBeGreaterThanOrEqual(r.startedAt);
  expect(runs[0]!.startedAt).toBeGreaterThanOrEqual(runs[1]!.finishedAt);
  // The fake gateway takes one second per call on the test clock.
  expect(runs[1]!.finishedAt - runs[1]!.startedAt).toBe(runs[1]!.calls * 1000);
});

describe('RunHistoryRecorder', () => {
  it('keeps a run the unreachable database could not take and writes it with the next one', async () => {
    const recorder = new RunHistoryRecorder(store, memoryLogger());
    const down = { ...run(1), outcome: 'failed' as const, error: { code: 'STORE_UNAVAILABLE', message: 'down' } };
    await recorder.record(down);
    expect(await readRunHistory(store)).toEqual([]);
    await recorder.record(run(2));
    expect((await readRunHistory(store)).map((r) => r.startedAt)).toEqual([run(2).startedAt, run(1).startedAt]);
  });
});
