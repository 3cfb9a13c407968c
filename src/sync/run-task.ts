/**
 * Executes one planned task against the gateway client: day-based streams chunk by chunk (each chunk
 * stored in its own transaction), contract/address/EcoWatt as single calls.
 */
import { addDays } from '../domain/time.js';
import type { DateRange } from '../domain/types.js';
import type { Chunk, FetchOptions, GatewayClient } from '../gateway/types.js';
import type { Store } from '../store/repository.js';
import type { DataChangedEvent } from './events.js';
import type { DayStream, SyncTask } from './planner/index.js';
import { type DayRows, storeDayChunk } from './store-chunk.js';

export interface TaskContext {
  store: Store;
  client: GatewayClient;
  now: () => number;
  backoffMs: readonly number[];
  /** Called after each gateway call's data is committed. */
  onCall: () => void;
  onChanged: (event: DataChangedEvent) => void;
  /** Wanted days of the trailing window still incomplete after a chunk. */
  onIncomplete: (days: number) => void;
  trailingStart: string;
  signal?: AbortSignal;
}

function fetchDays(
  client: GatewayClient,
  task: SyncTask & { range: DateRange },
  options: FetchOptions<DayRows>,
): Promise<unknown> {
  const { pdl, range } = task;
  const opts = options;
  switch (task.stream as DayStream) {
    case 'consumption_daily':
      return client.getDailyEnergy(pdl, 'consumption', range, opts);
    case 'production_daily':
      return client.getDailyEnergy(pdl, 'production', range, opts);
    case 'consumption_curve':
      return client.getLoadCurve(pdl, 'consumption', range, opts);
    case 'production_curve':
      return client.getLoadCurve(pdl, 'production', range, opts);
    case 'max_power':
      return client.getMaxPower(pdl, range, opts);
    case 'tempo':
      // Tempo is one free call without chunks: deliver it as a single chunk.
      return client.getTempoDays(range).then((data) => options.onChunk?.({ range, data, partial: false }));
  }
}

async function runDayTask(ctx: TaskContext, task: SyncTask & { range: DateRange }): Promise<void> {
  const wanted = new Set(task.wanted);
  const onChunk = async (chunk: Chunk<DayRows>) => {
    const stored = await storeDayChunk(
      ctx.store,
      { pdl: task.pdl, stream: task.stream as DayStream, wanted, now: ctx.now(), backoffMs: ctx.backoffMs },
      chunk,
    );
    ctx.onIncomplete(stored.failed.filter((d) => d >= ctx.trailingStart).length);
    ctx.onCall();
    if (chunk.data.length > 0) ctx.onChanged({ pdl: task.pdl, stream: task.stream, range: chunk.range });
    const derived = [...stored.derived].sort();
    const first = derived[0];
    const last = derived[derived.length - 1];
    // Daily totals derived from the curve (J-1) are changes of the daily stream too.
    if (first && last)
      ctx.onChanged({ pdl: task.pdl, stream: 'consumption_daily', range: { start: first, end: addDays(last, 1) } });
  };
  await fetchDays(ctx.client, task, { onChunk, signal: ctx.signal });
}

async function runSingleTask(ctx: TaskContext, task: SyncTask): Promise<void> {
  if (task.stream === 'contract') {
    const contract = await ctx.client.getContract(task.pdl);
    await ctx.store.setContract(contract);
  } else if (task.stream === 'address') {
    const address = await ctx.client.getAddress(task.pdl);
    await ctx.store.setAddress(address);
  } else if (task.stream === 'ecowatt') {
    const signals = await ctx.client.getEcoWattForecast();
    await ctx.store.upsertEcoWatt(signals);
    const dates = signals.map((s) => s.date).sort();
    const first = dates[0];
    const last = dates[dates.length - 1];
    if (first && last)
      ctx.onChanged({ pdl: task.pdl, stream: 'ecowatt', range: { start: first, end: addDays(last, 1) } });
  }
  ctx.onCall();
}

export async function runTask(ctx: TaskContext, task: SyncTask): Promise<void> {
  if (task.range) await runDayTask(ctx, { ...task, range: task.range });
  else await runSingleTask(ctx, task);
}
