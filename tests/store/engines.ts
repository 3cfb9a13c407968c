/**
 * The engines the store test suite runs against. SQLite always; PostgreSQL and MySQL/MariaDB when
 * `PG_URL` / `MYSQL_URL` point at real servers (`.ci/services.sh` starts them and sets both).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import postgres from 'postgres';
import { silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { SqlStore } from '../../src/store/sql-store.js';

export interface EngineHarness {
  name: 'sqlite' | 'postgres' | 'mysql';
  /** Why it cannot run here, or null. */
  skipReason: string | null;
  /** Opens the store on an empty database. */
  fresh(): Promise<SqlStore>;
  /** Opens the same database again (data kept). */
  reopen(): Promise<SqlStore>;
  cleanup(): Promise<void>;
}

const TABLES = [
  'usage_points',
  'daily_energy',
  'load_curve',
  'max_power',
  'tempo_days',
  'ecowatt_signals',
  'day_attempts',
  'stream_state',
  'exporter_cursors',
  '__drizzle_migrations',
];

export async function dropAllPostgres(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DROP TABLE IF EXISTS ${TABLES.join(', ')} CASCADE`);
    await sql.unsafe('DROP SCHEMA IF EXISTS drizzle CASCADE');
  } finally {
    await sql.end();
  }
}

export async function dropAllMysql(url: string): Promise<void> {
  const conn = await mysql.createConnection(url);
  try {
    await conn.query(`DROP TABLE IF EXISTS ${TABLES.join(', ')}`);
  } finally {
    await conn.end();
  }
}

function sqliteHarness(): EngineHarness {
  let dir = '';
  const open = () => openStore({ dataDir: dir, logger: silentLogger });
  return {
    name: 'sqlite',
    skipReason: null,
    fresh: () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(path.join(tmpdir(), 'med-store-'));
      return open();
    },
    reopen: open,
    cleanup: async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function serverHarness(
  name: 'postgres' | 'mysql',
  env: string,
  url: string | undefined,
  dropAll: (url: string) => Promise<void>,
): EngineHarness {
  const open = () => openStore({ url, dataDir: tmpdir(), logger: silentLogger });
  return {
    name,
    skipReason: url ? null : `${env} is not set`,
    fresh: async () => {
      await dropAll(url!);
      return open();
    },
    reopen: open,
    cleanup: async () => {
      if (url) await dropAll(url);
    },
  };
}

export function engineHarnesses(): EngineHarness[] {
  return [
    sqliteHarness(),
    serverHarness('postgres', 'PG_URL', process.env.PG_URL, dropAllPostgres),
    serverHarness('mysql', 'MYSQL_URL', process.env.MYSQL_URL, dropAllMysql),
  ];
}
