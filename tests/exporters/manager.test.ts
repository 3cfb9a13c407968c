import { fixedClock } from '../../src/domain/clock.js';
import { createExporterManager } from '../../src/exporters/manager.js';
import type { Exporter, ExporterContext, ExporterStatus } from '../../src/exporters/types.js';
import { memoryLogger } from '../../src/log/logger.js';
import type { Store } from '../../src/store/repository.js';
import { SyncEvents } from '../../src/sync/events.js';

function fakeExporter(name: string, journal: string[], failStart = false): Exporter {
  const status: ExporterStatus = {
    name,
    state: 'idle',
    lastRunAt: null,
    lastSuccessAt: null,
    lastResult: null,
    lastError: null,
  };
  return {
    name,
    async start() {
      if (failStart) throw new Error(`${name} cannot reach its server`);
      journal.push(`start ${name}`);
    },
    async stop() {
      journal.push(`stop ${name}`);
    },
    async run(reason) {
      journal.push(`run ${name} ${reason}`);
    },
    status: () => status,
  };
}

describe('exporter manager', () => {
  const logger = memoryLogger();
  const context: ExporterContext = {
    store: {} as Store,
    events: new SyncEvents(),
    clock: fixedClock(0),
    logger,
  };

  it('skips an exporter that fails to start (kept as an error status), starts the others, stops them in reverse order', async () => {
    const journal: string[] = [];
    const manager = createExporterManager(
      [
        { name: 'a', create: () => fakeExporter('a', journal) },
        { name: 'broken', create: () => fakeExporter('broken', journal, true) },
        { name: 'off', create: () => null },
        { name: 'b', create: () => fakeExporter('b', journal) },
      ],
      context,
    );
    await manager.start();
    expect(manager.started.map((e) => e.name)).toEqual(['a', 'b']);
    expect(manager.statuses().map((s) => s.name)).toEqual(['a', 'broken', 'b']);
    expect(manager.statuses()[1]).toEqual({
      name: 'broken',
      state: 'error',
      lastRunAt: 0,
      lastSuccessAt: null,
      lastResult: null,
      lastError: 'could not start: broken cannot reach its server',
    });
    expect(logger.lines.some((l) => l.level === 'error' && l.msg.includes('broken could not start'))).toBe(true);
    await manager.stop();
    expect(journal).toEqual(['start a', 'start b', 'stop b', 'stop a']);
  });

  it('keeps an exporter whose factory throws as an error status saying why, in factory order', async () => {
    const journal: string[] = [];
    const manager = createExporterManager(
      [
        {
          name: 'mqtt',
          create: () => {
            throw new Error('no broker: set mqtt_url');
          },
        },
        { name: 'a', create: () => fakeExporter('a', journal) },
      ],
      context,
    );
    await manager.start();
    expect(manager.started.map((e) => e.name)).toEqual(['a']);
    expect(manager.statuses().map((s) => [s.name, s.state, s.lastError])).toEqual([
      ['mqtt', 'error', 'could not start: no broker: set mqtt_url'],
      ['a', 'idle', null],
    ]);
    await manager.stop();
    expect(manager.statuses()).toEqual([]);
  });

  it('does not run exporters itself on sync events (each exporter subscribes on its own)', async () => {
    const journal: string[] = [];
    const manager = createExporterManager([{ name: 'a', create: () => fakeExporter('a', journal) }], context);
    await manager.start();
    context.events.emit('sync-finished', { startedAt: 0, finishedAt: 1, calls: 1, changed: [] });
    context.events.emit('sync-finished', {
      startedAt: 0,
      finishedAt: 1,
      calls: 1,
      changed: [{ pdl: '1', stream: 'consumption_daily', range: { start: '2026-01-01', end: '2026-01-02' } }],
    });
    await manager.stop();
    expect(journal).toEqual(['start a', 'stop a']);
  });
});
