/**
 * When syncs run (croner, Europe/Paris): a full sync daily at a random minute between 08:00 and 10:00
 * (after Enedis publishes), retries later in the day while recent days are still missing, Tempo several
 * times a day from 11:00 (a Tempo run costs nothing once tomorrow's colour is held), EcoWatt after RTE's
 * publication (~17:15, Fridays ~12:30) and once in the morning. The sync at start is the app's business.
 * The jobs are `paris-cron.ts` jobs: Paris time without an `Intl.DateTimeFormat`.
 */
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../log/logger.js';
import type { RunOutcome } from './engine.js';
import { nextParisRun, type ParisCron, parisCron } from './paris-cron.js';
import type { SyncScope } from './plan-run.js';
import type { ScheduleStatus } from './status.js';

export interface SchedulerOptions {
  run: (scope: SyncScope, reason: string) => Promise<RunOutcome>;
  clock: Clock;
  logger: Logger;
  /** In [0, 1): picks the daily minute. */
  random: () => number;
}

export interface SchedulePatterns {
  daily: string;
  retry: string;
  tempo: string;
  ecowatt: string[];
}

/** Cron patterns (minute hour …), Paris time; the daily minute is drawn once in 08:00–09:59. */
export function schedulePatterns(random: () => number): SchedulePatterns {
  const minuteOfWindow = Math.min(119, Math.floor(random() * 120));
  const hour = 8 + Math.floor(minuteOfWindow / 60);
  return {
    daily: `${minuteOfWindow % 60} ${hour} * * *`,
    retry: `${minuteOfWindow % 60} 12,15,18,21 * * *`,
    tempo: '5 11,12,13,15,18 * * *',
    ecowatt: ['20 7 * * *', '20 17 * * 0-4,6', '35 12 * * 5'],
  };
}

export type ScheduledJob = 'daily' | 'retry' | 'tempo' | 'ecowatt';

export interface SyncScheduler {
  start(): void;
  stop(): void;
  next(): ScheduleStatus;
  /** Runs a job now, exactly as its cron time would (tests, a future "sync now"). */
  trigger(job: ScheduledJob): Promise<void>;
  readonly patterns: SchedulePatterns;
}

function earliest(patterns: string[], from: number): number | null {
  const times = patterns.map((p) => nextParisRun(p, from)).filter((t): t is number => t !== null);
  return times.length === 0 ? null : Math.min(...times);
}

interface Jobs {
  daily: ParisCron;
  retry: ParisCron;
  tempo: ParisCron;
  ecowatt: ParisCron[];
  all: ParisCron[];
  ecowattJob: () => Promise<void>;
}

/** The cron jobs, paused. Built at the first use. */
function buildJobs(options: SchedulerOptions, patterns: SchedulePatterns, state: { recentMissing: boolean }): Jobs {
  const log = options.logger;
  const cronOptions = { protect: true, catch: (e: unknown) => log.error(`scheduled job failed: ${String(e)}`) };
  const make = (pattern: string, fn: () => Promise<void>) => parisCron(pattern, cronOptions, fn);
  const full = async (reason: string) => {
    const outcome = await options.run('full', reason);
    if (outcome.status !== 'already-running')
      state.recentMissing = outcome.status !== 'ok' || outcome.incompleteRecentDays > 0;
  };
  const daily = make(patterns.daily, () => full('daily'));
  const retry = make(patterns.retry, async () => {
    if (state.recentMissing) await full('retry: recent days still missing');
  });
  const tempo = make(patterns.tempo, async () => {
    await options.run('tempo', 'tempo');
  });
  const ecowattJob = async () => void (await options.run('ecowatt', 'ecowatt'));
  const ecowatt = patterns.ecowatt.map((p) => make(p, ecowattJob));
  return { daily, retry, tempo, ecowatt, all: [daily, retry, tempo, ...ecowatt], ecowattJob };
}

export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const patterns = schedulePatterns(options.random);
  const state = { recentMissing: false };
  let jobs: Jobs | undefined;
  let stopped = false;
  const built = (): Jobs => {
    if (!jobs) {
      jobs = buildJobs(options, patterns, state);
      if (stopped) for (const job of jobs.all) job.stop();
    }
    return jobs;
  };
  const triggers: Record<ScheduledJob, () => Promise<void>> = {
    daily: () => built().daily.trigger(),
    retry: () => built().retry.trigger(),
    tempo: () => built().tempo.trigger(),
    ecowatt: () => built().ecowattJob(),
  };
  return {
    patterns,
    start() {
      // A stopped scheduler never runs again, as a stopped croner job does not.
      if (stopped) return;
      for (const job of built().all) job.resume();
      options.logger.info(`daily sync scheduled at ${patterns.daily} (Europe/Paris cron)`);
    },
    stop() {
      stopped = true;
      for (const job of jobs?.all ?? []) job.stop();
    },
    trigger: (job) => triggers[job](),
    next() {
      const from = options.clock.now();
      return {
        nextDailySync: earliest(state.recentMissing ? [patterns.daily, patterns.retry] : [patterns.daily], from),
        nextTempo: earliest([patterns.tempo], from),
        nextEcoWatt: earliest(patterns.ecowatt, from),
      };
    },
  };
}
