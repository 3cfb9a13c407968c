/**
 * The status record of one exporter (`ExporterStatus`, shown by `/api/status` and `med-local status`),
 * updated by the kit as runs start and end. `lastResult` is `{ reason, ...result }` after a success and
 * `{ reason }` after a failure; an exporter that reports its counts alone (`withReason: false`) keeps
 * its last success's result through failures.
 */
import { errorMessage } from '../../errors/app-error.js';
import type { ExporterStatus } from '../types.js';

export class RunStatus {
  private readonly state: ExporterStatus;

  constructor(
    name: string,
    private readonly withReason = true,
  ) {
    this.state = { name, state: 'idle', lastRunAt: null, lastSuccessAt: null, lastResult: null, lastError: null };
  }

  running(at: number): void {
    Object.assign(this.state, { state: 'running', lastRunAt: at });
  }

  succeeded(at: number, reason: string, result: object): void {
    const lastResult: Record<string, unknown> = this.withReason ? { reason, ...result } : { ...result };
    Object.assign(this.state, { state: 'ok', lastSuccessAt: at, lastResult, lastError: null });
  }

  failed(reason: string, err: unknown): void {
    Object.assign(this.state, { state: 'error', lastError: errorMessage(err) });
    if (this.withReason) this.state.lastResult = { reason };
  }

  /** A failure outside a run (a probe between runs): said in `lastError`, the state is left as is. */
  noted(err: unknown): void {
    this.state.lastError = errorMessage(err);
  }

  stopped(): void {
    this.state.state = 'stopped';
  }

  /** A copy: callers never hold the live record. */
  snapshot(): ExporterStatus {
    return { ...this.state, lastResult: this.state.lastResult ? { ...this.state.lastResult } : null };
  }
}

/** The status of an exporter that could not be built or started, saying why. */
export function startFailure(name: string, err: unknown, at: number): ExporterStatus {
  const lastError = `could not start: ${errorMessage(err)}`;
  return { name, state: 'error', lastRunAt: at, lastSuccessAt: null, lastResult: null, lastError };
}
