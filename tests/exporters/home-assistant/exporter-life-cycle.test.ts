/**
 * The Home Assistant exporter's life cycle on the kit, with an injected connection: a first run at start,
 * a run after each sync, the counts alone in `lastResult`, a retry with back-off when Home Assistant
 * cannot be reached, none when it refuses the token, nothing after stop.
 */
import { fixedClock } from '../../../src/domain/clock.js';
import type { HaApi } from '../../../src/exporters/home-assistant/ha-client.js';
import {
  HomeAssistantError,
  HomeAssistantExporter,
} from '../../../src/exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../../../src/exporters/home-assistant/options.js';
import { memoryLogger } from '../../../src/log/logger.js';
import type { Store } from '../../../src/store/repository.js';
import { SyncEvents } from '../../../src/sync/events.js';

const flush = () => new Promise((r) => setImmediate(r));
/** No usage point: an export that succeeds has nothing to do (but records its deep-check time). */
const cursors = new Map<string, string>();
const emptyStore = {
  listUsagePoints: async () => [],
  getCursor: async (owner: string, key: string) => cursors.get(`${owner}/${key}`) ?? null,
  setCursor: async (owner: string, key: string, value: string) => void cursors.set(`${owner}/${key}`, value),
} as unknown as Store;
const api = { haVersion: '2026.11.0', close: () => undefined } as unknown as HaApi;

function setUp(connects: (HaApi | HomeAssistantError)[]) {
  const attempts: number[] = [];
  const connect = async () => {
    attempts.push(Date.now());
    const next = connects[Math.min(attempts.length - 1, connects.length - 1)]!;
    if (next instanceof Error) throw next;
    return next;
  };
  const options = parseHomeAssistantExporterOptions({
    url: 'http://ha.test:8123',
    token: 't',
    retryDelaysMs: [100, 300],
  });
  const exporter = new HomeAssistantExporter(options, { connect });
  const events = new SyncEvents();
  const context = { store: emptyStore, events, clock: fixedClock(5_000), logger: memoryLogger() };
  return { exporter, events, context, attempts };
}

const unreachable = () => new HomeAssistantError('HA_UNREACHABLE', 'Home Assistant cannot be reached: check the URL');
const refused = () => new HomeAssistantError('HA_AUTH_REJECTED', 'Home Assistant refused the access token');

beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }));
afterEach(() => jest.useRealTimers());

it('runs at start and after each sync; lastResult holds the counts alone', async () => {
  const x = setUp([api]);
  await x.exporter.start(x.context);
  await flush();
  expect(x.attempts).toHaveLength(1);
  expect(x.exporter.status()).toMatchObject({ state: 'ok', lastResult: { statistics: 0, importedRows: 0 } });
  x.context.clock.set(6_000);
  x.events.emit('sync-finished', { startedAt: 0, finishedAt: 1, calls: 1, changed: [] });
  await flush();
  expect(x.exporter.status()).toMatchObject({ lastRunAt: 6_000, lastSuccessAt: 6_000 });
  expect(x.exporter.status().lastResult).toEqual({ statistics: 0, importedRows: 0 });
  await x.exporter.stop();
  expect(x.events.listenerCount('sync-finished') + x.events.listenerCount('data-changed')).toBe(0);
  expect(x.exporter.status().state).toBe('stopped');
});

it('retries an unreachable Home Assistant with back-off until it answers', async () => {
  const x = setUp([unreachable(), unreachable(), api]);
  await x.exporter.start(x.context);
  await flush();
  expect(x.exporter.status()).toMatchObject({ state: 'error', lastError: expect.stringContaining('check the URL') });
  await jest.advanceTimersByTimeAsync(100);
  await flush();
  expect(x.attempts).toHaveLength(2);
  await jest.advanceTimersByTimeAsync(299);
  expect(x.attempts).toHaveLength(2);
  await jest.advanceTimersByTimeAsync(1);
  await flush();
  expect(x.attempts).toHaveLength(3);
  expect(x.exporter.status()).toMatchObject({ state: 'ok', lastError: null });
  await x.exporter.stop();
});

it('does not retry a refused token, and retries nothing after stop', async () => {
  const refusedOnce = setUp([refused()]);
  await refusedOnce.exporter.start(refusedOnce.context);
  await flush();
  await jest.advanceTimersByTimeAsync(10_000);
  expect(refusedOnce.attempts).toHaveLength(1);
  await refusedOnce.exporter.stop();

  const down = setUp([unreachable()]);
  await down.exporter.start(down.context);
  await flush();
  await down.exporter.stop();
  await jest.advanceTimersByTimeAsync(10_000);
  expect(down.attempts).toHaveLength(1);
});

it('drops a connection whose command went unanswered and opens a new one for the retry', async () => {
  let closed = 0;
  const first = { haVersion: '2026.11.0', close: () => void closed++ } as unknown as HaApi;
  const x = setUp([first, api]);
  let listed = 0;
  const store = {
    ...emptyStore,
    listUsagePoints: async () => {
      if (listed++ === 0) throw new HomeAssistantError('HA_TIMEOUT', 'Home Assistant did not answer within 120 s');
      return [];
    },
  } as unknown as Store;
  await x.exporter.start({ ...x.context, store });
  await flush();
  expect(x.exporter.status()).toMatchObject({ state: 'error', lastError: expect.stringContaining('did not answer') });
  expect(closed).toBe(1);
  await jest.advanceTimersByTimeAsync(100);
  await flush();
  expect(x.attempts).toHaveLength(2);
  expect(x.exporter.status()).toMatchObject({ state: 'ok', lastError: null });
  await x.exporter.stop();
});
