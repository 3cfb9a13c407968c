/**
 * Orderly shutdown: parts register a closer when they start (store, servers, MQTT, schedulers); on
 * SIGTERM/SIGINT, or when a one-shot command ends, the closers run once, newest first, each isolated so
 * that one failure does not keep the others open.
 *
 *   const stop = shutdown.register('api server', () => server.close());
 */
export type Closer = () => unknown;

export interface CloseFailure {
  name: string;
  error: unknown;
}

export interface Shutdown {
  /** Adds a closer; returns a function that removes it (for parts closed early). */
  register(name: string, close: Closer): () => void;
  /** Runs every closer in reverse order of registration; later calls return the first run's result. */
  run(): Promise<CloseFailure[]>;
  readonly started: boolean;
}

export function createShutdown(options: { timeoutMs?: number } = {}): Shutdown {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const closers: { name: string; close: Closer }[] = [];
  let running: Promise<CloseFailure[]> | undefined;
  return {
    register(name, close) {
      const entry = { name, close };
      closers.push(entry);
      return () => {
        const at = closers.indexOf(entry);
        if (at >= 0) closers.splice(at, 1);
      };
    },
    run() {
      running ??= closeAll(closers.splice(0).reverse(), timeoutMs);
      return running;
    },
    get started() {
      return running !== undefined;
    },
  };
}

async function closeAll(closers: { name: string; close: Closer }[], timeoutMs: number): Promise<CloseFailure[]> {
  const failures: CloseFailure[] = [];
  for (const { name, close } of closers) {
    try {
      await withTimeout(Promise.resolve().then(close), timeoutMs, name);
    } catch (error) {
      failures.push({ name, error });
    }
  }
  return failures;
}

function withTimeout(work: Promise<unknown>, ms: number, name: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not close within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface SignalTarget {
  on(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
}

/**
 * On the first SIGTERM/SIGINT run the closers then `onClosed(failures)`; a second signal while closing
 * calls `onForced()` (the user insists: exit now). Returns a function that removes the listeners.
 */
export function closeOnSignals(
  shutdown: Shutdown,
  target: SignalTarget,
  handlers: { onClosed(failures: CloseFailure[], signal: NodeJS.Signals): void; onForced(): void },
): () => void {
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
  const listeners = signals.map((signal) => {
    const listener = () => {
      if (shutdown.started) return handlers.onForced();
      void shutdown.run().then((failures) => handlers.onClosed(failures, signal));
    };
    target.on(signal, listener);
    return { signal, listener };
  });
  return () => {
    for (const { signal, listener } of listeners) target.off(signal, listener);
  };
}
