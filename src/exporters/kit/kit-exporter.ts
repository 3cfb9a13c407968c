/**
 * The exporter kit: the life cycle every exporter shares, so that an exporter is only its options, its
 * connection and "do one export". The kit gives it
 * - serial runs: one at a time, a run asked for during a run queued once (`SerialRuns`);
 * - the status record (`ExporterStatus`): running → ok / error, with the run's reason;
 * - retry with back-off after a failure the exporter says is worth retrying (`onFailure`);
 * - sync-event subscriptions (`subscribe`), all dropped on `stop`;
 * - an `export-finished` event after each successful run, with the rows it wrote (`exported-rows.ts`);
 * - `stop`: no new run, no retry, the running run asked to finish (`signal`) and waited for, then
 *   `disconnect`.
 * `run(reason)` resolves when done and never throws: failures end in the status and the log.
 */
import type { Logger } from '../../log/logger.js';
import type { Exporter, ExporterContext, ExporterStatus } from '../types.js';
import { exportedRows } from './exported-rows.js';
import { RetryTimer } from './retry.js';
import { RunStatus } from './run-status.js';
import { SerialRuns } from './serial-runs.js';
import { Subscriptions, type SyncEventName, type SyncListener } from './subscriptions.js';

export interface KitOptions {
  name: string;
  /** Pauses before retrying a failed run (ms), the last one repeating; none or empty: no retry. */
  retryDelaysMs?: readonly number[];
  /** false: `lastResult` is the export's result alone, kept through failures (see `RunStatus`). */
  reasonInResult?: boolean;
}

/** What one export is told about its run. */
export interface ExportRun {
  reason: string;
  context: ExporterContext;
  /** `clock.now()` when the run started. */
  startedAt: number;
  /** Aborted when the exporter stops: a long wait inside the export should end early. */
  signal: AbortSignal;
}

/** After a failed run: try again later with back-off, or wait for the next trigger. */
export type FailureVerdict = 'retry' | 'no-retry';

export abstract class KitExporter implements Exporter {
  readonly name: string;
  protected context: ExporterContext | null = null;
  protected logger: Logger | null = null;
  // ES private fields: an exporter's own fields can never clash with (or reach into) the kit's.
  readonly #record: RunStatus;
  readonly #serial = new SerialRuns((reason) => this.#runOnce(reason));
  readonly #retry: RetryTimer;
  readonly #subscriptions = new Subscriptions();
  #abort = new AbortController();
  #stopped = false;

  constructor(kit: KitOptions) {
    this.name = kit.name;
    this.#record = new RunStatus(kit.name, kit.reasonInResult ?? true);
    this.#retry = new RetryTimer(kit.retryDelaysMs ?? [], () => void this.run('retry'));
  }

  /** Opens the connection, subscribes, asks for a first run if it wants one. Throwing = could not start. */
  protected abstract connect(context: ExporterContext): Promise<void>;

  /** One export; returns what it wrote (the status's `lastResult`); throws when it failed. */
  protected abstract exportOnce(run: ExportRun): Promise<object>;

  /** After a failed run, once the status says so: log it, drop a broken connection, say if a retry helps. */
  protected abstract onFailure(err: unknown, run: ExportRun): FailureVerdict;

  /** Releases the connection, after the last run ended. */
  protected async disconnect(): Promise<void> {}

  async start(context: ExporterContext): Promise<void> {
    this.context = context;
    this.logger = context.logger.child({ exporter: this.name });
    this.#stopped = false;
    this.#abort = new AbortController();
    try {
      await this.connect(context);
    } catch (err) {
      // Not started: no run, no listener is left behind.
      this.#stopped = true;
      this.#subscriptions.dropAll();
      throw err;
    }
  }

  run(reason: string): Promise<void> {
    return this.#serial.request(reason);
  }

  status(): ExporterStatus {
    return this.#record.snapshot();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#subscriptions.dropAll();
    this.#retry.cancel();
    this.#abort.abort();
    await this.#serial.drain();
    await this.disconnect();
    this.#record.stopped();
  }

  /** Listens to a sync event until `stop`. */
  protected subscribe<K extends SyncEventName>(event: K, listener: SyncListener<K>): void {
    if (this.context) this.#subscriptions.add(this.context.events, event, listener);
  }

  /** A failure between runs (a probe): said in `lastError` without changing the state. */
  protected noteError(err: unknown): void {
    this.#record.noted(err);
  }

  async #runOnce(reason: string): Promise<void> {
    const context = this.context;
    if (!context || this.#stopped) return;
    const { clock } = context;
    const run: ExportRun = { reason, context, startedAt: clock.now(), signal: this.#abort.signal };
    this.#record.running(run.startedAt);
    try {
      const result = await this.exportOnce(run);
      const finishedAt = clock.now();
      this.#record.succeeded(finishedAt, reason, result);
      context.events.emit('export-finished', { exporter: this.name, reason, finishedAt, rows: exportedRows(result) });
      this.#retry.reset();
    } catch (err) {
      this.#record.failed(reason, err);
      if (this.onFailure(err, run) === 'retry' && !this.#stopped) this.#retry.schedule();
    }
  }
}
