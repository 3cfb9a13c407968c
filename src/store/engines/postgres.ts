/**
 * PostgreSQL engine: node-postgres (`pg`) pool, drizzle migrator. Bulk upserts send the rows as one JSON
 * parameter (`INSERT … SELECT … FROM json_populate_recordset(…) ON CONFLICT …`), typed by the table.
 *
 * node-postgres rather than postgres.js: postgres.js 3.4.9 crashes the whole process (an uncatchable
 * `TypeError … reading 'write'` from a `setImmediate`) when the server goes away during a transaction
 * (porsager/postgres#1154, #1208), which the database-restart test reproduces every time.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Logger } from '../../log/logger.js';
import { Backoff, guarded } from '../backoff.js';
import { assertSchemaNotNewer, resolveMigrationsDir } from '../migrations.js';
import { describeServer, isUnavailable, serverError } from '../server-errors.js';
import { onConflictClause, type Row, type SqlRunner, type SqlValue, type UpsertSpec } from '../sql-runner.js';
import { SqlStore } from '../sql-store.js';
import { postgresPoolOptions } from './postgres-config.js';

export interface PostgresOptions {
  url: string;
  logger: Logger;
  migrationsDir?: string;
  backoff?: Backoff;
}

type Client = pg.Pool | pg.PoolClient;

/** `?` placeholders → `$1, $2, …` (our SQL never has `?` elsewhere). */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

class PostgresRunner implements SqlRunner {
  readonly dialect = 'postgres' as const;

  constructor(
    private readonly client: Client,
    private readonly pool: pg.Pool,
    private readonly backoff: Backoff,
    private readonly where: string,
    readonly inTransaction: boolean,
  ) {}

  private call<T>(fn: () => Promise<T>): Promise<T> {
    const map = (err: unknown) => serverError(err, 'PostgreSQL', this.where);
    return this.inTransaction
      ? fn().catch((err) => Promise.reject(map(err)))
      : guarded(this.backoff, map, isUnavailable, fn);
  }

  all(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.call(async () => (await this.client.query(numbered(text), params as SqlValue[])).rows as Row[]);
  }

  async run(text: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.all(text, params);
  }

  /** One statement per 20,000 rows: the rows travel as one JSON parameter, typed by the table itself. */
  async upsert(spec: UpsertSpec, rows: readonly (readonly SqlValue[])[]): Promise<void> {
    const cols = spec.columns.join(', ');
    const text =
      `INSERT INTO ${spec.table} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${spec.table}, $1::json)` +
      onConflictClause(spec);
    for (let i = 0; i < rows.length; i += 20_000) {
      const chunk = rows.slice(i, i + 20_000);
      const json = JSON.stringify(chunk.map((r) => Object.fromEntries(spec.columns.map((c, k) => [c, r[k] ?? null]))));
      await this.call(() => this.client.query(text, [json]));
    }
  }

  transaction<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.call(async () => {
      const conn = await this.pool.connect();
      // A checked-out client that loses its server between two statements emits 'error': without a
      // listener that would end the process. The statement that follows fails and is reported instead.
      const ignore = () => undefined;
      conn.on('error', ignore);
      let broken: unknown;
      try {
        await conn.query('BEGIN');
        const result = await fn(new PostgresRunner(conn, this.pool, this.backoff, this.where, true));
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        broken = await conn.query('ROLLBACK').then(
          () => undefined,
          (rollbackErr: unknown) => rollbackErr,
        );
        throw err;
      } finally {
        conn.off('error', ignore);
        conn.release(broken instanceof Error ? broken : undefined);
      }
    });
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

async function appliedMigration(pool: pg.Pool): Promise<number | null> {
  const { rows } = await pool.query("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present");
  if (!rows[0]?.present) return null;
  const max = await pool.query('SELECT MAX(created_at) AS at FROM drizzle.__drizzle_migrations');
  const at = max.rows[0]?.at;
  return at === null || at === undefined ? null : Number(at);
}

/** Quiets PostgreSQL notices (`relation already exists, skipping`) and idle-connection errors. */
function quietPool(pool: pg.Pool, logger: Logger): void {
  pool.on('error', (err) => logger.debug(`an idle PostgreSQL connection closed: ${err.message}`));
  pool.on('connect', (client) => {
    client.on('notice', () => undefined);
  });
}

export async function openPostgresStore(options: PostgresOptions): Promise<SqlStore> {
  const dir = resolveMigrationsDir('postgres', options.migrationsDir);
  const where = describeServer(options.url);
  const pool = new pg.Pool(postgresPoolOptions(options.url));
  quietPool(pool, options.logger);
  try {
    assertSchemaNotNewer(await appliedMigration(pool), dir, where);
    await migrate(drizzle(pool), { migrationsFolder: dir });
  } catch (err) {
    await pool.end().catch(() => {});
    throw serverError(err, 'PostgreSQL', where);
  }
  options.logger.debug({ server: where }, 'PostgreSQL store opened');
  return new SqlStore(new PostgresRunner(pool, pool, options.backoff ?? new Backoff(), where, false));
}
