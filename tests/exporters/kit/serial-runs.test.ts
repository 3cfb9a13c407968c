/** Serial runs: one at a time, a request during a run queued once (coalesced), drained on stop. */
import { SerialRuns } from '../../../src/exporters/kit/serial-runs.js';

/** A run per call that ends only when the test says so. */
function gatedWork() {
  const started: string[] = [];
  const gates: (() => void)[] = [];
  let running = 0;
  let most = 0;
  const work = (reason: string) =>
    new Promise<void>((resolve) => {
      started.push(reason);
      most = Math.max(most, ++running);
      gates.push(() => {
        running--;
        resolve();
      });
    });
  const finishNext = async () => {
    gates.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { work, started, finishNext, most: () => most };
}

describe('SerialRuns', () => {
  it('starts an idle request at once', () => {
    const g = gatedWork();
    void new SerialRuns(g.work).request('start');
    expect(g.started).toEqual(['start']);
  });

  it('runs one at a time and coalesces the requests made during a run into one run (latest reason)', async () => {
    const g = gatedWork();
    const runs = new SerialRuns(g.work);
    const done: string[] = [];
    void runs.request('start').then(() => done.push('start'));
    for (const reason of ['sync-finished', 'retry', 'sync-once'])
      void runs.request(reason).then(() => done.push(reason));
    expect(g.started).toEqual(['start']);
    await g.finishNext();
    expect(done).toEqual(['start']);
    expect(g.started).toEqual(['start', 'sync-once']);
    await g.finishNext();
    expect(done).toEqual(['start', 'sync-finished', 'retry', 'sync-once']);
    expect(g.started).toHaveLength(2);
    expect(g.most()).toBe(1);
  });

  it('runs again for a request made after the queued run started', async () => {
    const g = gatedWork();
    const runs = new SerialRuns(g.work);
    void runs.request('a');
    void runs.request('b');
    await g.finishNext();
    void runs.request('c');
    await g.finishNext();
    await g.finishNext();
    expect(g.started).toEqual(['a', 'b', 'c']);
  });

  it('drain drops the queued run, resolves its callers and waits for the running one', async () => {
    const g = gatedWork();
    const runs = new SerialRuns(g.work);
    void runs.request('a');
    const queued = runs.request('b');
    let drained = false;
    const draining = runs.drain().then(() => {
      drained = true;
    });
    await queued;
    expect(drained).toBe(false);
    await g.finishNext();
    await draining;
    expect(g.started).toEqual(['a']);
  });

  it('keeps going after a run that rejects', async () => {
    const started: string[] = [];
    const runs = new SerialRuns(async (reason) => {
      started.push(reason);
      if (reason === 'a') throw new Error('boom');
    });
    void runs.request('a');
    await runs.request('b');
    expect(started).toEqual(['a', 'b']);
  });
});
