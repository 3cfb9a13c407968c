/** `GET /api/status` and `GET /api/exporters` list the exporters' state, read live from the exporter manager. */
import { createApiServer } from '../../src/api/server.js';
import { fixedClock } from '../../src/domain/clock.js';
import { createExporterManager, type ExporterManager } from '../../src/exporters/manager.js';
import { silentLogger } from '../../src/log/logger.js';
import { registerSecret } from '../../src/log/redact.js';
import { SyncEvents } from '../../src/sync/events.js';
import { FakeExporter } from '../app/fake-exporter.js';
import { idleStatus, NOW, openFilledStore, recordingTrigger, statusOf, type TestStore } from './fixtures.js';

const SECRET = 'mqtt-pass-5f9e2b7c';
registerSecret(SECRET);

let testStore: TestStore;
let manager: ExporterManager;
const clock = fixedClock(NOW);

beforeEach(async () => {
  testStore = await openFilledStore();
  const exporters = [
    new FakeExporter('mqtt', { ok: { messages: 42, discovery: 12 } }),
    new FakeExporter('home-assistant', { error: `Home Assistant refused the token ${SECRET}: set ha_token` }),
    new FakeExporter('ha-rest-states', { ok: { states: 3 } }),
  ];
  manager = createExporterManager(
    exporters.map((e) => ({ name: e.name, create: () => e })),
    { store: testStore.store, events: new SyncEvents(), clock, logger: silentLogger },
  );
  await manager.start();
  clock.set(NOW - 60_000);
  await exporters[0]!.run('sync-finished');
  await exporters[1]!.run('sync-finished');
  clock.set(NOW);
});

afterEach(async () => {
  await manager.stop();
  await testStore.cleanup();
});

it('shows each started exporter: state, Paris instants, result, redacted error', async () => {
  const api = createApiServer({
    store: testStore.store,
    status: statusOf(() => idleStatus({ exporters: manager.statuses() })),
    syncTrigger: recordingTrigger(),
    logger: silentLogger,
    clock,
    version: '1.2.3',
  });
  try {
    const res = await api.inject('/api/status');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(SECRET);
    expect(res.json().exporters).toEqual([
      {
        name: 'mqtt',
        state: 'ok',
        lastRunAt: '2026-11-27T11:59:00+01:00',
        lastSuccessAt: '2026-11-27T11:59:00+01:00',
        lastResult: { reason: 'sync-finished', messages: 42, discovery: 12 },
        lastError: null,
      },
      {
        name: 'home-assistant',
        state: 'error',
        lastRunAt: '2026-11-27T11:59:00+01:00',
        lastSuccessAt: null,
        lastResult: { reason: 'sync-finished' },
        lastError: 'Home Assistant refused the token ***: set ha_token',
      },
      {
        name: 'ha-rest-states',
        state: 'idle',
        lastRunAt: null,
        lastSuccessAt: null,
        lastResult: null,
        lastError: null,
      },
    ]);
  } finally {
    await api.close();
  }
});

it('answers GET /api/exporters with the same redacted list as /api/status', async () => {
  const api = createApiServer({
    store: testStore.store,
    status: statusOf(() => idleStatus({ exporters: manager.statuses() })),
    syncTrigger: recordingTrigger(),
    logger: silentLogger,
    clock,
    version: '1.2.3',
  });
  try {
    const res = await api.inject('/api/exporters');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(SECRET);
    expect(res.json()).toEqual((await api.inject('/api/status')).json().exporters);
    expect(res.json().map((e: { name: string; state: string }) => [e.name, e.state])).toEqual([
      ['mqtt', 'ok'],
      ['home-assistant', 'error'],
      ['ha-rest-states', 'idle'],
    ]);
  } finally {
    await api.close();
  }
});

it('redacts secrets inside an exporter result too', async () => {
  const api = createApiServer({
    store: testStore.store,
    status: statusOf(() =>
      idleStatus({
        exporters: [
          {
            name: 'mqtt',
            state: 'ok',
            lastRunAt: NOW,
            lastSuccessAt: NOW,
            lastResult: { broker: `mqtt://user:${SECRET}@broker:1883`, nested: { note: SECRET }, topics: [SECRET] },
            lastError: null,
          },
        ],
      }),
    ),
    syncTrigger: recordingTrigger(),
    logger: silentLogger,
    clock,
    version: '1.2.3',
  });
  try {
    const res = await api.inject('/api/status');
    expect(res.body).not.toContain(SECRET);
    expect(res.json().exporters[0].lastResult).toEqual({
      broker: 'mqtt://user:***@broker:1883',
      nested: { note: '***' },
      topics: ['***'],
    });
  } finally {
    await api.close();
  }
});
