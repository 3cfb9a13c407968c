/**
 * The engines integration tests run against, each on a database of its own: SQLite (a file in a temp
 * dir), PostgreSQL and MariaDB when PG_URL / MYSQL_URL are set (`.ci/services.sh`), where every test
 * file creates a fresh database `app_<random>` with the URL's user and drops it at the end.
 */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import postgres from 'postgres';

export type EngineName = 'sqlite' | 'postgres' | 'mysql';

export interface EngineChoice {
  name: EngineName;
  /** For test names: SQLite, PostgreSQL, MariaDB. */
  label: string;
  /** The server URL (PG_URL / MYSQL_URL); undefined for SQLite. */
  serverUrl: string | undefined;
  /** Why this engine cannot run here (`PG_URL is not set`), or null. */
  skipReason: string | null;
}

export interface TestDatabase {
  /** `DATABASE_URL` of the fresh database; undefined for SQLite (the harness's data dir). */
  url: string | undefined;
  /** Drops the database (server engines); the store on it must be closed first. */
  drop(): Promise<void>;
}

export function engineChoices(env: NodeJS.ProcessEnv = process.env): EngineChoice[] {
  const server = (name: EngineName, label: string, key: string): EngineChoice => ({
    name,
    label,
    serverUrl: env[key] || undefined,
    skipReason: env[key] ? null : `${key} is not set`,
  });
  return [
    { name: 'sqlite', label: 'SQLite', serverUrl: undefined, skipReason: null },
    server('postgres', 'PostgreSQL', 'PG_URL'),
    server('mysql', 'MariaDB', 'MYSQL_URL'),
  ];
}

/** `base` with its database replaced by `database`. */
export function withDatabase(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, empty database on the engine's server (nothing to do for SQLite). */
export async function createTestDatabase(engine: EngineChoice): Promise<TestDatabase> {
  const base = engine.serverUrl;
  if (engine.name === 'sqlite' || !base) return { url: undefined, drop: async () => undefined };
  const name = `app_${randomBytes(5).toString('hex')}`;
  const admin = engine.name === 'postgres' ? onPostgres : onMysql;
  try {
    await admin(
      base,
      engine.name === 'postgres' ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} ${MYSQL_CHARSET}`,
    );
  } catch (err) {
    throw new Error(
      `cannot create the test database ${name} on ${engine.label} (${(err as Error).message}): ` +
        'let the URL user create databases named app_* (.ci/services.sh grants it)',
    );
  }
  return {
    url: withDatabase(base, name),
    drop: () =>
      dropWithRetry(() =>
        admin(
          base,
          engine.name === 'postgres'
            ? `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`
            : `DROP DATABASE IF EXISTS ${name}`,
        ),
      ),
  };
}

/**
 * PostgreSQL refuses `DROP DATABASE … WITH (FORCE)` while a backend of another role works on that database
 * (an autovacuum worker: "must be a member of the role whose process is being terminated"): it is gone a
 * moment later, so the drop is tried again.
 */
async function dropWithRetry(drop: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await drop();
    } catch (err) {
      if (attempt >= 5 || !/member of the role/.test((err as Error).message)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

const MYSQL_CHARSET = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

async function onPostgres(url: string, statement: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function onMysql(url: string, statement: string): Promise<void> {
  const conn = await mysql.createConnection(url);
  try {
    await conn.query(statement);
  } finally {
    await conn.end();
  }
}

/**
 * `describe(<label> <title>)` once per engine in `only` (default all three); an engine whose URL is not
 * set shows up as one test named "<label>: skipped because PG_URL is not set", never silently.
 */
export function describeEachEngine(
  title: string,
  body: (engine: EngineChoice) => void,
  only: readonly EngineName[] = ['sqlite', 'postgres', 'mysql'],
): void {
  for (const engine of engineChoices().filter((e) => only.includes(e.name))) {
    describe(`${engine.label}: ${title}`, () => {
      if (engine.skipReason) {
        test(`${engine.label}: skipped because ${engine.skipReason}`, () => expect(engine.serverUrl).toBeUndefined());
        return;
      }
      body(engine);
    });
  }
}
