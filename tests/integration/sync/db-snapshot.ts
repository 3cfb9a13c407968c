/** Reads the data tables of a store row for row (any engine, or a SQLite file), and checks a file's integrity. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE_NAME } from '../../../src/store/engines/sqlite-file.js';
import type { SqlStore } from '../../../src/store/sql-store.js';
import { TABLE_CATALOG } from '../../../src/store/table-catalog.js';

/** Every data table with an ORDER BY that makes the listing deterministic. */
const DATA_TABLES: Record<string, string> = {
  usage_points: 'pdl',
  daily_energy: 'pdl, direction, date',
  load_curve: 'pdl, direction, start_utc',
  max_power: 'pdl, date',
  tempo_days: 'date',
  ecowatt_signals: 'date',
};

export type DataSnapshot = Record<string, unknown[]>;

export function dbFile(dataDir: string): string {
  return join(dataDir, SQLITE_FILE_NAME);
}

export function dataSnapshot(dataDir: string): DataSnapshot {
  const db = new Database(dbFile(dataDir), { readonly: true });
  try {
    return Object.fromEntries(
      Object.entries(DATA_TABLES).map(([table, order]) => [
        table,
        db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all(),
      ]),
    );
  } finally {
    db.close();
  }
}

/**
 * The data tables of an open store, rows in primary-key order with values normalised the same way on every
 * engine (as `copyStore` reads them): snapshots of a SQLite and a PostgreSQL store compare equal.
 */
export async function storeSnapshot(store: SqlStore): Promise<DataSnapshot> {
  const out: DataSnapshot = {};
  for (const table of TABLE_CATALOG.filter((t) => t.name in DATA_TABLES)) {
    out[table.name] = await store.readTableRows(table, 0, 10_000_000);
  }
  return out;
}

/** `ok` when SQLite finds nothing wrong with the file. */
export function integrityCheck(dataDir: string): string {
  // Read-write: after a crash SQLite may need to replay the WAL, as the next run would.
  const db = new Database(dbFile(dataDir));
  try {
    return (db.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; ');
  } finally {
    db.close();
  }
}

/** Row counts per table, for readable failure messages. */
export function rowCounts(snapshot: DataSnapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).map(([t, rows]) => [t, rows.length]));
}

/**
 * Differences between two snapshots, table by table (row counts and the first differing row); empty when
 * every data table is identical row for row. Cheaper than a deep equality on 100k-row tables.
 */
export function snapshotDiff(actual: DataSnapshot, expected: DataSnapshot): string[] {
  const out: string[] = [];
  for (const [table, rows] of Object.entries(expected)) {
    const got = actual[table] ?? [];
    if (got.length !== rows.length) out.push(`${table}: ${got.length} rows, expected ${rows.length}`);
    const n = Math.min(got.length, rows.length);
    for (let i = 0; i < n; i += 1) {
      const a = JSON.stringify(got[i]);
      const b = JSON.stringify(rows[i]);
      if (a !== b) {
        out.push(`${table} row ${i}: ${a}, expected ${b}`);
        break;
      }
    }
  }
  return out;
}
