/**
 * The database server restarts in the middle of a sync (per server engine, on a throw-away server so the
 * shared ones are untouched): that run fails cleanly with a message naming the database problem, the
 * health check answers 503 while the server is down, and the next run — after the server is back —
 * completes with the same data, row for row, as an uninterrupted run.
 */
import { createApiServer } from '../../../src/api/server.js';
import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { PRM } from '../../../src/gateway/simulator/index.js';
import { silentLogger } from '../../../src/log/logger.js';
import { createStatusProvider } from '../../../src/sync/status-provider.js';
import { type DataSnapshot, snapshotDiff, storeSnapshot } from '../sync/db-snapshot.js';
import { type Harness, startHarness } from '../sync/harness.js';
import type { EngineChoice } from './test-databases.js';
import { startThrowaway, type ThrowawayKind, type ThrowawayServer, throwawaySkipReason } from './throwaway-servers.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const SELECTION = [PRM.house];
/** Gateway requests seen before the server is stopped (a full run of this PDL makes about 20). */
const STOP_AFTER_REQUESTS = 6;
const SIM = { latencyMs: { min: 20, max: 40 } };

let expected: DataSnapshot;
beforeAll(async () => {
  const reference = await startHarness(NOW, {}, SELECTION);
  try {
    expect(await reference.engine.run('full')).toMatchObject({ status: 'ok', failedTasks: 0 });
    expected = await storeSnapshot(reference.store);
  } finally {
    await reference.close();
  }
}, 60_000);

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

function health(h: Harness) {
  const status = createStatusProvider({
    store: h.store,
    engine: h.engine,
    client: null,
    clock: h.clock,
    selection: [],
    names: {},
    schedule: () => ({ nextDailySync: null, nextTempo: null, nextEcoWatt: null }),
  });
  const api = createApiServer({
    store: h.store,
    status,
    syncTrigger: h.engine,
    clock: h.clock,
    version: 'test',
    logger: silentLogger,
    healthTimeoutMs: 3000,
  });
  return { code: async () => (await api.inject('/api/health')).statusCode, close: () => api.close() };
}

describe.each<[ThrowawayKind, string]>([
  ['postgres', 'PostgreSQL'],
  ['mariadb', 'MariaDB'],
])('%s server restarted in the middle of a sync', (kind, label) => {
  const skip = throwawaySkipReason(kind);
  if (skip) {
    test(`${label}: skipped because ${skip}`, () => expect(skip).not.toBeNull());
    return;
  }
  let server: ThrowawayServer;
  let h: Harness;
  beforeAll(async () => {
    server = await startThrowaway(kind);
    const engine: EngineChoice = {
      name: kind === 'postgres' ? 'postgres' : 'mysql',
      label,
      serverUrl: server.url,
      skipReason: null,
    };
    h = await startHarness(NOW, SIM, SELECTION, undefined, { engine });
  }, 60_000);
  afterAll(async () => {
    await server?.start(); // the harness drops its database on the server
    await h?.close();
    await server?.destroy();
  }, 30_000);

  test(`${label}: the run fails cleanly naming the database, /api/health is 503; the next run completes with nothing lost or duplicated`, async () => {
    const api = health(h);
    try {
      expect(await api.code()).toBe(200);
      const running = h.engine.run('full');
      await until(() => h.sim.requestLog.length >= STOP_AFTER_REQUESTS, 30_000);
      await server.stop();
      const failed = await running;
      expect(failed).toMatchObject({ status: 'failed' });
      const message = failed.status === 'failed' ? (failed.error ?? '') : '';
      expect(message).toMatch(
        new RegExp(
          `cannot reach the ${label === 'MariaDB' ? 'MySQL/MariaDB' : label} server at 127\\.0\\.0\\.1:\\d+/app_`,
        ),
      );
      expect(message).not.toContain(server.password);
      expect(message).not.toMatch(/\n\s+at /);
      expect(h.engine.state.lastError).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(await api.code()).toBe(503);

      await server.start();
      expect(await api.code()).toBe(200);
      expect(await h.engine.run('full')).toMatchObject({ status: 'ok', failedTasks: 0 });
      expect(snapshotDiff(await storeSnapshot(h.store), expected)).toEqual([]);
    } finally {
      await api.close();
    }
  }, 90_000);
});
