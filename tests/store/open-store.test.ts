import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger } from '../../src/log/logger.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { openDatabase } from '../../src/store/engines/sqlite.js';
import { latestKnownMigration, resolveMigrationsDir } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'med-open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('parseDatabaseUrl', () => {
  test.each([
    [undefined, { engine: 'sqlite', file: '/data/myelectricaldata.db' }],
    ['', { engine: 'sqlite', file: '/data/myelectricaldata.db' }],
    ['sqlite:', { engine: 'sqlite', file: '/data/myelectricaldata.db' }],
    ['sqlite:///var/lib/med.db', { engine: 'sqlite', file: '/var/lib/med.db' }],
    ['sqlite:/var/lib/med.db', { engine: 'sqlite', file: '/var/lib/med.db' }],
    ['sqlite:other.db', { engine: 'sqlite', file: '/data/other.db' }],
    ['postgres://u:p@db:5432/med', { engine: 'postgres', url: 'postgres://u:p@db:5432/med' }],
    ['postgresql://u:p@db/med?sslmode=require', { engine: 'postgres', url: 'postgresql://u:p@db/med?sslmode=require' }],
    ['mysql://u:p@db:3306/med', { engine: 'mysql', url: 'mysql://u:p@db:3306/med' }],
    ['mariadb://u:p@db/med', { engine: 'mysql', url: 'mariadb://u:p@db/med' }],
  ])('%s', (url, expected) => {
    expect(parseDatabaseUrl(url, '/data')).toEqual(expected);
  });

  test.each(['mongodb://u:secretpw@h/db', 'postgres://u:secretpw@/', 'mysql://u:secretpw@h'])(
    'refuses %s without leaking the password',
    (url) => {
      expect(() => parseDatabaseUrl(url, '/data')).toThrow(
        expect.objectContaining({ code: 'STORE_BAD_URL', message: expect.not.stringContaining('secretpw') }),
      );
    },
  );
});

describe('openStore (SQLite)', () => {
  test('creates the database file in the data directory, in WAL mode', async () => {
    const store = await openStore({ dataDir: path.join(dir, 'sub'), logger: silentLogger });
    await store.setCursor('x', 'y', 'z');
    await store.close();
    const db = new Database(path.join(dir, 'sub', 'myelectricaldata.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  test("connections get WAL, foreign keys, a busy timeout and SQLite's own 2 MiB page cache, not 16 MiB", () => {
    const db = openDatabase(path.join(dir, 'pragmas.db'));
    const read = (name: string) => db.pragma(name, { simple: true });
    expect([read('journal_mode'), read('foreign_keys'), read('busy_timeout'), read('cache_size')]).toEqual([
      'wal',
      1,
      5000,
      -2000,
    ]);
    db.close();
  });

  test('the database and its WAL files are readable by their owner only (0600), also when they were wider', async () => {
    const mode = (f: string) => statSync(path.join(dir, f)).mode & 0o777;
    const store = await openStore({ dataDir: dir, logger: silentLogger });
    await store.setCursor('x', 'y', 'z');
    for (const f of ['myelectricaldata.db', 'myelectricaldata.db-wal', 'myelectricaldata.db-shm'])
      expect(mode(f)).toBe(0o600);
    await store.close();
    chmodSync(path.join(dir, 'myelectricaldata.db'), 0o644);
    const again = await openStore({ dataDir: dir, logger: silentLogger });
    expect(mode('myelectricaldata.db')).toBe(0o600);
    await again.close();
  });

  test('a data directory that cannot be created gives STORE_DATA_DIR', async () => {
    writeFileSync(path.join(dir, 'file'), 'x');
    await expect(openStore({ dataDir: path.join(dir, 'file', 'sub'), logger: silentLogger })).rejects.toMatchObject({
      code: 'STORE_DATA_DIR',
      message: expect.stringContaining('DATA_DIR'),
    });
  });

  test('a corrupt file gives STORE_CORRUPT', async () => {
    writeFileSync(path.join(dir, 'myelectricaldata.db'), 'this is not a database at all, just text '.repeat(200));
    await expect(openStore({ dataDir: dir, logger: silentLogger })).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
      message: expect.stringContaining('restore a backup'),
    });
  });

  test('a database migrated by a newer program gives STORE_SCHEMA_TOO_NEW', async () => {
    const store = await openStore({ dataDir: dir, logger: silentLogger });
    await store.close();
    const latest = latestKnownMigration(resolveMigrationsDir('sqlite'));
    const db = new Database(path.join(dir, 'myelectricaldata.db'));
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', latest + 1000);
    db.close();
    await expect(openStore({ dataDir: dir, logger: silentLogger })).rejects.toMatchObject({
      code: 'STORE_SCHEMA_TOO_NEW',
    });
  });

  test('missing migrations folder gives STORE_MIGRATIONS_MISSING', async () => {
    await expect(
      openStore({ dataDir: dir, logger: silentLogger, migrationsRoot: path.join(dir, 'nowhere') }),
    ).rejects.toMatchObject({ code: 'STORE_MIGRATIONS_MISSING' });
  });

  test('the migrations resolver finds the committed journal', () => {
    const found = resolveMigrationsDir('sqlite');
    expect(JSON.parse(readFileSync(path.join(found, 'meta', '_journal.json'), 'utf8')).dialect).toBe('sqlite');
  });
});
