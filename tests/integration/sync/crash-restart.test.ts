import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../../src/domain/clock.js';
import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { type RunningSimulator, startSimulator } from '../../../src/gateway/simulator/index.js';
import { mulberry32 } from '../../../src/gateway/simulator/rng.js';
import { dataSnapshot, integrityCheck, rowCounts, snapshotDiff } from './db-snapshot.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const CHILD = join(__dirname, 'sync-child.ts');

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the sync child; `killWhen` is polled every millisecond and SIGKILLs the child once it returns true. */
function runChild(sim: RunningSimulator, dataDir: string, killWhen: () => boolean = () => false): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, sim.baseUrl, sim.clientSecret, dataDir, String(NOW)],
      { stdio: ['ignore', 'ignore', 'pipe'], cwd: join(__dirname, '../../..') },
    );
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const poll = setInterval(() => {
      if (killWhen()) child.kill('SIGKILL');
    }, 1);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stderr });
    });
  });
}

describe('a sync killed with SIGKILL at random points and restarted', () => {
  let sim: RunningSimulator;
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'med-crash-'));
    dirs.push(d);
    return d;
  };
  beforeAll(async () => {
    sim = await startSimulator({ clock: fixedClock(NOW), latencyMs: { min: 0, max: 10 } });
  });
  afterAll(async () => {
    await sim.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('ends with the same data, row for row, as an uninterrupted run, and an intact SQLite file', async () => {
    const reference = tempDir();
    const clean = await runChild(sim, reference);
    expect([clean.code, clean.stderr]).toEqual([0, '']);
    const expected = dataSnapshot(reference);
    expect(rowCounts(expected).load_curve).toBeGreaterThan(50_000);

    const dir = tempDir();
    const rnd = mulberry32(20261127);
    let kills = 0;
    const log: string[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      // Seeded kill point: after the Nth gateway request of this run, or some ms after its first request.
      const from = sim.requestLog.length;
      let firstSeenAt: number | null = null;
      const msSinceFirstRequest = () => {
        if (firstSeenAt === null && sim.requestLog.length > from) firstSeenAt = Date.now();
        return firstSeenAt === null ? 0 : Date.now() - firstSeenAt;
      };
      const afterRequests = 2 + Math.floor(rnd() * 24);
      const afterMs = 50 + Math.floor(rnd() * 2500);
      const byRequests = rnd() < 0.5;
      const run = await runChild(sim, dir, () =>
        byRequests ? sim.requestLog.length - from >= afterRequests : msSinceFirstRequest() >= afterMs,
      );
      expect(integrityCheck(dir)).toBe('ok');
      log.push(
        `${byRequests ? `${afterRequests} requests` : `${afterMs} ms`}: ${run.signal ?? run.code}, ${sim.requestLog.length - from} seen`,
      );
      if (run.signal === 'SIGKILL') {
        kills += 1;
        if (kills < 4) continue;
      } else expect([run.code, run.stderr]).toEqual([0, '']);
      if (run.code === 0) break;
      const last = await runChild(sim, dir);
      expect([last.code, last.stderr]).toEqual([0, '']);
      break;
    }
    expect({ kills: Math.min(kills, 3), log }).toEqual({ kills: 3, log });
    const actual = dataSnapshot(dir);
    expect(snapshotDiff(actual, expected)).toEqual([]);
  }, 120_000);
});
