/**
 * MySQL/MariaDB engine: mysql2 pool, drizzle migrator. Bulk upserts are multi-row
 * `INSERT … ON DUPLICATE KEY UPDATE` statements. Tables use utf8mb4 with a binary collation so strings
 * compare exactly as on SQLite and PostgreSQL (case-sensitive keys).
 */
import { drizzle } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import mysql from 'mysql2/promise';
import type { Logger } from '../../log/logger.js';
import { Backoff, guarded } from '../backoff.js';
import { assertSchemaNotNewer, resolveMigrationsDir } from '../migrations.js';
import { describeServer, isUnavailable, serverError } from '../server-errors.js';
import {
  chunkRows,
  insertPrefix,
  type Row,
  type SqlRunner,
  type SqlValue,
  type UpsertSpec,
  updateColumns,
} from '../sql-runner.js';
import { SqlStore } from '../sql-store.js';
import { mysqlPoolOptions } from './mysql-config.js';

export interface MysqlOptions {
  url: string;
  logger: Logger;
  migrationsDir?: string;
  backoff?: Backoff;
}

type Conn = mysql.Pool | mysql.PoolConnection;

function onDuplicate(spec: UpsertSpec): string {
  const cols = updateColumns(spec);
  const set = (cols.length > 0 ? cols : [spec.key[0]!]).map((c) => `${c} = VALUES(${c})`);
  return ` ON DUPLICATE KEY UPDATE ${set.join(', ')}`;
}

class MysqlRunner implements SqlRunner {
  readonly dialect = 'mysql' as const;

  constructor(
    private readonly conn: Conn,
    private readonly pool: mysql.Pool,
    private readonly backoff: Backoff,
    private readonly where: string,
    readonly inTransaction: boolean,
  ) {}

  private call<T>(fn: () => Promise<T>): Promise<T> {
    const map = (err: unknown) => serverError(err, 'MySQL/MariaDB', this.where);
    return this.inTransaction
      ? fn().catch((err) => Promise.reject(map(err)))
      : guarded(this.backoff, map, isUnavailable, fn);
  }

  all(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.call(async () => {
      const [rows] = await this.conn.query(text, params as SqlValue[]);
      return rows as Row[];
    });
  }

  async run(text: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.all(text, params);
  }

  async upsert(spec: UpsertSpec, rows: readonly (readonly SqlValue[])[]): Promise<void> {
    for (const chunk of chunkRows(rows, spec.columns.length)) {
      await this.run(insertPrefix(spec, chunk.length) + onDuplicate(spec), chunk.flat());
    }
  }

  transaction<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.call(async () => {
      const conn = await this.pool.getConnection();
      try {
        await conn.beginTransaction();
        const result = await fn(new MysqlRunner(conn, this.pool, this.backoff, this.where, true));
        await conn.commit();
        conn.release();
        return result;
      } catch (err) {
        await conn.rollback().then(
          () => conn.release(),
          () => conn.destroy(),
        );
        throw err;
      }
    });
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** New databases get utf8mb4 + binary collation before the first migration creates the tables. */
async function prepareDatabase(pool: mysql.Pool): Promise<number | null> {
  const [tables] = await pool.query(
    "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '__drizzle_migrations'",
  );
  if (Number((tables as Row[])[0]?.n) === 0) {
    const [db] = await pool.query('SELECT DATABASE() AS name');
    const name = String((db as Row[])[0]?.name).replace(/`/g, '``');
    await pool.query(`ALTER DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    return null;
  }
  const [max] = await pool.query('SELECT MAX(created_at) AS at FROM __drizzle_migrations');
  const at = (max as Row[])[0]?.at;
  return at === null || at === undefined ? null : Number(at);
}

export async function openMysqlStore(options: MysqlOptions): Promise<SqlStore> {
  const dir = resolveMigrationsDir('mysql', options.migrationsDir);
  const where = describeServer(options.url);
  const pool = mysql.createPool(mysqlPoolOptions(options.url));
  try {
    assertSchemaNotNewer(await prepareDatabase(pool), dir, where);
    await migrate(drizzle(pool), { migrationsFolder: dir });
  } catch (err) {
    await pool.end().catch(() => {});
    throw serverError(err, 'MySQL/MariaDB', where);
  }
  options.logger.debug({ server: where }, 'MySQL/MariaDB store opened');
  return new SqlStore(new MysqlRunner(pool, pool, options.backoff ?? new Backoff(), where, false));
}
