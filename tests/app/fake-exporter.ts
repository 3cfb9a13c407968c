/**
 * An exporter for tests, on the exporter kit: each run succeeds, fails (as real exporters do: recorded,
 * never thrown) or hangs until the exporter stops.
 */

import { type ExportRun, type FailureVerdict, KitExporter } from '../../src/exporters/kit/kit-exporter.js';
import type { ExporterContext } from '../../src/exporters/types.js';

export type FakeOutcome = { ok: Record<string, unknown> } | { error: string } | 'hang';

export class FakeExporter extends KitExporter {
  readonly runs: string[] = [];
  started = false;
  stopped = false;

  constructor(
    name: string,
    private readonly outcome: FakeOutcome,
  ) {
    super({ name });
  }

  protected async connect(_context: ExporterContext): Promise<void> {
    this.started = true;
  }

  protected async exportOnce(run: ExportRun): Promise<Record<string, unknown>> {
    this.runs.push(run.reason);
    const o = this.outcome;
    if (o === 'hang') {
      await new Promise((resolve) => run.signal.addEventListener('abort', resolve, { once: true }));
      return {};
    }
    if ('ok' in o) return o.ok;
    throw new Error(o.error);
  }

  protected onFailure(): FailureVerdict {
    return 'no-retry';
  }

  protected override async disconnect(): Promise<void> {
    this.stopped = true;
  }
}
