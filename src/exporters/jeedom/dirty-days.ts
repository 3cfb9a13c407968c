/**
 * Days the sync changed (`data-changed`), kept per PDL and stream in the exporter's cursors so that a
 * restart between the sync and the export loses nothing; the next run re-sends their values, then they
 * are dropped (unless new ones arrived meanwhile).
 */
import { maxDate, minDate } from '../../domain/time.js';
import type { DateRange } from '../../domain/types.js';
import { GLOBAL_PDL, type Store, type StreamName } from '../../store/repository.js';
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

export function parseRanges(text: string | null): DateRange[] {
  if (!text) return [];
  try {
    const rows = JSON.parse(text) as DateRange[];
    return Array.isArray(rows) ? rows : [];
  } catch {
    return [];
  }
}

/** Adds a changed range; past `MAX_RANGES` they collapse into one covering range. */
export function addRange(ranges: DateRange[], range: DateRange): DateRange[] {
  const all = [...ranges, range];
  if (all.length <= MAX_RANGES) return all;
  const start = all.reduce((m, r) => minDate(m, r.start), range.start);
  const end = all.reduce((m, r) => maxDate(m, r.end), range.end);
  return [{ start, end }];
}

export async function markDirty(store: Store, pdl: string, stream: StreamName, range: DateRange): Promise<void> {
  const key = dirtyKey(pdl, stream);
  const ranges = addRange(parseRanges(await store.getCursor(EXPORTER_NAME, key)), range);
  await store.setCursor(EXPORTER_NAME, key, JSON.stringify(ranges));
}

/** The dirty marks read at the start of a run, to drop once the run pushed them. */
export class DirtyMarks {
  private readonly seen = new Map<string, string>();

  constructor(private readonly store: Store) {}

  async ranges(pdl: string, stream: StreamName): Promise<DateRange[]> {
    const key = dirtyKey(pdl, stream);
    const text = await this.store.getCursor(EXPORTER_NAME, key);
    if (text !== null) this.seen.set(key, text);
    return parseRanges(text);
  }

  /** Drops the marks this run pushed; a mark changed since (a sync meanwhile) stays for the next run. */
  async clear(): Promise<void> {
    for (const [key, text] of this.seen) {
      if ((await this.store.getCursor(EXPORTER_NAME, key)) === text) await this.store.deleteCursor(EXPORTER_NAME, key);
    }
  }
}
