/**
 * A croner job on Paris time without croner's `timezone` option, which would create an
 * `Intl.DateTimeFormat`: about 8 MiB of ICU data and 12 ms in a process that otherwise needs none
 * (README, performance). The job runs on Paris's offset of the moment (croner's `utcOffset`) and is
 * rebuilt on the new offset when Paris changes it (`domain/paris-offset.ts`). A pattern must not fire
 * between 02:00 and 03:00, the hour a change skips or repeats (none of ours does).
 */
import { Cron, type CronOptions } from 'croner';
import { nextParisOffsetChange, parisOffsetMs } from '../domain/paris-offset.js';

export interface ParisCronOptions {
  /** Skip a run while the previous one is still going (croner's `protect`). */
  protect?: boolean;
  catch?: (error: unknown) => void;
  /** Its timers do not keep the process alive (croner's `unref`). */
  unref?: boolean;
}

export interface ParisCron {
  /** Runs on schedule from now on (a job is created paused). */
  resume(): void;
  /** For good: neither scheduled nor rebuilt again. */
  stop(): void;
  /** Runs the job now, as its time would. */
  trigger(): Promise<void>;
}

/** Longest single timer (setTimeout holds 2^31 - 1 ms); a later change is waited for in steps. */
const MAX_TIMER_MS = 2_147_000_000;

const offsetMinutes = (at: number) => parisOffsetMs(at) / 60_000;

/**
 * The first run of `pattern` in Paris time after `from`: on the offset of `from`, unless that run is past
 * the next offset change, then on the offset after it.
 */
export function nextParisRun(pattern: string, from: number): number | null {
  const change = nextParisOffsetChange(from);
  const first = new Cron(pattern, { utcOffset: offsetMinutes(from), paused: true });
  const before = first.nextRun(new Date(from))?.getTime();
  first.stop();
  if (before !== undefined && before < change) return before;
  const second = new Cron(pattern, { utcOffset: offsetMinutes(change), paused: true });
  const after = second.nextRun(new Date(change - 1))?.getTime();
  second.stop();
  return after ?? null;
}

/** A paused job running `fn` at `pattern` (minute hour …) in Paris time; timers in real time, as croner's. */
export function parisCron(pattern: string, options: ParisCronOptions, fn: () => Promise<void>): ParisCron {
  const cronOptions: CronOptions = { ...options };
  let job = new Cron(pattern, { ...cronOptions, utcOffset: offsetMinutes(Date.now()), paused: true }, fn);
  let running = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const follow = () => {
    const change = nextParisOffsetChange(Date.now());
    timer = setTimeout(
      () => {
        if (stopped) return;
        if (Date.now() >= change) {
          job.stop();
          job = new Cron(pattern, { ...cronOptions, utcOffset: offsetMinutes(Date.now()), paused: !running }, fn);
        }
        follow();
      },
      Math.min(MAX_TIMER_MS, Math.max(0, change - Date.now())),
    );
    timer.unref();
  };
  return {
    resume() {
      if (stopped || running) return;
      running = true;
      job.resume();
      follow();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      job.stop();
    },
    trigger: () => job.trigger(),
  };
}
