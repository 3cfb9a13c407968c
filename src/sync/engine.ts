/**
 * The sync engine: one run at a time, plan → fetch → store chunk by chunk, typed events, progress, quota
 * awareness. A second request while a run is going gets 'already-running'.
 */
import type { Clock } from '../domain/clock.js';
import { addDays, parisToday } from '../domain/time.js';
import type { UsageStats } from '../domain/types.js';
import { errorMessage } from '../errors/app-error.js';
import type { GatewayClient } from '../gateway/types.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/repository.js';
import { errorCode, isFatalForRun, isQuotaError } from './errors.js';
import type { DataChangedEvent, SyncEvents } from './events.js';
import { mergeChanges } from './merge-changes.js';
import { isPdlScope, isSelected, type PdlScope, planPoint, planRun, type SyncScope, scopeLabel } from './plan-run.js';
import { DEFAULT_PLANNER_OPTIONS, type PlannerOptions, type SyncTask } from './planner/index.js';
import { ProgressTracker } from './progress.js';
import { markRefetch, settleRefetch } from './refetch-marks.js';
import { RunHistoryRecorder, runRecord } from './run-history.js';
import { describe, pdlGoneWarning, type Spending, spending, spendingText, unknownPdlWarning } from './run-report.js';
import { initialRunState, type RunOutcome, type RunState, type TasksOutcome } from './run-state.js';
import { runTask } from './run-task.js';

export type { RunOutcome, RunState } from './run-state.js';

import type { SyncControl, SyncTrigger } from './status.js';

export interface SyncEngineOptions {
  store: Store;
  client: GatewayClient;
  clock: Clock;
  logger: Logger;
  events: SyncEvents;
  /** PRMs to synchronise (config `pdls`); empty means all. */
  selection?: readonly string[];
  /** Display names per PRM (config `pdl_names`), stored instead of the gateway's names. */
  names?: Readonly<Record<string, string>>;
  planner?: PlannerOptions;
  /** Draw a progress bar (only when attached to a TTY). */
  tty?: boolean;
}

export class SyncEngine implements SyncTrigger, SyncControl {
  readonly state: RunState = initialRunState();
  private current: Promise<RunOutcome> | null = null;
  /** A `whileIdle` task is running: no sync may start. */
  private holding = false;
  private readonly abort = new AbortController();

  private readonly history: RunHistoryRecorder;

  constructor(readonly options: SyncEngineOptions) {
    this.history = new RunHistoryRecorder(options.store, options.logger);
  }

  start(scope: SyncScope = 'full'): 'started' | 'already-running' {
    if (this.busy()) return 'already-running';
    void this.run(scope).catch(() => undefined);
    return 'started';
  }

  /** Runs a sync of `scope`; resolves when done. Never throws for gateway failures. */
  run(scope: SyncScope = 'full'): Promise<RunOutcome> {
    if (this.busy()) return Promise.resolve({ status: 'already-running' });
    this.current = this.execute(scope).finally(() => {
      this.current = null;
    });
    return this.current;
  }

  /** The tasks a run of `scope` would have now, planned from the stored usage point (no gateway call). */
  async preview(scope: PdlScope): Promise<SyncTask[]> {
    const point = await this.options.store.getUsagePoint(scope.pdl);
    if (!point || !this.selects(scope.pdl)) return [];
    return planPoint(this.planInput(), point, this.options.clock.now(), scope.refetch);
  }

  selects(pdl: string): boolean {
    return isSelected(pdl, this.options.selection ?? []);
  }

  /** Runs `fn` while no sync runs, no sync starting meanwhile (forgetting a PDL); else 'already-running'. */
  async whileIdle<T>(fn: () => Promise<T>): Promise<{ done: T } | 'already-running'> {
    if (this.busy()) return 'already-running';
    this.holding = true;
    try {
      return { done: await fn() };
    } finally {
      this.holding = false;
    }
  }

  private busy(): boolean {
    return this.current !== null || this.holding;
  }

  /** Resolves when the current run (if any) ends; stops new chunks from being fetched. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.current?.catch(() => undefined);
  }

  /** Runs `scope`, then records it in the run history. */
  private async execute(scope: SyncScope): Promise<RunOutcome> {
    const outcome = await this.attempt(scope);
    if (outcome.status === 'already-running') return outcome;
    await this.history.record(runRecord(scopeLabel(scope), this.state, outcome));
    return outcome;
  }

  private async attempt(scope: SyncScope): Promise<RunOutcome> {
    const { clock, logger, events } = this.options;
    const startedAt = clock.now();
    Object.assign(this.state, { running: true, lastRunStartedAt: startedAt, lastRunCalls: 0, incompleteRecentDays: 0 });
    events.emit('sync-started', { startedAt });
    const changed: DataChangedEvent[] = [];
    try {
      // The quota counters before and after, and the HTTP requests in between: what the run cost.
      const before = scope === 'full' ? await this.readUsageStats() : null;
      const requestsBefore = this.options.client.httpRequests?.() ?? null;
      if (isPdlScope(scope) && scope.refetch)
        await markRefetch(this.options.store, scope.pdl, scope.refetch, startedAt);
      const { tasks, unknownSelected } = await planRun(this.planInput(), scope);
      if (scope === 'full') {
        this.state.warnings = unknownSelected.map(unknownPdlWarning);
        for (const warning of this.state.warnings) logger.warn(warning);
      } else if (isPdlScope(scope) && unknownSelected.length > 0) logger.warn(pdlGoneWarning(scope.pdl));
      const total = tasks.reduce((n, t) => n + t.calls, 0);
      logger.info(
        { scope: scopeLabel(scope), tasks: tasks.length, calls: total },
        `sync started (${scopeLabel(scope)}): about ${total} gateway calls`,
      );
      const progress = await ProgressTracker.create(
        { clock, logger, events, tty: this.options.tty ?? false },
        total,
        startedAt,
      );
      this.state.progress = progress;
      const outcome = await this.runTasks(tasks, progress, changed);
      progress.stop();
      const requestsAfter = this.options.client.httpRequests?.() ?? null;
      const after = scope === 'full' ? await this.readUsageStats() : null;
      const spent = spending(requestsBefore, requestsAfter, before, after);
      return this.finish(startedAt, outcome, changed, spent);
    } catch (err) {
      // Stopped by a shutdown while listing the PDLs: said as such, not as the gateway's abort.
      const error = this.abort.signal.aborted ? new Error('sync stopped by shutdown') : err;
      return this.finish(startedAt, { status: 'failed', failedTasks: 0, error }, changed);
    }
  }

  private planInput() {
    const { store, client, clock } = this.options;
    const { selection = [], names = {} } = this.options;
    return { store, client, clock, selection, names, planner: this.plannerOptions(), signal: this.abort.signal };
  }

  private plannerOptions(): PlannerOptions {
    return this.options.planner ?? DEFAULT_PLANNER_OPTIONS;
  }

  private async runTasks(
    tasks: SyncTask[],
    progress: ProgressTracker,
    changed: DataChangedEvent[],
  ): Promise<TasksOutcome> {
    const { store, client, clock, events, logger } = this.options;
    const ctx = {
      store,
      client,
      now: () => clock.now(),
      backoffMs: this.plannerOptions().backoffMs,
      trailingStart: addDays(parisToday(clock.now()), -this.plannerOptions().trailingDays),
      signal: this.abort.signal,
      onCall: () => {
        this.state.lastRunCalls += 1;
        progress.tick();
      },
      onIncomplete: (days: number) => {
        this.state.incompleteRecentDays += days;
      },
      onChanged: (event: DataChangedEvent) => {
        changed.push(event);
        events.emit('data-changed', event);
      },
    };
    let failures = 0;
    let lastError: unknown;
    for (const task of tasks) {
      if (this.abort.signal.aborted)
        return { status: 'failed', failedTasks: failures, error: new Error('sync stopped by shutdown') };
      progress.setTask(task.pdl, task.stream, describe(task));
      const attemptAt = clock.now();
      try {
        await runTask(ctx, task);
        await settleRefetch(store, task);
        await store.setStreamState({
          pdl: task.pdl,
          stream: task.stream,
          lastSuccessAt: clock.now(),
          lastAttemptAt: attemptAt,
          lastError: null,
        });
      } catch (err) {
        // Stopped by a shutdown (SIGTERM): not a failure of the stream; the next run resumes it.
        if (this.abort.signal.aborted)
          return { status: 'failed', failedTasks: failures, error: new Error('sync stopped by shutdown') };
        failures += 1;
        lastError = err;
        await store.setStreamState({
          pdl: task.pdl,
          stream: task.stream,
          lastSuccessAt: (await store.getStreamState(task.pdl, task.stream))?.lastSuccessAt ?? null,
          lastAttemptAt: attemptAt,
          lastError: errorMessage(err),
        });
        if (isQuotaError(err) || this.quotaPaused() !== null)
          return { status: 'quota-exhausted', failedTasks: failures, error: err };
        if (isFatalForRun(err)) return { status: 'failed', failedTasks: failures, error: err };
        logger.warn(
          { pdl: task.pdl, stream: task.stream, code: errorCode(err) },
          `${describe(task)} failed: ${errorMessage(err)}`,
        );
      }
    }
    if (failures > 0 && failures === tasks.length) return { status: 'failed', failedTasks: failures, error: lastError };
    return { status: 'ok', failedTasks: failures };
  }

  /** The gateway's quota counters now (a free call), kept for the status; null when unreadable. */
  private async readUsageStats(): Promise<UsageStats | null> {
    try {
      this.state.lastStats = await this.options.client.getUsageStats({ signal: this.abort.signal });
      return this.state.lastStats;
    } catch (err) {
      this.options.logger.debug(`could not read the gateway quota counters: ${errorMessage(err)}`);
      return null;
    }
  }

  private quotaPaused(): number | null {
    const { client } = this.options;
    return client.quotaPausedUntil('cached') ?? client.quotaPausedUntil('noCache');
  }

  private finish(
    startedAt: number,
    outcome: TasksOutcome,
    changed: DataChangedEvent[],
    spent: Spending = { requests: null, quotaUnits: null },
  ): RunOutcome {
    const { clock, logger, events } = this.options;
    const finishedAt = clock.now();
    const calls = this.state.lastRunCalls;
    const merged = mergeChanges(changed);
    this.state.quotaPausedUntil = this.quotaPaused();
    Object.assign(this.state, { running: false, lastRunFinishedAt: finishedAt, progress: null });
    if (outcome.status === 'failed') {
      const error = { code: errorCode(outcome.error), message: errorMessage(outcome.error), at: finishedAt };
      Object.assign(this.state, { lastRunOk: false, lastError: error });
      logger.error({ code: error.code }, `sync failed: ${error.message}`);
      events.emit('sync-failed', { startedAt, failedAt: finishedAt, error: error.message, code: error.code });
      return {
        status: 'failed',
        calls,
        changed: merged,
        incompleteRecentDays: this.state.incompleteRecentDays,
        failedTasks: outcome.failedTasks,
        error: error.message,
      };
    }
    if (outcome.status === 'quota-exhausted') {
      const until = this.state.quotaPausedUntil;
      const when = until === null ? 'at 00:00 UTC' : `at ${new Date(until).toISOString()}`;
      logger.warn(`gateway daily quota exhausted: sync stopped cleanly, it resumes ${when}`);
      this.state.lastError = {
        code: 'QUOTA_EXHAUSTED',
        message: `daily quota exhausted, resumes ${when}`,
        at: finishedAt,
      };
    } else this.state.lastError = null;
    this.state.lastRunOk = outcome.status === 'ok';
    logger.info(
      { calls, ...spent, ms: finishedAt - startedAt },
      `sync finished: ${spendingText(calls, spent)}, ${merged.length} streams changed`,
    );
    events.emit('sync-finished', { startedAt, finishedAt, calls, requests: spent.requests, changed: merged });
    return {
      status: outcome.status,
      calls,
      changed: merged,
      incompleteRecentDays: this.state.incompleteRecentDays,
      failedTasks: outcome.failedTasks,
    };
  }
}
