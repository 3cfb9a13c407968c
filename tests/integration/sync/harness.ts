/** Shared set-up for the sync integration tests: a simulator, a real SQLite store in a temp dir, an engine. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, fixedClock } from '../../../src/domain/clock.js';
import { createGatewayClient, type GatewayClientOptions } from '../../../src/gateway/client.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../../src/gateway/simulator/index.js';
import { type Logger, silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { SyncEngine } from '../../../src/sync/engine.js';
import { SyncEvents } from '../../../src/sync/events.js';

export interface Harness {
  sim: RunningSimulator;
  store: Store;
  clock: Clock & { set(ms: number): void; advance(ms: number): void };
  engine: SyncEngine;
  dataDir: string;
  close(): Promise<void>;
}

export async function startHarness(
  nowMs: number,
  simOptions: SimulatorOptions = {},
  selection: string[] = [],
  dataDir?: string,
  extra: { client?: Partial<GatewayClientOptions>; logger?: Logger } = {},
): Promise<Harness> {
  const clock = fixedClock(nowMs);
  const sim = await startSimulator({ clock, ...simOptions });
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'med-sync-'));
  const store = await openStore({ dataDir: dir, logger: silentLogger });
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
  const engine = new SyncEngine({ store, client, clock, logger, events: new SyncEvents(), selection });
  return {
    sim,
    store,
    clock,
    engine,
    dataDir: dir,
    async close() {
      await store.close();
      await sim.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
