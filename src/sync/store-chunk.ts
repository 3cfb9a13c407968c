/**
 * Stores one gateway call's worth of day-based data together with its day-attempt bookkeeping, in ONE
 * store transaction: a crash leaves either both or neither, so a restart redoes exactly the missing work.
 */
import { eachDay } from '../domain/time.js';
import type { DateRange, LocalDate } from '../domain/types.js';
import type { Chunk } from '../gateway/types.js';
import type { Store } from '../store/repository.js';
import { type DayStreamSpec, storeKey } from '../streams/index.js';
import { nextAttempt } from './planner/index.js';

export interface ChunkContext<Row> {
  pdl: string;
  spec: DayStreamSpec<Row>;
  /** Days of the task that were missing: only they get attempt records when still absent. */
  wanted: ReadonlySet<LocalDate>;
  now: number;
  backoffMs: readonly number[];
}

/** Records attempts for wanted days still incomplete and clears them for days now complete. */
async function bookkeep<Row>(
  tx: Store,
  ctx: ChunkContext<Row>,
  key: string,
  range: DateRange,
  complete: Set<LocalDate>,
) {
  const stream = ctx.spec.name;
  const previous = new Map((await tx.listDayAttempts(key, stream, range)).map((a) => [a.date, a]));
  const done = [...previous.keys()].filter((d) => complete.has(d));
  if (done.length > 0) await tx.deleteDayAttempts(key, stream, done);
  const failed = eachDay(range)
    .filter((d) => ctx.wanted.has(d) && !complete.has(d))
    .map((d) => nextAttempt(previous.get(d), d, ctx.now, ctx.backoffMs, 'no data returned'));
  if (failed.length > 0) await tx.upsertDayAttempts(key, stream, failed);
  return failed.map((a) => a.date);
}

export interface StoredChunk {
  /** Days of the chunk that are complete after the write. */
  complete: number;
  /** Days of the derived stream (`spec.derives`) computed from this chunk. */
  derived: LocalDate[];
  /** Wanted days still incomplete (attempt recorded). */
  failed: LocalDate[];
}

export async function storeDayChunk<Row>(
  store: Store,
  ctx: ChunkContext<Row>,
  chunk: Chunk<Row[]>,
): Promise<StoredChunk> {
  const { spec } = ctx;
  const key = storeKey(spec, ctx.pdl);
  return store.transaction(async (tx) => {
    if (chunk.data.length > 0) await spec.write(tx, key, chunk.data);
    const complete = await spec.completeDays(tx, key, chunk.range);
    const failed = await bookkeep(tx, ctx, key, chunk.range, complete);
    const derived = spec.derives ? await spec.derives.run(tx, ctx.pdl, chunk.range, complete) : [];
    return { complete: complete.size, derived, failed };
  });
}
