/**
 * SQLite engine: better-sqlite3 (synchronous, one connection) in WAL mode. Async transactions over the
 * synchronous driver: `BEGIN IMMEDIATE` … `COMMIT`/`ROLLBACK` around the awaited function, with a mutex so
 * that nothing else runs on the connection meanwhile; nested calls join the outer transaction.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../../log/logger.js';
import { AsyncMutex } from '../async-mutex.js';
import { assertSchemaNotNewer, latestKnownMigration, resolveMigrationsDir } from '../migrations.js';
import {
  insertPrefix,
  onConflictClause,
  type Row,
  type SqlRunner,
  type SqlValue,
  type UpsertSpec,
} from '../sql-runner.js';
import { SqlStore } from '../sql-store.js';
import { StoreError } from '../store-error.js';
import { BACKGROUND_CHECK_BYTES, IntegrityGuard, quickCheck } from './sqlite-integrity.js';

export { SQLITE_FILE_NAME } from './sqlite-file.js';

export interface SqliteOptions {
  /** Database file; `:memory:` for a throw-away store. */
  file: string;
  logger: Logger;
  migrationsDir?: string;
  /** Files from this size on are checked in the background (`sqlite-integrity.ts`); for the tests. */
  backgroundCheckBytes?: number;
}

type Bindable = number | string | null | bigint | Buffer;
/** Rows per multi-row upsert statement (well under SQLite's 32,766 parameters). */
const UPSERT_BATCH = 100;
const bindOne = (v: SqlValue): Bindable => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
const bind = (params: readonly SqlValue[]): Bindable[] => params.map(bindOne);

class SqliteRunner implements SqlRunner {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly mutex: AsyncMutex,
    readonly inTransaction: boolean,
    private readonly parent?: SqliteRunner,
    private readonly guard?: IntegrityGuard,
  ) {}

  private stmt(text: string): Database.Statement {
    if (this.parent) return this.parent.stmt(text);
    let st = this.statements.get(text);
    if (!st) {
      if (this.statements.size > 500) this.statements.clear();
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  /** One statement on the connection; a write waits for a background integrity check still running. */
  private async exclusive<T>(fn: () => T, write: boolean): Promise<T> {
    if (this.inTransaction) return Promise.resolve().then(fn);
    const guard = this.guard;
    if (!guard) return this.mutex.lock(fn);
    if (write) await guard.beforeWrite();
    return this.mutex.lock(() => {
      guard.assertSound();
      return fn();
    });
  }

  all(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.exclusive(() => wrap(() => this.stmt(text).all(bind(params)) as Row[]), false);
  }

  async run(text: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.exclusive(() => wrap(() => this.stmt(text).run(bind(params))), true);
  }

  /**
   * Prepared statements of `UPSERT_BATCH` rows, then one row at a time for the rest: one statement
   * step per batch instead of per row: 1.3–2× faster for a bulk write (README, performance).
   */
  async upsert(spec: UpsertSpec, rows: readonly (readonly SqlValue[])[]): Promise<void> {
    const one = this.stmt(insertPrefix(spec, 1) + onConflictClause(spec));
    const many =
      rows.length >= UPSERT_BATCH ? this.stmt(insertPrefix(spec, UPSERT_BATCH) + onConflictClause(spec)) : null;
    const write = this.db.transaction(() => {
      let i = 0;
      if (many) {
        const width = spec.columns.length;
        const params: Bindable[] = new Array(UPSERT_BATCH * width);
        for (; i + UPSERT_BATCH <= rows.length; i += UPSERT_BATCH) {
          for (let k = i, p = 0; k < i + UPSERT_BATCH; k++) {
            const row = rows[k]!;
            if (row.length !== width) throw new Error(`a ${spec.table} row has ${row.length} values, not ${width}`);
            for (const v of row) params[p++] = bindOne(v);
          }
          many.run(params);
        }
      }
      for (; i < rows.length; i++) one.run(bind(rows[i]!));
    });
    await this.exclusive(() => wrap(() => write()), true);
  }

  async transaction<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    await this.guard?.beforeWrite();
    return this.mutex.lock(async () => {
      this.guard?.assertSound();
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new SqliteRunner(this.db, this.mutex, true, this));
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async externalChanges(): Promise<number | null> {
    return this.db.open ? Number(this.db.pragma('data_version', { simple: true })) : null;
  }

  async close(): Promise<void> {
    this.guard?.stop();
    await this.mutex.lock(() => {
      if (this.db.open) this.db.close();
    });
  }
}

function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw sqliteError(err, 'the query');
  }
}

/** Maps SQLite failures to errors that say what to do. */
export function sqliteError(err: unknown, where: string): unknown {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError(
      'STORE_CORRUPT',
      `${where} is damaged (${code}) and was left as it is: restore a backup of it (in the add-on: ` +
        'Settings → System → Backups), or stop the program and move the file away to start fresh ' +
        '(a new empty database is then created and the data is downloaded again).',
      { cause: err },
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_IOERR')) {
    return new StoreError(
      'STORE_DATA_DIR',
      `${where} cannot be opened for writing (${code}): check that the data directory exists and is writable.`,
      { cause: err },
    );
  }
  return err;
}

/**
 * The database holds the address and the whole consumption history: readable by its owner only (0600).
 * The file is created with that mode before SQLite opens it, and SQLite gives its `-wal` and `-shm` files
 * the database file's mode; an older file or one SQLite made is brought to 0600 too. A file owned by
 * someone else (chmod refused) is left as it is.
 */
function ownerOnly(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (existsSync(f)) chmodSync(f, 0o600);
    } catch {
      // not ours to change
    }
  }
}

/** One connection with the settings every store connection gets (exported for their test). */
export function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
    } catch (err) {
      throw new StoreError(
        'STORE_DATA_DIR',
        `cannot create the data directory ${path.dirname(file)} (${(err as { code?: string }).code}): ` +
          'set DATA_DIR to a writable folder.',
        { cause: err },
      );
    }
  }
  if (file !== ':memory:') ownerOnly(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  if (file !== ':memory:') ownerOnly(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // SQLite's own default page cache (2 MiB): better-sqlite3 builds SQLite with 16 MiB, which a store of
  // years of curves fills and keeps resident. Measured: no change to the bulk upsert rate (README).
  db.pragma('cache_size = -2000');
  return db;
}

function appliedMigration(db: Database.Database): number | null {
  const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'");
  if (!table.get()) return null;
  const row = db.prepare('SELECT MAX(created_at) AS at FROM __drizzle_migrations').get() as { at: unknown };
  return row.at === null ? null : Number(row.at);
}

/** drizzle's migrator, loaded only when the database needs a migration (a new one, or an upgrade). */
async function migrate(db: Database.Database, dir: string): Promise<void> {
  const [{ drizzle }, { migrate: apply }] = await Promise.all([
    import('drizzle-orm/better-sqlite3'),
    import('drizzle-orm/better-sqlite3/migrator'),
  ]);
  apply(drizzle(db), { migrationsFolder: dir });
}

export async function openSqliteStore(options: SqliteOptions): Promise<SqlStore> {
  const dir = resolveMigrationsDir('sqlite', options.migrationsDir);
  const where = `the database file ${options.file}`;
  const large = fileBytes(options.file) >= (options.backgroundCheckBytes ?? BACKGROUND_CHECK_BYTES);
  let db: Database.Database | undefined;
  let background = false;
  try {
    db = openDatabase(options.file);
    const applied = appliedMigration(db);
    // drizzle applies the migrations newer than the last one recorded: none when that is the newest.
    const migrating = applied === null || applied < latestKnownMigration(dir);
    // A file about to be migrated is checked first, whatever its size.
    background = large && !migrating;
    if (!background) quickCheck(db);
    assertSchemaNotNewer(applied, dir, options.file);
    if (migrating) await migrate(db, dir);
  } catch (err) {
    db?.close();
    throw sqliteError(err, where);
  }
  options.logger.debug({ file: options.file, backgroundCheck: background }, 'SQLite store opened');
  const guard = background
    ? new IntegrityGuard({ file: options.file, db, logger: options.logger, toStoreError: (e) => sqliteError(e, where) })
    : undefined;
  return new SqlStore(new SqliteRunner(db, new AsyncMutex(), false, undefined, guard));
}

function fileBytes(file: string): number {
  if (file === ':memory:' || !existsSync(file)) return 0;
  return statSync(file).size;
}
