/**
 * The store factory: picks the engine from `DATABASE_URL`, opens it, applies the migrations and returns
 * a ready `Store`. PostgreSQL and MySQL drivers are loaded only when used.
 */
import type { Logger } from '../log/logger.js';
import { registerSecret } from '../log/redact.js';
import { parseDatabaseUrl } from './database-url.js';
import type { SqlStore } from './sql-store.js';

export interface OpenStoreOptions {
  /** `DATABASE_URL`; absent → SQLite in `dataDir`. */
  url?: string;
  dataDir: string;
  logger: Logger;
  /** Overrides where the drizzle migrations folders (`sqlite/`, `postgres/`, `mysql/`) are found. */
  migrationsRoot?: string;
}

export async function openStore(options: OpenStoreOptions): Promise<SqlStore> {
  const target = parseDatabaseUrl(options.url, options.dataDir);
  const logger = options.logger.child({ component: 'store', engine: target.engine });
  const migrationsDir = options.migrationsRoot ? `${options.migrationsRoot}/${target.engine}` : undefined;
  switch (target.engine) {
    case 'sqlite': {
      const { openSqliteStore } = await import('./engines/sqlite.js');
      return openSqliteStore({ file: target.file, logger, migrationsDir });
    }
    case 'postgres': {
      registerPassword(target.url);
      const { openPostgresStore } = await import('./engines/postgres.js');
      return openPostgresStore({ url: target.url, logger, migrationsDir });
    }
    case 'mysql': {
      registerPassword(target.url);
      const { openMysqlStore } = await import('./engines/mysql.js');
      return openMysqlStore({ url: target.url, logger, migrationsDir });
    }
  }
}

function registerPassword(url: string): void {
  registerSecret(decodeURIComponent(new URL(url).password));
}
