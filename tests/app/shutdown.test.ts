import { EventEmitter } from 'node:events';
import { closeOnSignals, createShutdown } from '../../src/app/shutdown.js';

describe('createShutdown', () => {
  it('runs closers once, newest first, and keeps going after a failure', async () => {
    const shutdown = createShutdown();
    const order: string[] = [];
    shutdown.register('store', () => order.push('store'));
    shutdown.register('mqtt', () => {
      throw new Error('broker gone');
    });
    shutdown.register('api', async () => {
      order.push('api');
    });
    const failures = await shutdown.run();
    expect(order).toEqual(['api', 'store']);
    expect(failures.map((f) => f.name)).toEqual(['mqtt']);
    expect(await shutdown.run()).toBe(failures);
    expect(order).toEqual(['api', 'store']);
  });

  it('lets a part unregister itself', async () => {
    const shutdown = createShutdown();
    const order: string[] = [];
    const off = shutdown.register('early', () => order.push('early'));
    shutdown.register('late', () => order.push('late'));
    off();
    await shutdown.run();
    expect(order).toEqual(['late']);
  });

  it('gives up on a closer that hangs', async () => {
    const shutdown = createShutdown({ timeoutMs: 20 });
    shutdown.register('stuck', () => new Promise(() => {}));
    const failures = await shutdown.run();
    expect(String(failures[0]?.error)).toContain('stuck did not close within 20 ms');
  });
});

describe('closeOnSignals', () => {
  it('closes on SIGTERM, forces on a second signal, and can stop listening', async () => {
    const target = new EventEmitter();
    const shutdown = createShutdown();
    let release = () => {};
    shutdown.register('slow', () => new Promise<void>((resolve) => (release = resolve)));
    const events: string[] = [];
    const stop = closeOnSignals(shutdown, target, {
      onClosed: (_failures, signal) => events.push(`closed ${signal}`),
      onForced: () => events.push('forced'),
    });
    target.emit('SIGTERM');
    target.emit('SIGINT');
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await shutdown.run();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['forced', 'closed SIGTERM']);
    stop();
    expect(target.listenerCount('SIGTERM') + target.listenerCount('SIGINT')).toBe(0);
  });
});
