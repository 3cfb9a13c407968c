/**
 * Reads back what a run pushed. VictoriaMetrics answers 204 before its in-memory buffer reaches the disk,
 * so a crash (or `kill -9`) right after a push can lose acknowledged samples; counting them back is the
 * only way to be sure nothing is lost. A series whose count does not come back is pushed again in full.
 */
import { sleepUnlessStopped } from '../kit/stoppable-sleep.js';
import type { VmClient } from './vm-client.js';

export interface PushCheck {
  selector: string;
  /** Samples with `from <= t < to` the series must hold. */
  from: number;
  to: number;
  expected: number;
}

export interface VerifyOptions {
  sleep: (ms: number) => Promise<void>;
  /** The run's stop signal: polling ends when it aborts (`verifyPush` then throws). */
  signal?: AbortSignal;
  /** Polls before giving up: a fresh import becomes searchable about a second later. */
  attempts?: number;
  intervalMs?: number;
}

/** The exporter stopped during a push or its read-back: the cursors stay where they were. */
export class VmStopped extends Error {
  readonly code = 'VM_STOPPED';
  constructor(during: string) {
    super(`stopped ${during}: the next start pushes what was not counted back`);
  }
}

/** The checks whose count is still wrong after polling (empty: everything is there, exactly once). */
export async function verifyPush<C extends PushCheck>(client: VmClient, checks: C[], o: VerifyOptions): Promise<C[]> {
  let pending = checks;
  if (!pending.length) return [];
  await client.forceFlush();
  for (let i = 0; i < (o.attempts ?? 40); i++) {
    const still: C[] = [];
    for (const c of pending) {
      const held = (await client.exportSeries(c.selector, c.from, c.to - 1)).reduce(
        (n, s) => n + s.timestamps.length,
        0,
      );
      if (held !== c.expected) still.push(c);
    }
    pending = still;
    if (!pending.length) return [];
    if (!(await sleepUnlessStopped(o.sleep, o.intervalMs ?? 250, o.signal)))
      throw new VmStopped('while VictoriaMetrics was still taking the pushed samples');
  }
  return pending;
}
