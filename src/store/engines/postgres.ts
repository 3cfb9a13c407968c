/**
 * PostgreSQL engine: postgres.js pool, drizzle migrator. `?sslmode=require|verify-full|prefer|disable` in
 * the URL sets TLS (handled by postgres.js). Bulk upserts send the rows as one JSON
 * parameter (`INSERT … SELECT … FROM json_populate_recordset(…) ON CONFLICT …`), typed by the table.
 */

import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Logger } from '../../log/logger.js';
import { Backoff, guarded } from '../backoff.js';
import { assertSchemaNotNewer, resolveMigrationsDir } from '../migrations.js';
import { describeServer, isUnavailable, serverError } from '../server-errors.js';
import { onConflictClause, type Row, type SqlRunner, type SqlValue, type UpsertSpec } from '../sql-runner.js';
import { SqlStore } from '../sql-store.js';

export interface PostgresOptions {
  url: string;
  logger: Logger;
  migrationsDir?: string;
  backoff?: Backoff;
}

type Client = postgres.Sql | postgres.TransactionSql;
type Params = postgres.ParameterOrJSON<never>[];

/** `?` placeholders → `$1, $2, …` (our SQL never has `?` elsewhere). */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

class PostgresRunner implements SqlRunner {
  readonly dialect = 'postgres' as const;

  constructor(
    private readonly client: Client,
    private readonly root: postgres.Sql,
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
    return this.call(async () => [...(await this.client.unsafe(numbered(text), params as Params))] as Row[]);
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
      await this.call(() => this.client.unsafe(text, [json]));
    }
  }

  transaction<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.call(
      () =>
        this.root.begin((tx) => fn(new PostgresRunner(tx, this.root, this.backoff, this.where, true))) as Promise<T>,
    );
  }

  close(): Promise<void> {
    return this.root.end({ timeout: 5 });
  }
}

async function appliedMigration(sql: postgres.Sql): Promise<number | null> {
  const [row] = await sql.unsafe("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present");
  if (!row?.present) return null;
  const [max] = await sql.unsafe('SELECT MAX(created_at) AS at FROM drizzle.__drizzle_migrations');
  return max?.at === null || max?.at === undefined ? null : Number(max.at);
}

export async function openPostgresStore(options: PostgresOptions): Promise<SqlStore> {
  const dir = resolveMigrationsDir('postgres', options.migrationsDir);
  const where = describeServer(options.url);
  const sql = postgres(options.url, { max: 5, onnotice: () => {}, connect_timeout: 10, idle_timeout: 60 });
  try {
    assertSchemaNotNewer(await appliedMigration(sql), dir, where);
    await migrate(drizzle(sql), { migrationsFolder: dir });
  } catch (err) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw serverError(err, 'PostgreSQL', where);
  }
  options.logger.debug({ server: where }, 'PostgreSQL store opened');
  return new SqlStore(new PostgresRunner(sql, sql, options.backoff ?? new Backoff(), where, false));
}
