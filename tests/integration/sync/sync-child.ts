/**
 * A sync run in its own process, for the crash tests: `node --import tsx sync-child.ts <baseUrl> <secret>
 * <dataDir> <nowMs> [databaseUrl]`. Exits 0 when the run fetched everything it planned, 3 otherwise.
 */
import { fixedClock } from '../../../src/domain/clock.js';
import { createGatewayClient } from '../../../src/gateway/client.js';
import { silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import { SyncEngine } from '../../../src/sync/engine.js';
import { SyncEvents } from '../../../src/sync/events.js';

const [baseUrl, clientSecret, dataDir, nowArg, url] = process.argv.slice(2);
if (!baseUrl || !clientSecret || !dataDir || !nowArg) throw new Error('usage: sync-child <url> <secret> <dir> <now>');
const clock = fixedClock(Number(nowArg));
const store = await openStore({ url: url || undefined, dataDir, logger: silentLogger });
const client = createGatewayClient({
  baseUrl,
  clientSecret,
  clock,
  logger: silentLogger,
  sleep: async () => undefined,
});
const engine = new SyncEngine({ store, client, clock, logger: silentLogger, events: new SyncEvents() });
const outcome = await engine.run('full');
await store.close();
process.exitCode = outcome.status === 'ok' && outcome.failedTasks === 0 ? 0 : 3;
