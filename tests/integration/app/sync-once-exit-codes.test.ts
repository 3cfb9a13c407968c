/**
 * `med-local sync --once` exit codes, for cron users, with the real program (tsx) against the simulated
 * gateway: 0 when everything was fetched, 3 when a stream failed (one line naming it), 1 when the sync
 * itself failed, 2 for a bad configuration.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRM, type RunningSimulator, startSimulator } from '../../../src/gateway/simulator/index.js';

const ROOT = join(__dirname, '../../..');

let sim: RunningSimulator;
let dirs: string[] = [];
beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
});
afterEach(async () => {
  await sim.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function syncOnce(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'med-rc-'));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'sync', '--once'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      TZ: process.env.TZ,
      DATA_DIR: dataDir,
      GATEWAY_URL: sim.baseUrl,
      CLIENT_ID: sim.clientId,
      CLIENT_SECRET: sim.clientSecret,
      PDLS: PRM.house,
      SYNC_CURVE: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

describe('sync --once exit codes', () => {
  it('0 when every stream was fetched', async () => {
    const run = await syncOnce({});
    expect([run.code, run.out]).toEqual([0, expect.not.stringMatching(/error:/)]);
  }, 120_000);

  it('3 when a stream failed, naming the stream and the PDL on a line of its own', async () => {
    sim.faults.add(/^\/enedis\/consumption\/daily/, { kind: 'http500' });
    const run = await syncOnce({});
    expect(run.code).toBe(3);
    expect(run.out).toMatch(new RegExp(`^error: stream consumption_daily of PDL ${PRM.house} failed: .+$`, 'm'));
    expect(run.out).not.toMatch(/stream max_power|stream contract/);
  }, 120_000);

  it('1 when the sync itself fails (the gateway refuses the secret)', async () => {
    const run = await syncOnce({ CLIENT_SECRET: 'not-the-secret' });
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^error: the sync failed: .*client secret/im);
  }, 120_000);

  it('2 for a bad configuration, naming the setting', async () => {
    const run = await syncOnce({ PORT: 'eighty' });
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/PORT/);
  }, 60_000);
});
