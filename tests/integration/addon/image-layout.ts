/**
 * What a Docker image would hold, assembled without Docker: `npm run build` (once, under a lock shared by
 * parallel test files), then every COPY of the Dockerfile's final stage replayed into an empty folder.
 * The `bundle` stage's output (`<its WORKDIR>/dist/`) is this checkout's `dist/` (the same `npm run build`;
 * clean-clone.test.ts replays that stage itself in a fresh clone).
 * The `modules` stage's `/runtime/node_modules` is produced by the same script the Dockerfile runs
 * (`scripts/docker/runtime-modules.sh`), from this machine's node_modules (same lock-pinned versions; the
 * image compiles them for its own libc). The program then runs from that folder and nothing else.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../../addon/addon-files.js';
import { copies, instructionArgs, readDockerfile, stageNamed } from '../../addon/dockerfile.js';

export function buildOnce(): void {
  execFileSync('flock', ['/tmp/med-build.lock', 'npm', 'run', '-s', 'build'], { cwd: ROOT, stdio: 'pipe' });
}

export interface ImageLayout {
  /** The folder standing for the image's `/`. */
  root: string;
  /** WORKDIR of the final stage, inside `root`. */
  workdir: string;
  remove(): void;
}

export function assembleImage(dockerfile: string): ImageLayout {
  const stages = readDockerfile(dockerfile);
  const final = stages[stages.length - 1];
  const root = mkdtempSync(join(tmpdir(), 'med-image-'));
  const workdirs = instructionArgs(final, 'WORKDIR');
  const workdir = workdirs[workdirs.length - 1] ?? '/';
  const builderOut = join(root, '.builder');
  const bundleWorkdirs = instructionArgs(stageNamed(stages, 'bundle'), 'WORKDIR');
  const bundleWorkdir = bundleWorkdirs[bundleWorkdirs.length - 1] ?? '/';
  /** Where a COPY source is on this machine: the checkout, the bundle stage's folder, the modules output. */
  const hostPath = (from: string | undefined, source: string): string => {
    if (from === undefined) return join(ROOT, source);
    if (from === 'bundle') {
      if (!source.startsWith(`${bundleWorkdir}/`)) throw new Error(`${dockerfile}: ${source} is outside /build`);
      return join(ROOT, source.slice(bundleWorkdir.length + 1));
    }
    if (from === 'modules') return join(builderOut, source);
    throw new Error(`${dockerfile}: COPY --from=${from} is not known to this test`);
  };
  execFileSync('sh', [
    join(ROOT, 'scripts/docker/runtime-modules.sh'),
    join(ROOT, 'node_modules'),
    join(builderOut, 'runtime'),
  ]);
  for (const copy of copies(final)) {
    const dest = join(root, copy.dest.startsWith('/') ? copy.dest : join(workdir, copy.dest));
    for (const source of copy.sources) {
      const from = hostPath(copy.from, source);
      if (!existsSync(from)) throw new Error(`${dockerfile}: COPY source ${source} does not exist`);
      const target =
        copy.dest.endsWith('/') && !source.endsWith('/') ? join(dest, source.split('/').pop() as string) : dest;
      mkdirSync(dirname(target), { recursive: true });
      cpSync(from, target, { recursive: true });
    }
  }
  rmSync(builderOut, { recursive: true, force: true });
  return { root, workdir: join(root, workdir), remove: () => rmSync(root, { recursive: true, force: true }) };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface RunningProgram {
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then the exit code (SIGKILL after `ms`). */
  stop(ms?: number): Promise<number | null>;
}

/** Runs `node <script> <args>` with exactly `env` (plus PATH), from `cwd`. */
export function runProgram(script: string, args: string[], env: Record<string, string>, cwd: string): RunningProgram {
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => (text += chunk));
  child.stderr?.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    async stop(ms = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms: number, log?: () => string) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${log ? `\n--- output ---\n${log()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
