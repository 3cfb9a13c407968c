/**
 * Start-up time and idle memory of the built program: `npm run build` (under the build lock the
 * integration tests share), a private copy of `dist/`, then `node main.mjs start` against the
 * simulator with `SYNC_ON_START=false`: time from spawn to the first `/api/health` 200, and the RSS of
 * the process after 3 s idle. Five start-ups; the median and the range are reported. The same is
 * measured for two floors bundled the same way (`bench/floor/`): Fastify alone, and the chosen stack
 * (Fastify, better-sqlite3) with none of our code.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { serverBundle } from '../build.config.js';
import { systemClock } from '../src/domain/clock.js';
import { type RunningSimulator, startSimulator } from '../src/gateway/simulator/index.js';
import { SQLITE_FILE_NAME } from '../src/store/engines/sqlite-file.js';
import { type BenchTable, median, mib, millis, seconds, timed } from './report.js';
import { applicableFlags, shippedNodeFlags } from './shipped-node-flags.js';

/** The V8 flags the Docker image and the add-on run the program with (`BENCH_NODE_FLAGS` tries others). */
const WANTED_FLAGS = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? shippedNodeFlags(process.cwd());
/** What this Node accepts of them (Node 20 has no `--invocation-count-for-turbofan`), and the rest. */
const { applied: NODE_FLAGS, refused: REFUSED_FLAGS } = applicableFlags(WANTED_FLAGS);
const RUNS = 5;
const SYNC_RUNS = 3;
const IDLE_MS = 3000;
/** After a sync, V8's memory reducer shrinks the heap 8–10 s into the idle time: measured again here. */
const SETTLED_MS = 20_000;
const ROOT = process.cwd();

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** The floors, bundled into the copy with the program's bundle options: `<name>.mjs`. */
const FLOORS = { 'floor-fastify': 'bench/floor/fastify-only.ts', 'floor-stack': 'bench/floor/stack.ts' };

async function buildFloors(dir: string): Promise<void> {
  await build({ ...serverBundle, entryPoints: FLOORS, outdir: dir, splitting: false, sourcemap: false });
}

/** Builds once and copies the bundle next to a `node_modules` link, so other builds cannot change it. */
function buildCopy(): { dir: string; buildMs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'med-bench-dist-'));
  const t0 = performance.now();
  execFileSync('flock', ['/tmp/med-build.lock', 'sh', '-c', `npm run -s build >/dev/null && cp -r dist/. "${dir}"`], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const buildMs = performance.now() - t0;
  symlinkSync(resolve(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return { dir, buildMs };
}

/** `VmRSS` (now) or `VmHWM` (the peak so far) of a process, in bytes. */
function rssBytes(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no ${field} for process ${pid}`);
  return Number(kb) * 1024;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${child.spawnargs.join(' ')} exited with ${child.exitCode} before /api/health`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`/api/health did not answer 200 within ${timeoutMs} ms`);
    await sleep(5);
  }
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGTERM');
  return exited;
}

interface StartMeasure {
  ms: number;
  rss: number;
  /** With `sync`: the peak RSS during the first full sync, and its wall time. */
  peak?: number;
  syncMs?: number;
  /** With `sync`: the RSS `SETTLED_MS` after the sync finished. */
  settled?: number;
}

async function lastRunFinished(url: string): Promise<boolean> {
  const status = (await (await fetch(`${url}/api/status`)).json()) as { lastRun?: { finishedAt?: string | null } };
  return Boolean(status.lastRun?.finishedAt);
}

/** Waits for the first sync to finish: the peak RSS (`VmHWM`) then tells what the backfill needed. */
async function waitSynced(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (!(await lastRunFinished(url))) {
    if (child.exitCode !== null) throw new Error(`main.mjs start exited with ${child.exitCode} during the sync`);
    if (Date.now() > deadline) throw new Error('the first sync did not finish within 300 s');
    await sleep(50);
  }
}

/**
 * One start-up: ms to the first healthy answer and the RSS after `IDLE_MS` idle; with `sync`, the
 * program backfills the whole account first (simulator in this process, the program in its own).
 */
async function startOnce(
  bundleDir: string,
  sim: RunningSimulator,
  sync = false,
  script = 'main.mjs',
  kept?: string,
): Promise<StartMeasure> {
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'med-bench-data-'));
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dataDir,
    DATA_DIR: dataDir,
    PORT: String(port),
    GATEWAY_URL: sim.baseUrl,
    CLIENT_ID: sim.clientId,
    CLIENT_SECRET: sim.clientSecret,
    SYNC_ON_START: String(sync),
  };
  const t0 = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, join(bundleDir, script), 'start'], {
    env,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const measured = await (async (): Promise<StartMeasure> => {
    await waitHealthy(url, child, 30_000);
    const ms = performance.now() - t0;
    if (!sync) {
      await sleep(IDLE_MS);
      return { ms, rss: rssBytes(child.pid!) };
    }
    await waitSynced(url, child);
    const syncMs = performance.now() - t0;
    const peak = rssBytes(child.pid!, 'VmHWM');
    await sleep(IDLE_MS);
    const rss = rssBytes(child.pid!);
    await sleep(SETTLED_MS - IDLE_MS);
    return { ms, rss, peak, syncMs, settled: rssBytes(child.pid!) };
  })().catch((err: unknown) => err as Error);
  const code = await stop(child);
  if (!kept) rmSync(dataDir, { recursive: true, force: true });
  if (measured instanceof Error) throw measured;
  if (code !== 0 && script === 'main.mjs') throw new Error(`main.mjs start exited with ${code} on SIGTERM`);
  return measured;
}

async function restartsOn(bundleDir: string, sim: RunningSimulator, dataDir: string): Promise<StartMeasure[]> {
  const runs: StartMeasure[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await startOnce(bundleDir, sim, false, 'main.mjs', dataDir));
  return runs;
}

function restartRows(what: string, runs: StartMeasure[]): [string, string][] {
  return [
    [
      `${what}: time to first /api/health 200, median of ${RUNS} (min – max)`,
      range(
        runs.map((r) => r.ms),
        millis,
      ),
    ],
    [
      `${what}: RSS after ${IDLE_MS / 1000} s idle`,
      range(
        runs.map((r) => r.rss),
        mib,
      ),
    ],
  ];
}

/** Copies of the demo curve in the large store: under 5 other PDL prefixes, shifted back 0, 2, 4, 6 years. */
const PREFIXES = 5;
const SHIFTS = 4;
const HALF_HOURS_8_YEARS = 8 * 365.25 * 48;

/**
 * Grows a synced demo store to the size of a long history (what the start-up integrity check reads): its
 * load curve copied under other PDL numbers and shifted back by 2-year steps. Returns the file's size and
 * its curve rows.
 */
function growStore(file: string): { bytes: number; rows: number } {
  const db = new Database(file);
  const copy = db.prepare(
    "INSERT OR IGNORE INTO load_curve SELECT ? || substr(pdl, 3), direction, start_utc - ?, minutes, w FROM load_curve WHERE pdl NOT LIKE 'X%'",
  );
  const twoYears = 2 * 365 * 86_400_000;
  db.transaction(() => {
    for (let p = 0; p < PREFIXES; p++) for (let y = 0; y < SHIFTS; y++) copy.run(`X${p}`, y * twoYears);
  })();
  const rows = db.prepare('SELECT count(*) FROM load_curve').pluck().get() as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { bytes: statSync(file).size, rows };
}

/** An empty Node process: the floor under every start-up. */
async function emptyNodeOnce(): Promise<number> {
  const { ms } = await timed(async () => {
    execFileSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  });
  return ms;
}

/** Loading the bundle and exiting: the floor under the start-up time. */
async function versionOnce(bundleDir: string): Promise<number> {
  const { ms } = await timed(async () => {
    execFileSync(process.execPath, [join(bundleDir, 'main.mjs'), '--version'], { stdio: 'ignore' });
  });
  return ms;
}

const range = (values: number[], format: (v: number) => string) =>
  `${format(median(values))} (${format(Math.min(...values))} – ${format(Math.max(...values))})`;

export async function benchStartup(): Promise<BenchTable> {
  const { dir, buildMs } = buildCopy();
  await buildFloors(dir);
  const sim = await startSimulator({ clock: systemClock, latencyMs: { min: 20, max: 80 } });
  try {
    const runs: StartMeasure[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await startOnce(dir, sim));
    const synced: StartMeasure[] = [];
    const keptDir = mkdtempSync(join(tmpdir(), 'med-bench-kept-'));
    for (let i = 0; i < SYNC_RUNS; i++)
      synced.push(await startOnce(dir, sim, true, 'main.mjs', i === SYNC_RUNS - 1 ? keptDir : undefined));
    const restarts = await restartsOn(dir, sim, keptDir);
    const keptBytes = statSync(join(keptDir, SQLITE_FILE_NAME)).size;
    const large = growStore(join(keptDir, SQLITE_FILE_NAME));
    const largeRestarts = await restartsOn(dir, sim, keptDir);
    rmSync(keptDir, { recursive: true, force: true });
    const floors: Record<string, StartMeasure[]> = {};
    for (const name of Object.keys(FLOORS)) {
      floors[name] = [];
      for (let i = 0; i < RUNS; i++) floors[name].push(await startOnce(dir, sim, false, `${name}.mjs`));
    }
    const floorRows = (name: string, what: string): [string, string][] => [
      [
        `floor: ${what}, time to first /api/health 200`,
        range(
          floors[name]!.map((r) => r.ms),
          millis,
        ),
      ],
      [
        `floor: ${what}, RSS after ${IDLE_MS / 1000} s idle`,
        range(
          floors[name]!.map((r) => r.rss),
          mib,
        ),
      ],
    ];
    const versionMs: number[] = [];
    for (let i = 0; i < RUNS; i++) versionMs.push(await versionOnce(dir));
    const emptyMs: number[] = [];
    for (let i = 0; i < RUNS; i++) emptyMs.push(await emptyNodeOnce());
    return {
      title:
        `Start-up of the built bundle (\`node ${NODE_FLAGS.join(' ')} dist/main.mjs start\`, as the image and add-on run it` +
        (REFUSED_FLAGS.length ? `, without ${REFUSED_FLAGS.join(' ')}, which ${process.version} refuses)` : ')'),
      rows: [
        [
          `time to first /api/health 200, median of ${RUNS} (min – max)`,
          range(
            runs.map((r) => r.ms),
            millis,
          ),
        ],
        [
          `RSS after ${IDLE_MS / 1000} s idle, median (min – max)`,
          range(
            runs.map((r) => r.rss),
            mib,
          ),
        ],
        [
          `first full sync of the demo account (start to finished), median of ${SYNC_RUNS} (min – max)`,
          range(
            synced.map((r) => r.syncMs!),
            seconds,
          ),
        ],
        [
          'peak RSS during that full sync (`VmHWM`), median (min – max)',
          range(
            synced.map((r) => r.peak!),
            mib,
          ),
        ],
        [
          `RSS ${IDLE_MS / 1000} s idle after that full sync, median (min – max)`,
          range(
            synced.map((r) => r.rss),
            mib,
          ),
        ],
        [
          `RSS ${SETTLED_MS / 1000} s idle after that full sync (V8's memory reducer has run), median (min – max)`,
          range(
            synced.map((r) => r.settled!),
            mib,
          ),
        ],
        ...restartRows(`a restart on the data folder of that sync (${mib(keptBytes)} of SQLite)`, restarts),
        ...restartRows(
          `a restart on a large store (that curve copied ${PREFIXES * SHIFTS} times: ${(large.rows / 1e6).toFixed(1)} M rows, as many as ${Math.round(large.rows / HALF_HOURS_8_YEARS)} PDLs with 8 years of curve; ${mib(large.bytes)})`,
          largeRestarts,
        ),
        [`\`node dist/main.mjs --version\` (spawn to exit), median of ${RUNS} (min – max)`, range(versionMs, millis)],
        [`for comparison: \`node -e 0\` (empty Node), median of ${RUNS} (min – max)`, range(emptyMs, millis)],
        ...floorRows('floor-fastify', 'Fastify alone with one route (`bench/floor/fastify-only.ts`)'),
        ...floorRows('floor-stack', 'Fastify + better-sqlite3, none of our code (`bench/floor/stack.ts`)'),
        ['`npm run build` (esbuild bundle + migrations copy)', seconds(buildMs)],
      ],
      notes: [
        "Fresh data folder each time (SQLite created and migrated during start-up) except for the restart rows, the simulator as the gateway in the bench process, the program in its own, default log level; time measured from `spawn` in the bench process. Start-up rows: `SYNC_ON_START=false` (nothing is synced). Full-sync rows: `SYNC_ON_START=true`, the simulator's default account (every PDL, all the history it serves).",
        'Restart rows: the data folder of the last full sync (migrated, with its history), started again five times; then the same file grown to a long history by copying its load curve (the start-up integrity check reads every page; from 16 MiB it runs on a worker thread).',
        'Floor rows: the same start-up measure (same flags, bundle options, fresh data folder, five runs) of a program made of the libraries only: what our own start-up cannot go below.',
      ],
    };
  } finally {
    await sim.close();
    unlinkSync(join(dir, 'node_modules')); // the link only, before removing the copy
    rmSync(dir, { recursive: true, force: true });
  }
}
