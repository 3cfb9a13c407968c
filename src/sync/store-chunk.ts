/**
 * Stores one gateway call's worth of day-based data together with its day-attempt bookkeeping, in ONE
 * store transaction: a crash leaves either both or neither, so a restart redoes exactly the missing work.
 */
import { sumWh } from '../domain/energy.js';
import { addDays, eachDay, parisMidnightUtc } from '../domain/time.js';
import type { CurveReading, DailyEnergy, DateRange, LocalDate, MaxPower, TempoDay } from '../domain/types.js';
import type { Chunk } from '../gateway/types.js';
import { GLOBAL_PDL, type Store } from '../store/repository.js';
import { CURVE_DIRECTION, completeDays, DAILY_DIRECTION } from './holdings.js';
import { type DayStream, nextAttempt } from './planner/index.js';

export type DayRows = DailyEnergy[] | CurveReading[] | MaxPower[] | TempoDay[];

export interface ChunkContext {
  pdl: string;
  stream: DayStream;
  /** Days of the task that were missing: only they get attempt records when still absent. */
  wanted: ReadonlySet<LocalDate>;
  now: number;
  backoffMs: readonly number[];
}

async function writeRows(tx: Store, ctx: ChunkContext, rows: DayRows): Promise<void> {
  const curveDir = CURVE_DIRECTION[ctx.stream];
  const dailyDir = DAILY_DIRECTION[ctx.stream];
  if (curveDir) await tx.upsertCurve(ctx.pdl, curveDir, rows as CurveReading[]);
  else if (dailyDir) await tx.upsertDaily(ctx.pdl, dailyDir, rows as DailyEnergy[]);
  else if (ctx.stream === 'max_power') await tx.upsertMaxPower(ctx.pdl, rows as MaxPower[]);
  else await tx.upsertTempo(rows as TempoDay[]);
}

/** Records attempts for wanted days still incomplete and clears them for days now complete. */
async function bookkeep(tx: Store, ctx: ChunkContext, key: string, range: DateRange, complete: Set<LocalDate>) {
  const previous = new Map((await tx.listDayAttempts(key, ctx.stream, range)).map((a) => [a.date, a]));
  const done = [...previous.keys()].filter((d) => complete.has(d));
  if (done.length > 0) await tx.deleteDayAttempts(key, ctx.stream, done);
  const failed = eachDay(range)
    .filter((d) => ctx.wanted.has(d) && !complete.has(d))
    .map((d) => nextAttempt(previous.get(d), d, ctx.now, ctx.backoffMs, 'no data returned'));
  if (failed.length > 0) await tx.upsertDayAttempts(key, ctx.stream, failed);
  return failed.map((a) => a.date);
}

/**
 * Consumption daily J-1 is not reachable on the gateway: derive it from a complete curve day when the
 * store has no daily value. A real value fetched later overwrites it (upsert).
 */
async function deriveDaily(tx: Store, pdl: string, range: DateRange, completeCurve: Set<LocalDate>) {
  const held = new Set((await tx.listDaily(pdl, 'consumption', range)).map((r) => r.date));
  const todo = eachDay(range).filter((d) => completeCurve.has(d) && !held.has(d));
  if (todo.length === 0) return [];
  const rows: DailyEnergy[] = [];
  for (const date of todo) {
    const readings = await tx.listCurve(pdl, 'consumption', parisMidnightUtc(date), parisMidnightUtc(addDays(date, 1)));
    rows.push({ date, wh: Math.round(sumWh(readings)) });
  }
  await tx.upsertDaily(pdl, 'consumption', rows);
  await tx.deleteDayAttempts(pdl, 'consumption_daily', todo);
  return todo;
}

export interface StoredChunk {
  /** Days of the chunk that are complete after the write. */
  complete: number;
  /** Consumption daily days derived from the curve. */
  derived: LocalDate[];
  /** Wanted days still incomplete (attempt recorded). */
  failed: LocalDate[];
}

export async function storeDayChunk(store: Store, ctx: ChunkContext, chunk: Chunk<DayRows>): Promise<StoredChunk> {
  const key = ctx.stream === 'tempo' ? GLOBAL_PDL : ctx.pdl;
  return store.transaction(async (tx) => {
    if (chunk.data.length > 0) await writeRows(tx, ctx, chunk.data);
    const complete = await completeDays(tx, key, ctx.stream, chunk.range);
    const failed = await bookkeep(tx, ctx, key, chunk.range, complete);
    const derived = ctx.stream === 'consumption_curve' ? await deriveDaily(tx, ctx.pdl, chunk.range, complete) : [];
    return { complete: complete.size, derived, failed };
  });
}
