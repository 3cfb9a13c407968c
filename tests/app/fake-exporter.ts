/** An exporter for tests: each run succeeds, fails (as real exporters do: recorded, never thrown) or hangs. */
import type { Exporter, ExporterContext, ExporterStatus } from '../../src/exporters/types.js';

export type FakeOutcome = { ok: Record<string, unknown> } | { error: string } | 'hang';

export class FakeExporter implements Exporter {
  readonly runs: string[] = [];
  started = false;
  stopped = false;
  private context: ExporterContext | null = null;
  private readonly state: ExporterStatus;

  constructor(
    readonly name: string,
    private readonly outcome: FakeOutcome,
  ) {
    this.state = { name, state: 'idle', lastRunAt: null, lastSuccessAt: null, lastResult: null, lastError: null };
  }

  async start(context: ExporterContext): Promise<void> {
    this.context = context;
    this.started = true;
  }

  async run(reason: string): Promise<void> {
    const clock = this.context?.clock;
    if (!clock) return;
    this.runs.push(reason);
    Object.assign(this.state, { state: 'running', lastRunAt: clock.now() });
    const o = this.outcome;
    if (o === 'hang') return new Promise<void>(() => {});
    if ('ok' in o) {
      Object.assign(this.state, { state: 'ok', lastSuccessAt: clock.now(), lastResult: { reason, ...o.ok } });
    } else {
      Object.assign(this.state, { state: 'error', lastError: o.error, lastResult: { reason } });
    }
  }

  status(): ExporterStatus {
    return { ...this.state };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.state.state = 'stopped';
  }
}
