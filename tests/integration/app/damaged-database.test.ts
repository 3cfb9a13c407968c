/**
 * A SQLite file damaged inside (its header intact, so it still opens): the program starts anyway, the
 * health check answers 503, the API says the file is damaged and what to do, the log says it once, and the
 * file is left exactly as it was.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStart } from '../../../src/app/run-commands.js';
import { loadConfig } from '../../../src/config/index.js';
import { memoryLogger, silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'med-damaged-'));
  const store = await openStore({ dataDir: dir, logger: silentLogger });
  for (let i = 0; i < 3000; i++) await store.setCursor('test', `key-${i}`, 'x'.repeat(120));
  await store.close();
  const file = join(dir, 'myelectricaldata.db');
  // Garbage over a page in the middle of the file, as a failing disk would leave it.
  const fd = openSync(file, 'r+');
  const middle = Math.floor(statSync(file).size / 4096 / 2) * 4096;
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, middle);
  closeSync(fd);
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
