/**
 * The start-up integrity check of a large SQLite file runs on a worker thread: the store is served at
 * once, writes wait for the outcome, and a damaged file then fails every call with what to do, the file
 * untouched. `backgroundCheckBytes: 0` makes a small test file count as large.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { memoryLogger, silentLogger } from '../../src/log/logger.js';
import { openDatabase, openSqliteStore, sqliteError } from '../../src/store/engines/sqlite.js';
import { type CheckWorker, IntegrityGuard } from '../../src/store/engines/sqlite-integrity.js';
import { damagePage } from './damage-file.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'med-integrity-'));
  file = path.join(dir, 'myelectricaldata.db');
  await (await openSqliteStore({ file, logger: silentLogger })).close();
  // Rows over a few hundred pages, so that the damaged page in the middle is one of them.
  const db = openDatabase(file);
  const insert = db.prepare('INSERT INTO exporter_cursors (exporter, cursor_key, value) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run('test', `key-${i}`, 'x'.repeat(120));
  })();
  db.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const damage = () => damagePage(file);

const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex');

test('a damaged small file is refused when it is opened, as before', async () => {
  damage();
  await expect(openSqliteStore({ file, logger: silentLogger })).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
});

test('a large damaged file opens, a write waits for the check and fails with what to do, the file untouched', async () => {
  damage();
  const before = digest();
  const logger = memoryLogger();
  const store = await openSqliteStore({ file, logger, backgroundCheckBytes: 0 });
  try {
    await expect(store.setCursor('test', 'new', 'y')).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
      message: expect.stringContaining('restore a backup'),
    });
    // Every later call fails the same way, reads included.
    await expect(store.listStreamStates()).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    await expect(store.getCursor('test', 'key-1')).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    expect(logger.lines.filter((l) => l.level === 'error' && /is damaged/.test(l.msg))).toHaveLength(1);
    expect(logger.lines.some((l) => /could not run/.test(l.msg))).toBe(false); // the worker thread found it
  } finally {
    await store.close();
  }
  expect(digest()).toBe(before);
});

test('a large sound file is checked in the background: reads and writes work, nothing is reported', async () => {
  const logger = memoryLogger();
  const store = await openSqliteStore({ file, logger, backgroundCheckBytes: 0 });
  try {
    expect(await store.getCursor('test', 'key-7')).toBe('x'.repeat(120));
    await store.setCursor('test', 'new', 'y');
    expect(await store.getCursor('test', 'new')).toBe('y');
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(logger.lines.some((l) => l.msg === 'SQLite file checked' && l.fields.sound === true)).toBe(true);
    expect(logger.lines.some((l) => /could not run/.test(l.msg))).toBe(false); // the worker thread did it
  } finally {
    await store.close();
  }
});

test('stopping the guard while the check runs stops its worker thread', async () => {
  const logger = memoryLogger();
  let stopped = 0;
  const never: CheckWorker = { outcome: new Promise(() => {}), stop: () => stopped++ };
  const db = openDatabase(file);
  const guard = new IntegrityGuard({ file, db, logger, toStoreError: (e) => e, startWorker: () => never });
  guard.stop();
  expect(stopped).toBe(1);
  db.close();
});

describe('when no worker thread can run the check', () => {
  const failing = (): CheckWorker => {
    throw new Error('no threads here');
  };

  test('the store connection checks the file itself and finds the damage', async () => {
    damage();
    const logger = memoryLogger();
    const db = openDatabase(file);
    try {
      const guard = new IntegrityGuard({
        file,
        db,
        logger,
        toStoreError: (e) => sqliteError(e, 'the database file'),
        startWorker: failing,
      });
      await expect(guard.beforeWrite()).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
      expect(() => guard.assertSound()).toThrow(/is damaged/);
    } finally {
      db.close();
    }
  });

  test('a sound file passes', async () => {
    const db = openDatabase(file);
    try {
      const guard = new IntegrityGuard({
        file,
        db,
        logger: silentLogger,
        toStoreError: (e) => e,
        startWorker: failing,
      });
      await expect(guard.beforeWrite()).resolves.toBeUndefined();
    } finally {
      db.close();
    }
  });
});

test('a worker that reports a busy file hands the check to the store connection', async () => {
  damage();
  const db = openDatabase(file);
  try {
    const busy: CheckWorker = {
      outcome: Promise.resolve({ code: 'SQLITE_BUSY', message: 'database is locked' }),
      stop() {},
    };
    const guard = new IntegrityGuard({
      file,
      db,
      logger: silentLogger,
      toStoreError: (e) => sqliteError(e, 'the database file'),
      startWorker: () => busy,
    });
    await expect(guard.beforeWrite()).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  } finally {
    db.close();
  }
});
