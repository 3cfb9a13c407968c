/** Folds the data-changed events of a run into one range per PDL and stream. */
import { maxDate, minDate } from '../domain/time.js';
import type { DataChangedEvent } from './events.js';

export function mergeChanges(events: readonly DataChangedEvent[]): DataChangedEvent[] {
  const byKey = new Map<string, DataChangedEvent>();
  for (const e of events) {
    const key = `${e.pdl}|${e.stream}`;
    const prev = byKey.get(key);
    byKey.set(
      key,
      prev
        ? {
            ...prev,
            range: { start: minDate(prev.range.start, e.range.start), end: maxDate(prev.range.end, e.range.end) },
          }
        : { ...e, range: { ...e.range } },
    );
  }
  return [...byKey.values()];
}
