/**
 * The exporter kit's life cycle, on a scripted exporter: status record, retry with back-off (reset on
 * success, none when the exporter says so or after stop), subscriptions dropped on stop, stop waiting for
 * the running run, a failed start leaving nothing behind.
 */
import { fixedClock } from '../../../src/domain/clock.js';
import { type ExportRun, type FailureVerdict, KitExporter } from '../../../src/exporters/kit/kit-exporter.js';
import type { ExporterContext } from '../../../src/exporters/types.js';
import { memoryLogger } from '../../../src/log/logger.js';
import type { Store } from '../../../src/store/repository.js';
import { SyncEvents } from '../../../src/sync/events.js';

type Step = { ok: Record<string, unknown> } | { fail: string; retry?: boolean } | 'wait-for-stop';

/** Plays one scripted step per run; the last step repeats. */
class ScriptedExporter extends KitExporter {
  readonly reasons: string[] = [];
  readonly signals: AbortSignal[] = [];
  disconnected = false;

  constructor(
    private readonly steps: Step[],
    retryDelaysMs: number[] = [],
    private readonly failConnect = false,
  ) {
    super({ name: 'scripted', retryDelaysMs });
  }

  protected async connect(): Promise<void> {
    this.subscribe('sync-finished', () => void this.run('sync-finished'));
    if (this.failConnect) throw new Error('no server: set server_url');
  }

  protected async exportOnce(run: ExportRun): Promise<Record<string, unknown>> {
    this.reasons.push(run.reason);
    this.signals.push(run.signal);
    const step = this.steps[Math.min(this.reasons.length - 1, this.steps.length - 1)]!;
    if (step === 'wait-for-stop') {
      await new Promise((resolve) => run.signal.addEventListener('abort', resolve, { once: true }));
      return { finished: 'after stop' };
    }
    if ('ok' in step) return step.ok;
    throw Object.assign(new Error(step.fail), { retry: step.retry ?? true });
  }

  protected onFailure(err: unknown): FailureVerdict {
    return (err as { retry: boolean }).retry ? 'retry' : 'no-retry';
  }

  protected override async disconnect(): Promise<void> {
    this.disconnected = true;
  }
}

const flush = () => new Promise((r) => setImmediate(r));
const clock = fixedClock(1_000);
let events: SyncEvents;
let context: ExporterContext;

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['setImmediate'] });
  events = new SyncEvents();
  context = { store: {} as Store, events, clock, logger: memoryLogger() };
});
afterEach(() => jest.useRealTimers());

describe('exporter kit', () => {
  it('records running, then ok with the reason and the result, then error with the reason only', async () => {
    const x = new ScriptedExporter([{ ok: { rows: 3 } }, { fail: 'remote said no' }]);
    expect(x.status()).toEqual({
      name: 'scripted',
      state: 'idle',
      lastRunAt: null,
      lastSuccessAt: null,
      lastResult: null,
      lastError: null,
    });
    await x.start(context);
    const running = x.run('start');
    expect(x.status()).toMatchObject({ state: 'running', lastRunAt: 1_000 });
    await running;
    expect(x.status()).toMatchObject({ state: 'ok', lastSuccessAt: 1_000, lastResult: { reason: 'start', rows: 3 } });
    clock.set(2_000);
    await expect(x.run('sync-finished')).resolves.toBeUndefined();
    expect(x.status()).toEqual({
      name: 'scripted',
      state: 'error',
      lastRunAt: 2_000,
      lastSuccessAt: 1_000,
      lastResult: { reason: 'sync-finished' },
      lastError: 'remote said no',
    });
    await x.stop();
    expect(x.status().state).toBe('stopped');
  });

  it('runs nothing before start', async () => {
    const x = new ScriptedExporter([{ ok: {} }]);
    await x.run('early');
    expect(x.reasons).toEqual([]);
    expect(x.status().state).toBe('idle');
  });

  it('retries a failed run with back-off, and starts the delays over after a success', async () => {
    const x = new ScriptedExporter(
      [{ fail: 'down' }, { fail: 'down' }, { ok: {} }, { fail: 'down' }, { ok: {} }],
      [100, 400],
    );
    await x.start(context);
    await x.run('start');
    await jest.advanceTimersByTimeAsync(99);
    expect(x.reasons).toEqual(['start']);
    await jest.advanceTimersByTimeAsync(1);
    await flush();
    expect(x.reasons).toEqual(['start', 'retry']);
    await jest.advanceTimersByTimeAsync(399);
    expect(x.reasons).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    await flush();
    expect(x.reasons).toEqual(['start', 'retry', 'retry']);
    expect(x.status().state).toBe('ok');
    await x.run('sync-finished');
    // Reset by the success: the first delay again.
    await jest.advanceTimersByTimeAsync(100);
    await flush();
    expect(x.reasons).toEqual(['start', 'retry', 'retry', 'sync-finished', 'retry']);
    expect(x.status().state).toBe('ok');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(x.reasons).toHaveLength(5);
    await x.stop();
  });

  it('does not retry what the exporter says cannot succeed', async () => {
    const x = new ScriptedExporter([{ fail: 'token refused', retry: false }], [100]);
    await x.start(context);
    await x.run('start');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(x.reasons).toEqual(['start']);
    await x.stop();
  });

  it('does not retry after stop', async () => {
    const x = new ScriptedExporter([{ fail: 'down' }], [100]);
    await x.start(context);
    await x.run('start');
    await x.stop();
    await jest.advanceTimersByTimeAsync(10_000);
    await x.run('late');
    expect(x.reasons).toEqual(['start']);
    expect(x.status().state).toBe('stopped');
  });

  it('listens to the sync events it subscribed to until stop, then to none', async () => {
    const x = new ScriptedExporter([{ ok: {} }]);
    await x.start(context);
    events.emit('sync-finished', { startedAt: 0, finishedAt: 1, calls: 1, changed: [] });
    await flush();
    expect(x.reasons).toEqual(['sync-finished']);
    await x.stop();
    expect(events.listenerCount('sync-finished')).toBe(0);
    events.emit('sync-finished', { startedAt: 0, finishedAt: 1, calls: 1, changed: [] });
    await flush();
    expect(x.reasons).toEqual(['sync-finished']);
  });

  it('stop asks the running run to finish, waits for it, drops the queued one, then disconnects', async () => {
    const x = new ScriptedExporter(['wait-for-stop', { ok: {} }]);
    await x.start(context);
    let first = false;
    void x.run('start').then(() => {
      first = true;
    });
    const queued = x.run('sync-finished');
    expect(x.signals[0]?.aborted).toBe(false);
    const stopping = x.stop();
    await queued;
    expect(x.disconnected).toBe(false);
    await stopping;
    expect(first).toBe(true);
    expect(x.signals[0]?.aborted).toBe(true);
    expect(x.reasons).toEqual(['start']);
    expect(x.disconnected).toBe(true);
    expect(x.status().state).toBe('stopped');
  });

  it('a failed start throws to the manager and leaves no listener and no run behind', async () => {
    const x = new ScriptedExporter([{ ok: {} }], [], true);
    await expect(x.start(context)).rejects.toThrow('no server: set server_url');
    expect(events.listenerCount('sync-finished')).toBe(0);
    await x.run('sync-finished');
    expect(x.reasons).toEqual([]);
  });
});
