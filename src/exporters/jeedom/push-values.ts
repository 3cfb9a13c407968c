/**
 * Pushes one command's plan with `cmd::event`, batch by batch, saving its cursor after each batch so a
 * crash or a Jeedom restart mid-push re-sends at most one batch. Within a batch, values go out a few at a
 * time (history rows are independent), but the batch's newest value is sent alone after the others were
 * acknowledged: Jeedom makes the last value received the current one.
 */
import type { Store } from '../../store/repository.js';
import { type DatedValue, eventParams } from './build-requests.js';
import type { JeedomApi } from './jeedom-api.js';
import { advanceCursor, batches, type PushCursor } from './plan-push.js';

export const EXPORTER_NAME = 'jeedom';
export const cmdCursorKey = (cmdId: number): string => `cmd:${cmdId}`;

export interface PushSettings {
  batchSize: number;
  concurrency: number;
}

async function pool<T>(items: readonly T[], width: number, send: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await send(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

export async function pushPlan(
  api: JeedomApi,
  store: Store,
  cmdId: number,
  plan: readonly DatedValue[],
  cursor: PushCursor | null,
  settings: PushSettings,
  signal: AbortSignal,
): Promise<void> {
  let current = cursor;
  const send = (v: DatedValue) => api.event(eventParams(cmdId, v), signal);
  for (const batch of batches(plan, settings.batchSize)) {
    signal.throwIfAborted();
    await pool(batch.slice(0, -1), settings.concurrency, send);
    await send(batch.at(-1)!);
    current = advanceCursor(current, batch);
    await store.setCursor(EXPORTER_NAME, cmdCursorKey(cmdId), JSON.stringify(current));
  }
}
