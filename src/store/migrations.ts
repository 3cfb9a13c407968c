/**
 * Where the drizzle-kit migrations live, and the "database newer than this program" guard.
 * From the sources (tsx, jest) they are in `<repo>/drizzle/<dialect>`; next to the esbuild bundle
 * `dist/main.mjs` they are in `dist/drizzle/<dialect>` (the build copies them).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Dialect } from './sql-runner.js';
import { StoreError } from './store-error.js';

export function migrationsDirCandidates(dialect: Dialect): string[] {
  const out: string[] = [];
  const script = process.argv[1];
  if (script && existsSync(script)) out.push(path.join(path.dirname(realpathSync(script)), 'drizzle', dialect));
  if (typeof __dirname === 'string') out.push(path.resolve(__dirname, '..', '..', 'drizzle', dialect));
  out.push(path.resolve('drizzle', dialect));
  return out;
}

/** The migrations folder of `dialect`: `override` if given, else the first candidate that has a journal. */
export function resolveMigrationsDir(dialect: Dialect, override?: string): string {
  const candidates = override ? [override] : migrationsDirCandidates(dialect);
  const found = candidates.find((dir) => existsSync(path.join(dir, 'meta', '_journal.json')));
  if (!found) {
    throw new StoreError(
      'STORE_MIGRATIONS_MISSING',
      `the ${dialect} database migrations were not found (looked in ${candidates.join(', ')}): ` +
        'reinstall the program, or keep the drizzle/ folder next to main.mjs.',
    );
  }
  return found;
}

/**
 * Timestamp of the newest migration this program knows: the newest `when` of drizzle-kit's journal,
 * which drizzle's migrator records as `created_at` once it applied that migration.
 */
export function latestKnownMigration(dir: string): number {
  const journal = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

/** Refuses a database migrated by a newer version of the program (its schema may not match ours). */
export function assertSchemaNotNewer(appliedMillis: number | null, dir: string, where: string): void {
  if (appliedMillis === null) return;
  if (appliedMillis > latestKnownMigration(dir)) {
    throw new StoreError(
      'STORE_SCHEMA_TOO_NEW',
      `the database ${where} was upgraded by a newer version of this program: ` +
        'update the program (or restore a backup made with this version).',
    );
  }
}
