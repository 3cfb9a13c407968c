/**
 * PostgreSQL engine: postgres.js pool, drizzle migrator. `?sslmode=require|verify-full|prefer|disable` in
 * the URL sets TLS (handled by postgres.js). Bulk upserts are multi-row `INSERT … ON CONFLICT` statements.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Logger } from '../../log/logger.js';
import { Backoff, guarded } from '../backoff.js';
import { assertSchemaNotNewer, resolveMigrationsDir } from '../migrations.js';
import { describeServer, isUnavailable, serverError } from '../server-errors.js';
import {
  chunkRows,
  insertPrefix,
  onConflictClause,
  type Row,
  type SqlRunner,
  type SqlValue,
  type UpsertSpec,
} from '../sql-runner.js';
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

  async upsert(spec: UpsertSpec, rows: readonly (readonly SqlValue[])[]): Promise<void> {
    for (const chunk of chunkRows(rows, spec.columns.length)) {
      await this.run(insertPrefix(spec, chunk.length) + onConflictClause(spec), chunk.flat());
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
