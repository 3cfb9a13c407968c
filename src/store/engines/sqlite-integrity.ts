/**
 * The integrity check of a SQLite file at start-up. A page damaged inside leaves the header readable: the
 * file opens, then queries fail one by one; SQLite's `quick_check` finds it, but it reads every page, so
 * its cost grows with the history: 15–25 ms for the demo account's 6 MB, 0.37 s for a 110 MB store (2.3
 * million curve rows, as many as 17 PDLs with 8 years of curve), 2.1 s when that file is not in the disk
 * cache (README, performance).
 *
 * A small file is checked before the store is used, as always. A large one is checked by a worker thread
 * on a read-only connection of its own while the program starts and serves: reads are answered meanwhile,
 * every write waits for the outcome, and a damaged file makes every later call fail with the error that
 * says what to do (the health check then answers 503), before anything was written to it.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Logger } from '../../log/logger.js';

/** Files from this size on are checked in the background (about 60 ms of checking on the bench machine). */
export const BACKGROUND_CHECK_BYTES = 16 * 1024 * 1024;

/** Runs `quick_check` on a connection: throws an error carrying `SQLITE_CORRUPT` when the file is damaged. */
export function quickCheck(db: Database.Database): void {
  const first = db.prepare('PRAGMA quick_check(1)').pluck().get();
  if (first !== 'ok') throw corruptError(String(first));
}

function corruptError(detail: string): Error {
  return Object.assign(new Error(`quick_check: ${detail.slice(0, 200)}`), { code: 'SQLITE_CORRUPT' });
}

/** The worker's whole program (CommonJS, evaluated): one read-only connection, one `quick_check`. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  parentPort.postMessage({ result: String(db.prepare('PRAGMA quick_check(1)').pluck().get()) });
} catch (err) {
  parentPort.postMessage({ code: String((err && err.code) || ''), message: String((err && err.message) || err) });
} finally {
  if (db) db.close();
}`;

type WorkerOutcome = { result: string } | { code: string; message: string };

export interface CheckWorker {
  outcome: Promise<WorkerOutcome>;
  stop(): void;
}

/** Starts the check of `file` on a worker thread; the thread never keeps the process alive. */
export function startCheckWorker(file: string): CheckWorker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver },
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  });
  worker.unref();
  const outcome = new Promise<WorkerOutcome>((resolve, reject) => {
    worker.once('message', (m: WorkerOutcome) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the check's worker thread exited with code ${code}`)));
  });
  return { outcome, stop: () => void worker.terminate() };
}

export interface BackgroundCheckOptions {
  file: string;
  /** The store's own connection: the check runs there when no worker thread can (blocking, but done). */
  db: Database.Database;
  logger: Logger;
  /** Maps a SQLite failure to the error the store reports (`sqliteError`). */
  toStoreError: (err: unknown) => unknown;
  startWorker?: (file: string) => CheckWorker;
}

/**
 * Reads go on while the check runs; writes wait for it; once damage is found every call fails with it.
 * A check that could not run at all (no worker thread) is run on the store's own connection instead.
 */
export class IntegrityGuard {
  private damage: Error | null = null;
  /** Settles once the check has an outcome (never rejects). */
  private readonly pending: Promise<void>;
  private checking = true;
  private stopped = false;
  private readonly worker: CheckWorker | null;

  constructor(private readonly options: BackgroundCheckOptions) {
    const started = Date.now();
    let worker: CheckWorker | null = null;
    let outcome: Promise<WorkerOutcome>;
    try {
      worker = (options.startWorker ?? startCheckWorker)(options.file);
      outcome = worker.outcome;
    } catch (err) {
      outcome = Promise.reject(err);
    }
    this.worker = worker;
    this.pending = outcome
      .then(
        (o) => this.settle(o),
        (err: unknown) => this.fallback(err),
      )
      .then(() => {
        this.checking = false;
        options.logger.debug({ ms: Date.now() - started, sound: this.damage === null }, 'SQLite file checked');
      });
  }

  private settle(o: WorkerOutcome): void {
    if ('result' in o) {
      if (o.result !== 'ok') this.found(corruptError(o.result));
      return;
    }
    const err = Object.assign(new Error(o.message), { code: o.code });
    // Anything but a damaged file (a busy or unreadable one): the store's own connection decides.
    if (o.code === 'SQLITE_NOTADB' || o.code.startsWith('SQLITE_CORRUPT')) this.found(err);
    else this.fallback(err);
  }

  private fallback(err: unknown): void {
    if (this.stopped || !this.options.db.open) return;
    this.options.logger.debug({ err: String(err) }, 'the background check could not run: checking here');
    try {
      quickCheck(this.options.db);
    } catch (failure) {
      this.found(failure);
    }
  }

  private found(err: unknown): void {
    const mapped = this.options.toStoreError(err);
    this.damage = mapped instanceof Error ? mapped : corruptError(String(mapped));
    this.options.logger.error(this.damage.message);
  }

  /** Throws the damage found, if any. */
  assertSound(): void {
    if (this.damage) throw this.damage;
  }

  /** Before a write: waits for a check still running, then throws the damage it found, if any. */
  async beforeWrite(): Promise<void> {
    await this.pending;
    this.assertSound();
  }

  /** Stops a check still running (the store is closing). */
  stop(): void {
    this.stopped = true;
    if (this.checking) this.worker?.stop();
  }
}
