/**
 * Runs one at a time. A run asked for while one is running is queued once: every request made during
 * that run is served by the same next run (coalesced), because one fresh export covers them all. The
 * queued run carries the latest request's reason. An idle request starts at once (synchronously), so a
 * caller sees `running` as soon as `request` returns.
 */
interface Waiting {
  reason: string;
  done: Promise<void>;
  resolve: () => void;
}

function waiting(reason: string): Waiting {
  let resolve!: () => void;
  const done = new Promise<void>((r) => {
    resolve = r;
  });
  return { reason, done, resolve };
}

export class SerialRuns {
  private active: Promise<void> | null = null;
  private queued: Waiting | null = null;

  /** `work` records its own failures: it should never reject (a rejection is dropped here). */
  constructor(private readonly work: (reason: string) => Promise<void>) {}

  /** Resolves when a run started after this request has finished. */
  request(reason: string): Promise<void> {
    if (this.queued) {
      this.queued.reason = reason;
      return this.queued.done;
    }
    const next = waiting(reason);
    if (this.active !== null) this.queued = next;
    else this.active = this.drive(next);
    return next.done;
  }

  /** Drops the queued run (its callers resolve now) and waits for the running one. */
  async drain(): Promise<void> {
    this.queued?.resolve();
    this.queued = null;
    await this.active;
  }

  private async drive(first: Waiting): Promise<void> {
    for (let run: Waiting | null = first; run; ) {
      await this.work(run.reason).catch(() => undefined);
      run.resolve();
      run = this.queued;
      this.queued = null;
    }
    this.active = null;
  }
}
