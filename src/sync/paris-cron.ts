/**
 * A job on a cron pattern in Paris time. croner computes each next run, on Paris's offset of the moment
 * (its `utcOffset`, then the offset after the next change when the run falls past it:
 * `domain/paris-offset.ts`), without its `timezone` option, which would create an `Intl.DateTimeFormat`:
 * about 8 MiB of ICU data and 12 ms in a process that otherwise needs none (README, performance). The
 * timer is ours: a live croner job keeps a 10,000-entry year table (80 KiB) for its whole life, and a
 * pattern is only needed while its next run is computed. A pattern must not fire between 02:00 and
 * 03:00, the hour a change skips or repeats (none of ours does).
 */
import { Cron } from 'croner';
import { nextParisOffsetChange, parisOffsetMs } from '../domain/paris-offset.js';

export interface ParisCronOptions {
  /** Skip a run while the previous one is still going (croner's `protect`). */
  protect?: boolean;
  /** Gets a run's error; without it, a scheduled run's error is an unhandled rejection, as with croner. */
  catch?: (error: unknown) => void;
  /** Its timers do not keep the process alive (croner's `unref`). */
  unref?: boolean;
}

export interface ParisCron {
  /** Runs on schedule from now on (a job is created paused). */
  resume(): void;
  /** For good: never scheduled again (a run already going finishes). */
  stop(): void;
  /** Runs the job now, as its time would (even while a scheduled run is going, as croner's trigger). */
  trigger(): Promise<void>;
}

/**
 * Longest single wait: the timer wakes at least this often and compares with the clock, so a clock set
 * back or forward, or a machine resumed from sleep, is caught within it (croner's own step).
 */
const MAX_WAIT_MS = 30_000;

const offsetMinutes = (at: number) => parisOffsetMs(at) / 60_000;

/** The first run of `pattern` after `from` on a fixed UTC offset, in ms; null when there is none. */
function nextRunAtOffset(pattern: string, offset: number, from: number): number | null {
  const cron = new Cron(pattern, { utcOffset: offset, paused: true });
  const next = cron.nextRun(new Date(from))?.getTime() ?? null;
  cron.stop();
  return next;
}

/** The last answer per pattern (the status asks on every poll; each answer builds two croner patterns). */
const lastRuns = new Map<string, { from: number; next: number | null }>();
const MAX_PATTERNS = 64;

/**
 * The first run of `pattern` in Paris time after `from`: on the offset of `from`, unless that run is past
 * the next offset change, then on the offset after it. The answer for an earlier instant still holds for
 * every instant from it up to (not including) that run.
 */
export function nextParisRun(pattern: string, from: number): number | null {
  const hit = lastRuns.get(pattern);
  if (hit && hit.next !== null && from >= hit.from && from < hit.next) return hit.next;
  const next = computeNextRun(pattern, from);
  if (lastRuns.size >= MAX_PATTERNS) lastRuns.clear();
  lastRuns.set(pattern, { from, next });
  return next;
}

function computeNextRun(pattern: string, from: number): number | null {
  const change = nextParisOffsetChange(from);
  const before = nextRunAtOffset(pattern, offsetMinutes(from), from);
  if (before !== null && before < change) return before;
  return nextRunAtOffset(pattern, offsetMinutes(change), change - 1);
}

/** A paused job running `fn` at `pattern` (minute hour …) in Paris time; timers in real time. */
export function parisCron(pattern: string, options: ParisCronOptions, fn: () => Promise<void>): ParisCron {
  nextParisRun(pattern, Date.now()); // a bad pattern fails here, as a croner job would when created
  let running = false;
  let stopped = false;
  let busy = false;
  let next: number | null = null;
  let askedAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const execute = async () => {
    busy = true;
    try {
      await fn();
    } catch (error) {
      if (!options.catch) throw error;
      options.catch(error);
    } finally {
      busy = false;
    }
  };
  const arm = () => {
    if (stopped || !running) return;
    // A clock set back since the next run was worked out may put an earlier run first.
    if (next === null || Date.now() < askedAt) {
      askedAt = Date.now();
      next = nextParisRun(pattern, askedAt);
    }
    if (next === null) return;
    timer = setTimeout(tick, Math.min(MAX_WAIT_MS, Math.max(0, next - Date.now())));
    if (options.unref) timer.unref();
  };
  const tick = () => {
    if (stopped) return;
    if (next !== null && Date.now() >= next) {
      next = null;
      if (!(options.protect && busy)) void execute();
    }
    arm();
  };
  return {
    resume() {
      if (stopped || running) return;
      running = true;
      arm();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    trigger: execute,
  };
}
