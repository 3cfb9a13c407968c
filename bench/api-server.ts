/**
 * The API server of the latency bench, in a process of its own (so the clients' work does not share its
 * event loop): a SQLite store in a temp folder with one year of 30-minute consumption, the real API on a
 * free loopback port. Prints `ready <url>`; stops on SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiServer } from '../src/api/server.js';
import { systemClock } from '../src/domain/clock.js';
import { addDays, parisMidnightUtc, parisToday } from '../src/domain/time.js';
import { silentLogger } from '../src/log/logger.js';
import { openStore } from '../src/store/open-store.js';
import { SyncEngine } from '../src/sync/engine.js';
import { SyncEvents } from '../src/sync/events.js';
import { createStatusProvider } from '../src/sync/status-provider.js';
import { usagePoint } from '../tests/store/fixtures.js';

export const BENCH_PDL = '12345678901234';

const dir = mkdtempSync(join(tmpdir(), 'med-bench-api-'));
const store = await openStore({ dataDir: dir, logger: silentLogger });
const today = parisToday(Date.now());
const from = parisMidnightUtc(addDays(today, -366));
const readings = [];
for (let t = from, i = 0; t < parisMidnightUtc(today); t += 1_800_000, i++) {
  readings.push({ start: t, minutes: 30, w: 300 + ((i * 37) % 2500) });
}
await store.upsertUsagePoints([usagePoint(BENCH_PDL, { name: 'Bench' })], Date.now());
await store.upsertCurve(BENCH_PDL, 'consumption', readings);
// Daily values as the sync stores them, but for the last week (the aggregate sums those from the curve).
const daily = [];
for (let d = addDays(today, -366); d < addDays(today, -7); d = addDays(d, 1)) daily.push({ date: d, wh: 10_000 });
await store.upsertDaily(BENCH_PDL, 'consumption', daily);
const events = new SyncEvents();
const client = {
  quotaPausedUntil: () => null,
} as unknown as ConstructorParameters<typeof SyncEngine>[0]['client'];
const engine = new SyncEngine({ store, client, clock: systemClock, logger: silentLogger, events });
const status = createStatusProvider({
  store,
  engine,
  client: null,
  clock: systemClock,
  selection: [],
  names: {},
  schedule: () => ({ nextDailySync: null, nextTempo: null, nextEcoWatt: null }),
  events,
});
const api = createApiServer({
  store,
  status,
  syncTrigger: engine,
  logger: silentLogger,
  clock: systemClock,
  version: 'bench',
});
const url = await api.listen(0, '127.0.0.1');
process.stdout.write(`ready ${url} ${readings.length}\n`);
process.once('SIGTERM', () => {
  void api
    .close()
    .then(() => store.close())
    .finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
});
