/**
 * SIGTERM while the sync waits between two attempts at an unreachable gateway (back-off of 2, 4, 8 s): the
 * real program (tsx) stops at once, cleanly, with exit code 0, instead of sitting out the retries until the
 * shutdown's 10 s limit (and Docker's SIGKILL).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'med-stop-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

it('stops cleanly on SIGTERM during a gateway back-off', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      TZ: process.env.TZ,
      DATA_DIR: dataDir,
      PORT: '0',
      GATEWAY_URL: 'http://127.0.0.1:9/api',
      CLIENT_SECRET: 'x',
      SYNC_ON_START: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let signalled = false;
  const onData = (d: Buffer) => {
    out += d.toString();
    if (!signalled && out.includes('gateway call failed, retrying')) {
      signalled = true;
      child.kill('SIGTERM');
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  expect(signalled).toBe(true);
  expect(out).toContain('stopped on SIGTERM');
  expect(out).not.toMatch(/did not close/);
  expect(out).toMatch(/sync failed: sync stopped by shutdown/);
  expect(code).toBe(0);
}, 60_000);
