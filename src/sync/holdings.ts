/**
 * Reads what the store holds for a stream into the planner's shape: complete days and day attempts
 * over the stream's horizon.
 */
import type { DateRange, LocalDate } from '../domain/types.js';
import type { Store } from '../store/repository.js';
import { dayStreamSpec, storeKey } from '../streams/index.js';
import type { DayStream, DayStreamHolding } from './planner/index.js';

export async function completeDays(
  store: Store,
  pdl: string,
  stream: DayStream,
  range: DateRange,
): Promise<Set<LocalDate>> {
  return dayStreamSpec(stream).completeDays(store, pdl, range);
}

export async function readHolding(
  store: Store,
  pdl: string,
  stream: DayStream,
  range: DateRange,
): Promise<DayStreamHolding> {
  const spec = dayStreamSpec(stream);
  const key = storeKey(spec, pdl);
  const [days, attempts] = await Promise.all([
    spec.completeDays(store, key, range),
    store.listDayAttempts(key, stream, range),
  ]);
  return { completeDays: days, attempts };
}
