/**
 * Executes one planned task against the gateway client, as its stream's spec says: day streams chunk by
 * chunk (each chunk stored in its own transaction), snapshot streams (contract, address, EcoWatt) as one call.
 */
import type { DateRange } from '../domain/types.js';
import type { Chunk, GatewayClient } from '../gateway/types.js';
import type { Store } from '../store/repository.js';
import { type AnySnapshotStreamSpec, type DayRow, type DayStreamSpec, spanOf, streamSpec } from '../streams/index.js';
import type { DataChangedEvent } from './events.js';
import type { SyncTask } from './planner/index.js';
import { storeDayChunk } from './store-chunk.js';

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

async function runDayTask<Row>(
  ctx: TaskContext,
  spec: DayStreamSpec<Row>,
  task: SyncTask & { range: DateRange },
): Promise<void> {
  const wanted = new Set(task.wanted);
  const onChunk = async (chunk: Chunk<Row[]>) => {
    const chunkCtx = { pdl: task.pdl, spec, wanted, now: ctx.now(), backoffMs: ctx.backoffMs };
    const stored = await storeDayChunk(ctx.store, chunkCtx, chunk);
    ctx.onIncomplete(stored.failed.filter((d) => d >= ctx.trailingStart).length);
    ctx.onCall();
    if (chunk.data.length > 0) ctx.onChanged({ pdl: task.pdl, stream: spec.name, range: chunk.range });
    // Days derived from this stream (daily totals from a complete curve, J-1) are changes of that stream too.
    const derived = spanOf(stored.derived.map((date) => ({ date })));
    if (spec.derives && derived) ctx.onChanged({ pdl: task.pdl, stream: spec.derives.stream, range: derived });
  };
  await spec.fetch(ctx.client, task.pdl, task.range, { onChunk, collect: false, signal: ctx.signal });
}

async function runSnapshotTask(ctx: TaskContext, spec: AnySnapshotStreamSpec, task: SyncTask): Promise<void> {
  const value = await spec.fetch(ctx.client, task.pdl, { signal: ctx.signal });
  const changed = await spec.write(ctx.store, value, ctx.now());
  if (changed) ctx.onChanged({ pdl: task.pdl, stream: spec.name, range: changed });
  ctx.onCall();
}

export async function runTask(ctx: TaskContext, task: SyncTask): Promise<void> {
  const spec = streamSpec(task.stream);
  if (spec.unit === 'snapshot') await runSnapshotTask(ctx, spec, task);
  else if (task.range) await runDayTask<DayRow>(ctx, spec, { ...task, range: task.range });
}
