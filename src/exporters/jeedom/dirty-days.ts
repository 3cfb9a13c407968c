/**
 * Days the sync changed (`data-changed`), kept per PDL and stream in the exporter's cursors so that a
 * restart between the sync and the export loses nothing; the next run re-sends their values, then they
 * are dropped (unless new ones arrived meanwhile).
 */
import { maxDate, minDate } from '../../domain/time.js';
import type { DateRange } from '../../domain/types.js';
import { GLOBAL_PDL, type Store, type StreamName } from '../../store/repository.js';
import { addMark, type MarkCodec, type ServedMarks } from '../kit/dirty-marks.js';
import type { ValueSource } from './commands.js';
import { EXPORTER_NAME } from './push-values.js';

const MAX_RANGES = 50;
export const dirtyKey = (pdl: string, stream: StreamName): string => `dirty:${pdl}:${stream}`;

/** The stored stream a command's history comes from, with its PDL (Tempo and EcoWatt are global). */
export function streamOf(source: ValueSource, pdl: string): { pdl: string; stream: StreamName } | null {
  switch (source.kind) {
    case 'daily':
      return { pdl, stream: `${source.direction}_daily` };
    case 'curve':
      return { pdl, stream: `${source.direction}_curve` };
    case 'max-power':
      return { pdl, stream: 'max_power' };
    case 'tempo':
      return { pdl: GLOBAL_PDL, stream: 'tempo' };
    case 'ecowatt':
      return { pdl: GLOBAL_PDL, stream: 'ecowatt' };
    case 'current':
      return null;
  }
}

function isRanges(v: unknown): v is DateRange[] {
  return Array.isArray(v) && v.every((r) => typeof r?.start === 'string' && typeof r?.end === 'string');
}

/** Adds a changed range; past `MAX_RANGES` they collapse into one covering range. */
export function addRange(ranges: DateRange[], range: DateRange): DateRange[] {
  const all = [...ranges, range];
  if (all.length <= MAX_RANGES) return all;
  const start = all.reduce((m, r) => minDate(m, r.start), range.start);
  const end = all.reduce((m, r) => maxDate(m, r.end), range.end);
  return [{ start, end }];
}

export const DIRTY: MarkCodec<DateRange[]> = {
  owner: EXPORTER_NAME,
  valid: isRanges,
  merge: (old, added) => addRange(old ?? [], added[0]!),
};

export function markDirty(store: Store, pdl: string, stream: StreamName, range: DateRange): Promise<void> {
  return addMark(store, DIRTY, dirtyKey(pdl, stream), [range]);
}

/** The changed ranges of a stream, as this run read them (cleared with `marks.clear()` once pushed). */
export async function changedRanges(marks: ServedMarks<DateRange[]>, pdl: string, stream: StreamName) {
  return (await marks.read(dirtyKey(pdl, stream))) ?? [];
}
