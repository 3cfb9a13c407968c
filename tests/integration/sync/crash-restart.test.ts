import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../../src/domain/clock.js';
import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { type RunningSimulator, startSimulator } from '../../../src/gateway/simulator/index.js';
import { mulberry32 } from '../../../src/gateway/simulator/rng.js';
import { silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import {
  createTestDatabase,
  describeEachEngine,
  type EngineChoice,
  engineChoices,
  type TestDatabase,
} from '../store/test-databases.js';
import { type DataSnapshot, integrityCheck, rowCounts, snapshotDiff, storeSnapshot } from './db-snapshot.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const CHILD = join(__dirname, 'sync-child.ts');

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Where one run sequence keeps its data: a data dir, and a server database for the server engines. */
interface Target {
  dir: string;
  db: TestDatabase;
}

/** Runs the sync child; `killWhen` is polled every millisecond and SIGKILLs the child once it returns true. */
function runChild(sim: RunningSimulator, target: Target, killWhen: () => boolean = () => false): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, sim.baseUrl, sim.clientSecret, target.dir, String(NOW), target.db.url ?? ''],
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

let sim: RunningSimulator;
const targets: Target[] = [];
let expected: DataSnapshot;

async function newTarget(engine: EngineChoice = engineChoices()[0]!): Promise<Target> {
  const t = { dir: mkdtempSync(join(tmpdir(), 'med-crash-')), db: await createTestDatabase(engine) };
  targets.push(t);
  return t;
}

/** The data tables as the next run would read them (the store opened after the crash). */
async function snapshot(t: Target): Promise<DataSnapshot> {
  const store = await openStore({ url: t.db.url, dataDir: t.dir, logger: silentLogger });
  try {
    return await storeSnapshot(store);
  } finally {
    await store.close();
  }
}

// One uninterrupted reference run (SQLite); snapshots are engine-neutral, so every engine compares to it.
beforeAll(async () => {
  sim = await startSimulator({ clock: fixedClock(NOW), latencyMs: { min: 0, max: 10 } });
  const reference = await newTarget();
  const clean = await runChild(sim, reference);
  expect([clean.code, clean.stderr]).toEqual([0, '']);
  expected = await snapshot(reference);
  expect(rowCounts(expected).load_curve).toBeGreaterThan(50_000);
}, 60_000);
afterAll(async () => {
  await sim.close();
  for (const t of targets) rmSync(t.dir, { recursive: true, force: true });
  for (const t of targets) await t.db.drop();
});

// SQLite and one server engine (PostgreSQL): the restart path is the same for both servers.
describeEachEngine(
  'a sync killed with SIGKILL at random points and restarted',
  (engine) => {
    const intact = (t: Target) => (engine.name === 'sqlite' ? integrityCheck(t.dir) : 'ok');

    it('ends with the same data, row for row, as an uninterrupted run, and an intact database', async () => {
      const dir = await newTarget(engine);
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
        expect(intact(dir)).toBe('ok');
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
      const actual = await snapshot(dir);
      expect(snapshotDiff(actual, expected)).toEqual([]);
    }, 120_000);
  },
  ['sqlite', 'postgres'],
);
