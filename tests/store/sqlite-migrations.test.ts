/** SQLite migrations on a database written by an earlier version: data kept, the new layout in place. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger } from '../../src/log/logger.js';
import { resolveMigrationsDir } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';

const PDL = '12345678901234';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'med-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A migrations root holding the SQLite migrations up to `tag` only (what an earlier version shipped). */
function migrationsUpTo(tag: string): string {
  const source = resolveMigrationsDir('sqlite');
  const root = path.join(dir, 'migrations');
  const target = path.join(root, 'sqlite');
  mkdirSync(path.join(target, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(source, 'meta/_journal.json'), 'utf8'));
  const last = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
  journal.entries = journal.entries.slice(0, last + 1);
  for (const e of journal.entries) cpSync(path.join(source, `${e.tag}.sql`), path.join(target, `${e.tag}.sql`));
  writeFileSync(path.join(target, 'meta/_journal.json'), JSON.stringify(journal));
  return root;
}

describe('SQLite migration 0001 (load curve WITHOUT ROWID)', () => {
  it('keeps every reading of a database made by the first schema', async () => {
    const old = await openStore({ dataDir: dir, logger: silentLogger, migrationsRoot: migrationsUpTo('0000_init') });
    const readings = Array.from({ length: 1000 }, (_, i) => ({
      start: 1_767_222_000_000 + i * 1_800_000,
      minutes: 30,
      w: i,
    }));
    await old.upsertCurve(PDL, 'consumption', readings);
    await old.upsertCurve(PDL, 'production', readings.slice(0, 10));
    await old.close();

    const store = await openStore({ dataDir: dir, logger: silentLogger });
    expect(await store.listCurve(PDL, 'consumption', 0, Number.MAX_SAFE_INTEGER)).toEqual(readings);
    expect(await store.listCurve(PDL, 'production', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(10);
    // Upserts still replace by key.
    await store.upsertCurve(PDL, 'consumption', [{ ...readings[0]!, w: 4242 }]);
    expect((await store.listCurve(PDL, 'consumption', 0, readings[1]!.start))[0]!.w).toBe(4242);
    await store.close();

    const db = new Database(path.join(dir, 'myelectricaldata.db'), { readonly: true });
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'load_curve'").pluck().get();
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'load_curve%'")
      .pluck()
      .all();
    db.close();
    expect(String(sql)).toMatch(/WITHOUT ROWID/);
    expect(tables).toEqual(['load_curve']);
  });
});

describe('a database already at the newest migration', () => {
  it('opens without reading the migrations themselves (only the journal tells they are all applied)', async () => {
    const first = await openStore({ dataDir: dir, logger: silentLogger });
    await first.upsertCurve(PDL, 'consumption', [{ start: 1_767_222_000_000, minutes: 30, w: 7 }]);
    await first.close();
    // The journal of every migration, none of their SQL files: drizzle's migrator would refuse to read it.
    const root = path.join(dir, 'journal-only');
    mkdirSync(path.join(root, 'sqlite', 'meta'), { recursive: true });
    cpSync(
      path.join(resolveMigrationsDir('sqlite'), 'meta/_journal.json'),
      path.join(root, 'sqlite/meta/_journal.json'),
    );
    const again = await openStore({ dataDir: dir, logger: silentLogger, migrationsRoot: root });
    expect(await again.listCurve(PDL, 'consumption', 0, Number.MAX_SAFE_INTEGER)).toEqual([
      { start: 1_767_222_000_000, minutes: 30, w: 7 },
    ]);
    await again.close();
  });

  it('still gets the missing migrations when it is one behind (journal-only folder refused)', async () => {
    const old = await openStore({ dataDir: dir, logger: silentLogger, migrationsRoot: migrationsUpTo('0000_init') });
    await old.close();
    const root = path.join(dir, 'journal-only');
    mkdirSync(path.join(root, 'sqlite', 'meta'), { recursive: true });
    cpSync(
      path.join(resolveMigrationsDir('sqlite'), 'meta/_journal.json'),
      path.join(root, 'sqlite/meta/_journal.json'),
    );
    await expect(openStore({ dataDir: dir, logger: silentLogger, migrationsRoot: root })).rejects.toThrow();
  });
});
