/** Shared set-up of the Jeedom tests: an exporter on the fake, and raw JSON-RPC reads to check it. */
import type { Clock } from '../../../src/domain/clock.js';
import { JeedomExporter } from '../../../src/exporters/jeedom/jeedom-exporter.js';
import { type JeedomOptionsInput, jeedomOptions } from '../../../src/exporters/jeedom/options.js';
import { type MemoryLogger, memoryLogger } from '../../../src/log/logger.js';
import type { Store } from '../../../src/store/repository.js';
import { SyncEvents } from '../../../src/sync/events.js';
import type { FakeJeedom } from './fake-jeedom/server.js';

export interface Running {
  exporter: JeedomExporter;
  logger: MemoryLogger;
  events: SyncEvents;
}

export async function startExporter(
  fake: { url: string },
  store: Store,
  clock: Clock,
  over: Partial<JeedomOptionsInput> = {},
  events = new SyncEvents(),
): Promise<Running> {
  const exporter = new JeedomExporter(
    jeedomOptions({ url: fake.url, apiKey: 'core-key', retryDelaysMs: [60_000], ...over }),
  );
  const logger = memoryLogger();
  await exporter.start({ store, events, clock, logger });
  return { exporter, logger, events };
}

/** One JSON-RPC call as any client would make it; returns the result. */
export async function rpc(fake: FakeJeedom, method: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const res = await fetch(`${fake.url}/core/api/jeeApi.php`, {
    method: 'POST',
    body: JSON.stringify({ jsonrpc: '2.0', id: 7, method, params: { apikey: fake.state.apiKey, ...params } }),
  });
  const body = (await res.json()) as { result?: unknown; error?: unknown };
  if (body.error) throw new Error(JSON.stringify(body.error));
  return body.result;
}

/** A command's history read back through `cmd::getHistory`, as numbers when they are numbers. */
export async function historyOf(fake: FakeJeedom, cmdId: number): Promise<Map<string, string>> {
  const rows = await rpc(fake, 'cmd::getHistory', {
    id: cmdId,
    startTime: '1970-01-01 00:00:00',
    endTime: '2999-01-01 00:00:00',
  });
  const list = Array.isArray(rows) ? (rows as { datetime: string; value: string }[]) : [];
  return new Map(list.map((r) => [r.datetime, r.value]));
}

export async function commandIds(fake: FakeJeedom, logicalId: string): Promise<Map<string, number>> {
  const eqs = (await rpc(fake, 'eqLogic::byType', { type: 'virtual' })) as { id: number; logicalId: string }[] | 'ok';
  const eq = eqs === 'ok' ? undefined : eqs.find((e) => e.logicalId === logicalId);
  if (!eq) throw new Error(`no equipment ${logicalId}`);
  const cmds = (await rpc(fake, 'cmd::byEqLogicId', { eqLogic_id: eq.id })) as { id: number; logicalId: string }[];
  return new Map(cmds.map((c) => [c.logicalId, c.id]));
}

export const eventCount = (fake: FakeJeedom): number => fake.state.log.filter((l) => l.method === 'cmd::event').length;

export async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
