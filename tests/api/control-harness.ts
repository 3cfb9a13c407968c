/**
 * The API with the real sync behind it, for the control routes: the gateway simulator, a real SQLite
 * store, the real SyncEngine (as trigger and control) and an exporter manager; `idle` waits for the
 * current sync to end. Answers are checked against the served OpenAPI document.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { type ApiServer, createApiServer } from '../../src/api/server.js';
import type { ExporterFactory } from '../../src/exporters/manager.js';
import { createExporterManager, type ExporterManager } from '../../src/exporters/manager.js';
import { type MemoryLogger, memoryLogger } from '../../src/log/logger.js';
import { createStatusProvider } from '../../src/sync/status-provider.js';
import { type Harness as SyncHarness, startHarness as startSyncHarness } from '../integration/sync/harness.js';
import { openApiValidator, type Validator } from './openapi-validator.js';

export interface ControlHarness {
  sync: SyncHarness;
  api: ApiServer;
  logger: MemoryLogger;
  exporters: ExporterManager;
  /** Sends a request; the answer must conform to the OpenAPI document for `path`. */
  call(method: 'GET' | 'POST' | 'DELETE', path: string, url: string, payload?: object): Promise<LightMyRequestResponse>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface ControlOptions {
  nowMs: number;
  selection?: string[];
  cooldownMs?: number;
  exporters?: ExporterFactory[];
}

export async function startControlHarness(o: ControlOptions): Promise<ControlHarness> {
  const sync = await startSyncHarness(o.nowMs, {}, o.selection ?? []);
  const { store, engine, clock, events } = sync;
  const logger = memoryLogger();
  const exporters = createExporterManager(o.exporters ?? [], { store, events, clock, logger });
  await exporters.start();
  const status = createStatusProvider({
    store,
    engine,
    client: null,
    clock,
    selection: o.selection ?? [],
    names: {},
    schedule: () => ({ nextDailySync: null, nextTempo: null, nextEcoWatt: null }),
    exporters: () => exporters.statuses(),
    events,
  });
  const api = createApiServer({
    ...{ store, status, clock, logger, events, exporters, version: 't' },
    ...{ syncTrigger: engine, syncControl: engine, manualSyncCooldownMs: o.cooldownMs ?? 0 },
  });
  const validator: Validator = openApiValidator((await api.inject('/api/openapi.json')).json());
  return {
    sync,
    api,
    logger,
    exporters,
    async call(method, path, url, payload) {
      const request: InjectOptions = { method, url };
      if (method !== 'GET') {
        request.headers = { 'content-type': 'application/json' };
        request.payload = JSON.stringify(payload ?? {});
      }
      const res = await api.inject(request);
      validator.check(method, path, res);
      return res;
    },
    async idle() {
      while (engine.state.running) await new Promise((r) => setTimeout(r, 20));
    },
    async close() {
      await engine.stop();
      await exporters.stop();
      await api.close();
      await sync.close();
    },
  };
}
