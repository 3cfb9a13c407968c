/**
 * Tells readers whether the database changed since they last looked (`Store.changeStamp`), so the API
 * can keep rendered answers (`src/api/answer-cache.ts`) until the data under them changes. Every write
 * of this process goes through a runner's `run` or `upsert`: `CountingRunner` wraps the engine's runner
 * and counts them, and once more when a transaction that wrote ends (commit or rollback), so an answer
 * read in between is never taken for the final one. Other processes' writes are seen through the
 * engine's own counter where it has one (SQLite's `PRAGMA data_version`); elsewhere `external` is null.
 */
import type { Row, SqlRunner, SqlValue, UpsertSpec } from './sql-runner.js';

export interface ChangeStamp {
  /** Writes of this process (and ends of transactions that wrote). */
  local: number;
  /** The engine's counter of commits by other connections; null when the engine has none. */
  external: number | null;
}

export class CountingRunner implements SqlRunner {
  constructor(
    private readonly inner: SqlRunner,
    private readonly changes: { count: number } = { count: 0 },
  ) {}

  get dialect() {
    return this.inner.dialect;
  }

  get inTransaction() {
    return this.inner.inTransaction;
  }

  get writes(): number {
    return this.changes.count;
  }

  all(text: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.inner.all(text, params);
  }

  async run(text: string, params?: readonly SqlValue[]): Promise<void> {
    try {
      await this.inner.run(text, params);
    } finally {
      this.changes.count++;
    }
  }

  async upsert(spec: UpsertSpec, rows: readonly (readonly SqlValue[])[]): Promise<void> {
    try {
      await this.inner.upsert(spec, rows);
    } finally {
      this.changes.count++;
    }
  }

  async transaction<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
    if (this.inner.inTransaction) return fn(this);
    let before = 0;
    try {
      return await this.inner.transaction((tx) => {
        before = this.changes.count;
        return fn(new CountingRunner(tx, this.changes));
      });
    } finally {
      if (this.changes.count !== before) this.changes.count++;
    }
  }

  externalChanges(): Promise<number | null> {
    return this.inner.externalChanges?.() ?? Promise.resolve(null);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
