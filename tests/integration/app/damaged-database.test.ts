/**
 * A SQLite file damaged inside (its header intact, so it still opens): the program starts anyway, the
 * health check answers 503, the API says the file is damaged and what to do, the log says it once, and the
 * file is left exactly as it was.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStart } from '../../../src/app/run-commands.js';
import { loadConfig } from '../../../src/config/index.js';
import { type RunningSimulator, startSimulator } from '../../../src/gateway/simulator/index.js';
import { memoryLogger, silentLogger } from '../../../src/log/logger.js';
import { openDatabase } from '../../../src/store/engines/sqlite.js';
import { BACKGROUND_CHECK_BYTES } from '../../../src/store/engines/sqlite-integrity.js';
import { openStore } from '../../../src/store/open-store.js';
import { damagePage } from '../../store/damage-file.js';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'med-damaged-'));
  const store = await openStore({ dataDir: dir, logger: silentLogger });
  for (let i = 0; i < 3000; i++) await store.setCursor('test', `key-${i}`, 'x'.repeat(120));
  await store.close();
  damagePage(join(dir, 'myelectricaldata.db'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const digest = () =>
  createHash('sha256')
    .update(readFileSync(join(dir, 'myelectricaldata.db')))
    .digest('hex');

it('starts, answers 503 with what to do, and never touches the file', async () => {
  const before = digest();
  const logger = memoryLogger();
  const env = {
    DATA_DIR: dir,
    PORT: '0',
    SYNC_ON_START: 'false',
    GATEWAY_URL: 'http://127.0.0.1:9',
    CLIENT_SECRET: 'x',
  };
  const { config } = await loadConfig({ env, fs: { exists: () => false, read: () => '' } });
  const app = await runStart(config, { logger });
  try {
    const health = await fetch(`${app.url}/api/health`);
    expect(health.status).toBe(503);
    const body = (await health.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('store_damaged');
    expect(body.error.message).toMatch(
      /is damaged .* left as it is: restore a backup of it .* move the file away to start fresh/,
    );
    const status = await fetch(`${app.url}/api/status`);
    expect(status.status).toBe(503);
    expect(((await status.json()) as { error: { message: string } }).error.message).toBe(body.error.message);
    expect(logger.lines.filter((l) => l.level === 'error' && /is damaged/.test(l.msg))).toHaveLength(1);
  } finally {
    await app.shutdown.run();
  }
  expect(digest()).toBe(before);
});

/**
 * A file of more than 16 MiB is checked on a worker thread while the program starts (the check reads
 * every page): the health check may answer 200 for that moment, then 503; the sync started meanwhile (against
 * the simulator, so it has data to write) writes nothing, since writes wait for the check.
 */
it('a large damaged file is found in the background: health turns 503 and the sync writes nothing', async () => {
  const big = mkdtempSync(join(tmpdir(), 'med-damaged-large-'));
  let sim: RunningSimulator | undefined;
  try {
    const file = join(big, 'myelectricaldata.db');
    const store = await openStore({ dataDir: big, logger: silentLogger });
    await store.close();
    const db = openDatabase(file);
    const insert = db.prepare('INSERT INTO exporter_cursors (exporter, cursor_key, value) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 120_000; i++) insert.run('test', `key-${i}`, 'x'.repeat(120));
    })();
    db.close();
    expect(statSync(file).size).toBeGreaterThan(BACKGROUND_CHECK_BYTES);
    damagePage(file);
    const fileDigest = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = fileDigest();
    const logger = memoryLogger();
    sim = await startSimulator({ port: 0 });
    const env = {
      DATA_DIR: big,
      PORT: '0',
      SYNC_ON_START: 'true',
      GATEWAY_URL: sim.baseUrl,
      CLIENT_SECRET: sim.clientSecret,
    };
    const { config } = await loadConfig({ env, fs: { exists: () => false, read: () => '' } });
    const app = await runStart(config, { logger });
    try {
      const deadline = Date.now() + 30_000;
      let health = await fetch(`${app.url}/api/health`);
      while (health.status === 200 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        health = await fetch(`${app.url}/api/health`);
      }
      expect(health.status).toBe(503);
      expect(((await health.json()) as { error: { code: string } }).error.code).toBe('store_damaged');
      const opened = logger.lines.find((l) => l.msg === 'SQLite store opened');
      expect(opened?.fields.backgroundCheck).toBe(true);
      // The sync started with the program may still be on its first gateway call: its end is awaited.
      while ((app.engine.state.running || app.engine.state.lastRunFinishedAt === null) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      const damaged = logger.lines.filter((l) => l.level === 'error' && /is damaged/.test(l.msg));
      // Said once by the store, and by the sync it made fail.
      expect(damaged.map((l) => l.fields.component).sort()).toEqual(['store', 'sync']);
      expect(damaged.find((l) => l.fields.component === 'sync')?.msg).toMatch(/^sync failed: /);
    } finally {
      expect(await app.shutdown.run()).toEqual([]);
    }
    // Closing checkpoints the WAL into the file: anything the sync had written would show here.
    expect(fileDigest()).toBe(before);
  } finally {
    await sim?.close();
    rmSync(big, { recursive: true, force: true });
  }
}, 30_000);
