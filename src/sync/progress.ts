/**
 * Progress of a long sync: counts gateway calls done against the plan's estimate, computes percent and
 * ETA, logs a line at each 10 % step, drives a terminal bar when attached to a TTY, and emits
 * `sync-progress` for the status API.
 */
import type { SingleBar } from 'cli-progress';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../log/logger.js';
import type { StreamName } from '../store/repository.js';
import type { SyncEvents } from './events.js';
import type { SyncProgress } from './status.js';

export interface ProgressOptions {
  clock: Clock;
  logger: Logger;
  events: SyncEvents;
  /** Draw a terminal progress bar (only when stdout is a TTY). */
  tty: boolean;
}

export class ProgressTracker {
  private done = 0;
  private lastLoggedStep = -1;
  private current: { pdl: string | null; stream: StreamName | null; message: string } = {
    pdl: null,
    stream: null,
    message: 'starting',
  };
  private bar: SingleBar | null = null;

  /** A tracker; on a TTY with more than one call to make, with its bar (cli-progress, loaded only then). */
  static async create(options: ProgressOptions, total: number, startedAt: number): Promise<ProgressTracker> {
    const bar = options.tty && total > 1 ? (await import('cli-progress')).default.SingleBar : undefined;
    return new ProgressTracker(options, total, startedAt, bar);
  }

  constructor(
    private readonly options: ProgressOptions,
    private total: number,
    private readonly startedAt: number,
    Bar?: typeof SingleBar,
  ) {
    if (Bar) {
      // Our own ETA (from the injected clock): cli-progress's shows "INF" before the first call ends.
      this.bar = new Bar({
        format: 'sync [{bar}] {percentage}% | {value}/{total} calls | {left} | {task}',
        hideCursor: true,
        clearOnComplete: true,
        barsize: 30,
      });
      this.bar.start(total, 0, { task: 'starting', left: 'ETA …' });
    }
  }

  setTask(pdl: string | null, stream: StreamName | null, message: string): void {
    this.current = { pdl, stream, message };
    this.bar?.update(this.done, { task: message, left: formatEta(this.snapshot().etaMs) });
  }

  /** One more gateway call done; `extraTotal` grows the estimate when a task needed more calls. */
  tick(): void {
    this.done += 1;
    if (this.done > this.total) this.total = this.done;
    const snapshot = this.snapshot();
    this.bar?.setTotal(this.total);
    this.bar?.update(this.done, { task: this.current.message, left: formatEta(snapshot.etaMs) });
    this.options.events.emit('sync-progress', {
      ...this.current,
      done: this.done,
      total: this.total,
      etaMs: snapshot.etaMs,
    });
    const step = Math.floor(snapshot.percent / 10);
    if (!this.bar && step > this.lastLoggedStep && this.total > 1) {
      this.lastLoggedStep = step;
      const eta = snapshot.etaMs === null ? '' : `, ${formatEta(snapshot.etaMs)}`;
      this.options.logger.info(
        { done: this.done, total: this.total, percent: snapshot.percent },
        `sync ${snapshot.percent}% (${this.done}/${this.total} calls${eta}): ${this.current.message}`,
      );
    }
  }

  snapshot(): SyncProgress {
    const elapsed = this.options.clock.now() - this.startedAt;
    const percent = this.total === 0 ? 100 : Math.floor((this.done * 100) / this.total);
    const etaMs = this.done === 0 ? null : Math.round((elapsed / this.done) * (this.total - this.done));
    return { startedAt: this.startedAt, done: this.done, total: this.total, percent, etaMs, ...this.current };
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}

/** `ETA about 12 s` / `ETA about 3 min`; `ETA …` before there is enough to estimate. */
export function formatEta(etaMs: number | null): string {
  if (etaMs === null) return 'ETA …';
  const s = Math.ceil(etaMs / 1000);
  return s < 120 ? `ETA about ${s} s` : `ETA about ${Math.round(s / 60)} min`;
}
