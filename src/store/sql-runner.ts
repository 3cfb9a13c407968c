/**
 * The small seam between the engine-neutral store (`sql-store.ts`) and each database driver. SQL text
 * uses `?` placeholders and unquoted, non-reserved identifiers, so one text runs on all three engines.
 */
export type Dialect = 'sqlite' | 'postgres' | 'mysql';
export type SqlValue = string | number | boolean | null;
export type Row = Record<string, unknown>;

/** An idempotent insert-or-update: rows whose `key` exists get their other `columns` overwritten. */
export interface UpsertSpec {
  table: string;
  columns: readonly string[];
  key: readonly string[];
}

export interface SqlRunner {
  readonly dialect: Dialect;
  /** True inside `transaction`. */
  readonly inTransaction: boolean;
  all(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  run(text: string, params?: readonly SqlValue[]): Promise<void>;
  /** Bulk upsert (prepared statements or multi-row statements); callers wrap it in a transaction. */
  upsert(spec: UpsertSpec, rows: readonly (readonly SqlValue[])[]): Promise<void>;
  /** One transaction; a nested call joins the outer transaction. */
  transaction<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T>;
  /** A counter of commits made by other connections, where the engine keeps one (SQLite's `data_version`). */
  externalChanges?(): Promise<number | null>;
  close(): Promise<void>;
}

/** `INSERT … VALUES (…),(…)` body shared by the engines, with `?` placeholders. */
export function insertPrefix(spec: UpsertSpec, rowCount: number): string {
  const one = `(${spec.columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${spec.table} (${spec.columns.join(', ')}) VALUES ${Array(rowCount).fill(one).join(', ')}`;
}

export function updateColumns(spec: UpsertSpec): string[] {
  return spec.columns.filter((c) => !spec.key.includes(c));
}

/** `ON CONFLICT` clause for SQLite and PostgreSQL. */
export function onConflictClause(spec: UpsertSpec): string {
  const set = updateColumns(spec).map((c) => `${c} = excluded.${c}`);
  return set.length === 0
    ? ` ON CONFLICT (${spec.key.join(', ')}) DO NOTHING`
    : ` ON CONFLICT (${spec.key.join(', ')}) DO UPDATE SET ${set.join(', ')}`;
}

/** Rows per multi-row statement, staying well under every engine's parameter limit. */
export function chunkRows<T>(rows: readonly T[], columns: number, maxParams = 30_000): T[][] {
  const size = Math.max(1, Math.min(2000, Math.floor(maxParams / columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
