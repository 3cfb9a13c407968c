import { sleepUnlessStopped } from '../../../src/exporters/kit/stoppable-sleep.js';

const never = () => new Promise<void>(() => {});

describe('sleepUnlessStopped', () => {
  it('waits the sleep out and says so when nothing stops it', async () => {
    const asked: number[] = [];
    const sleep = async (ms: number) => void asked.push(ms);
    expect(await sleepUnlessStopped(sleep, 250, new AbortController().signal)).toBe(true);
    expect(await sleepUnlessStopped(sleep, 50, undefined)).toBe(true);
    expect(asked).toEqual([250, 50]);
  });

  it('ends a sleep that would never end when the signal aborts, and drops its listener', async () => {
    const stop = new AbortController();
    const waiting = sleepUnlessStopped(never, 60_000, stop.signal);
    stop.abort();
    expect(await waiting).toBe(false);
    const added = jest.spyOn(stop.signal, 'addEventListener');
    expect(await sleepUnlessStopped(never, 60_000, stop.signal)).toBe(false); // already stopped: no wait at all
    expect(added).not.toHaveBeenCalled();
  });

  it('leaves no listener behind after a wait that ran out', async () => {
    const stop = new AbortController();
    const removed = jest.spyOn(stop.signal, 'removeEventListener');
    await sleepUnlessStopped(async () => {}, 10, stop.signal);
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});
