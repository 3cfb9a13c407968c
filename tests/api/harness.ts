/** Builds an API server on a real filled SQLite store, for `inject` tests; `close` cleans everything. */

import type { IngressOptions } from '../../src/api/ingress.js';
import { type ApiServer, type ApiServerOptions, createApiServer } from '../../src/api/server.js';
import { fixedClock } from '../../src/domain/clock.js';
import { type MemoryLogger, memoryLogger } from '../../src/log/logger.js';
import type { Store } from '../../src/store/repository.js';
import type { SyncStatus } from '../../src/sync/status.js';
import { idleStatus, NOW, openFilledStore, type RecordingTrigger, recordingTrigger, statusOf } from './fixtures.js';

export interface Harness {
  api: ApiServer;
  store: Store;
  trigger: RecordingTrigger;
  logger: MemoryLogger;
  setStatus(status: SyncStatus): void;
  close(): Promise<void>;
}

export async function startHarness(
  ingress?: IngressOptions,
  wrapStore: (store: Store) => Store = (store) => store,
  extra: Partial<ApiServerOptions> = {},
): Promise<Harness> {
  const { store: realStore, cleanup } = await openFilledStore();
  const store = wrapStore(realStore);
  let status = idleStatus();
  const trigger = recordingTrigger();
  const logger = memoryLogger();
  const api = createApiServer({
    store,
    status: statusOf(() => status),
    syncTrigger: trigger,
    logger,
    clock: fixedClock(NOW),
    version: '1.2.3',
    ingress,
    healthTimeoutMs: 100,
    ...extra,
  });
  return {
    api,
    store,
    trigger,
    logger,
    setStatus: (s) => {
      status = s;
    },
    close: async () => {
      await api.close();
      await cleanup();
    },
  };
}
