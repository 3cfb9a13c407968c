/**
 * Shared set-up for the sync integration tests: a simulator, a real store (SQLite in a temp dir by default,
 * or a fresh PostgreSQL / MariaDB database with `extra.engine`), a sync engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, fixedClock } from '../../../src/domain/clock.js';
import { createGatewayClient, type GatewayClientOptions } from '../../../src/gateway/client.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../../src/gateway/simulator/index.js';
import { type Logger, silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { SqlStore } from '../../../src/store/sql-store.js';
import { SyncEngine } from '../../../src/sync/engine.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { createTestDatabase, type EngineChoice } from '../store/test-databases.js';

export interface Harness {
  sim: RunningSimulator;
  store: SqlStore;
  clock: Clock & { set(ms: number): void; advance(ms: number): void };
  engine: SyncEngine;
  events: SyncEvents;
  dataDir: string;
  close(): Promise<void>;
}

export async function startHarness(
  nowMs: number,
  simOptions: SimulatorOptions = {},
  selection: string[] = [],
  dataDir?: string,
  extra: { client?: Partial<GatewayClientOptions>; logger?: Logger; engine?: EngineChoice } = {},
): Promise<Harness> {
  const clock = fixedClock(nowMs);
  const sim = await startSimulator({ clock, ...simOptions });
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'med-sync-'));
  const db = extra.engine ? await createTestDatabase(extra.engine) : null;
  const store = await openStore({ url: db?.url, dataDir: dir, logger: silentLogger });
  const client = createGatewayClient({
    baseUrl: sim.baseUrl,
    clientSecret: sim.clientSecret,
    clock,
    logger: silentLogger,
    sleep: async () => undefined,
    random: () => 0.5,
    ...extra.client,
  });
  const logger = extra.logger ?? silentLogger;
  const events = new SyncEvents();
  const engine = new SyncEngine({ store, client, clock, logger, events, selection });
  return {
    sim,
    store,
    clock,
    engine,
    events,
    dataDir: dir,
    async close() {
      await store.close();
      await sim.close();
      await db?.drop();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
