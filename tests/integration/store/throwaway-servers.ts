/**
 * Throw-away PostgreSQL and MariaDB servers for tests that stop and start the database: each gets its own
 * data directory in a temp dir and a free port on 127.0.0.1, so the shared servers of `.ci/services.sh`
 * are never touched. Needs root (the servers run as the `postgres` / `mysql` users) and the Debian packages.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';

const run = promisify(execFile);

export interface ThrowawayServer {
  /** `postgres://…` / `mysql://…` URL of a user allowed to create databases (password included). */
  url: string;
  /** The password in `url`, to check that it never shows up in messages. */
  password: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server (if running) and removes its data directory. */
  destroy(): Promise<void>;
}

export type ThrowawayKind = 'postgres' | 'mariadb';

const MARIADBD = '/usr/sbin/mariadbd';

function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return version ? join(root, version, 'bin') : null;
}

/** Why a throw-away server of `kind` cannot run here, or null. */
export function throwawaySkipReason(kind: ThrowawayKind): string | null {
  if (process.getuid?.() !== 0) return 'the tests do not run as root';
  if (kind === 'postgres') return postgresBin() ? null : 'PostgreSQL is not installed (/usr/lib/postgresql)';
  return existsSync(MARIADBD) ? null : `MariaDB is not installed (${MARIADBD})`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755); // the server users must reach their data directory inside
  return dir;
}

/** Retries `fn` every 100 ms until it resolves; gives up after `timeoutMs` or when `fatal()` says so. */
async function retry<T>(
  what: string,
  fn: () => Promise<T>,
  fatal: () => string | null,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      const reason = fatal();
      if (reason || Date.now() > until) throw new Error(`${what}: ${reason ?? (err as Error).message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startThrowawayPostgres(): Promise<ThrowawayServer> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed');
  const dir = scratchDir('med-pg-');
  const home = join(dir, 'pg'); // data, log and socket, owned by postgres
  const data = join(home, 'data');
  const port = await freePort();
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const asPostgres = (tool: string, args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]);
  await run('install', ['-d', '-o', 'postgres', home]);
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=trust', '-N']);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${home} -c fsync=off -c full_page_writes=off`;
  let running = false;
  const start = async () => {
    if (running) return;
    await asPostgres('pg_ctl', ['-D', data, '-l', join(home, 'log'), '-w', '-o', options, 'start']);
    running = true;
  };
  const stop = async () => {
    if (!running) return;
    await asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    running = false;
  };
  await start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    password,
    start,
    stop,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startThrowawayMariadb(): Promise<ThrowawayServer> {
  const dir = scratchDir('med-mariadb-');
  const home = join(dir, 'my'); // data, socket, pid and log, owned by mysql
  const data = join(home, 'data');
  const socket = join(home, 'mysqld.sock');
  const port = await freePort();
  const password = `pw-${randomBytes(6).toString('hex')}`;
  await run('install', ['-d', '-o', 'mysql', '-g', 'mysql', home]);
  await run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${data}`,
    '--user=mysql',
    '--auth-root-authentication-method=socket',
    '--skip-test-db',
  ]);
  const args = [
    '--no-defaults',
    `--datadir=${data}`,
    `--socket=${socket}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    '--user=mysql',
    `--pid-file=${join(home, 'mariadbd.pid')}`,
    `--log-error=${join(home, 'mariadb.err')}`,
    '--skip-log-bin',
    '--innodb-buffer-pool-size=64M',
    '--innodb-flush-log-at-trx-commit=2',
  ];
  let child: ChildProcess | null = null;
  const start = async () => {
    if (child) return;
    const proc = spawn(MARIADBD, args, { stdio: 'ignore' });
    child = proc;
    proc.once('exit', () => {
      if (child === proc) child = null;
    });
    await retry(
      'MariaDB did not start',
      () => run('mariadb-admin', ['--no-defaults', `--socket=${socket}`, 'ping']),
      () => (child === proc ? null : `mariadbd exited, see ${join(home, 'mariadb.err')}`),
    );
  };
  const stop = async () => {
    const proc = child;
    if (!proc) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await exited;
  };
  await start();
  const root = await mysql.createConnection({ socketPath: socket, user: 'root' });
  try {
    await root.query(`CREATE USER 'app'@'127.0.0.1' IDENTIFIED BY '${password}'`);
    await root.query(`GRANT ALL ON *.* TO 'app'@'127.0.0.1'`);
  } finally {
    await root.end();
  }
  return {
    url: `mysql://app:${password}@127.0.0.1:${port}/mysql`,
    password,
    start,
    stop,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function startThrowaway(kind: ThrowawayKind): Promise<ThrowawayServer> {
  return kind === 'postgres' ? startThrowawayPostgres() : startThrowawayMariadb();
}
