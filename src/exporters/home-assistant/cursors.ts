/**
 * What the Home Assistant exporter keeps in the store's cursor table: per statistic the last exported
 * hour, the sum Home Assistant held there and the prices used (`stat:<id>`), and per usage point and
 * direction the first hour whose local data changed since the last successful run (`dirty:<pdl>:<dir>`).
 */
import { HOUR_MS } from '../../domain/hourly.js';
import { parisMidnightUtc } from '../../domain/time.js';
import type { Direction, LocalDate } from '../../domain/types.js';
import type { Store } from '../../store/repository.js';
import { addMark, instantCodec, type ServedMarks } from '../kit/dirty-marks.js';

/** The cursor owner in the store: the exporter's name (`EXPORTER_NAME`), as in earlier versions. */
export const CURSOR_OWNER = 'home-assistant';

export interface StatisticCursor {
  lastHour: number;
  lastSum: number;
  /** Prices (or `energy`) the sums were computed with. */
  fingerprint: string;
}

const statKey = (id: string) => `stat:${id}`;
export const dirtyKey = (pdl: string, direction: Direction) => `dirty:${pdl}:${direction}`;
export const DIRTY = instantCodec(CURSOR_OWNER);

/** Remembers that the data of `pdl`/`direction` changed from the local day `from` on (keeps the earliest). */
export function recordDirty(store: Store, pdl: string, direction: Direction, from: LocalDate): Promise<void> {
  return addMark(store, DIRTY, dirtyKey(pdl, direction), parisMidnightUtc(from));
}

/** The hour before the first changed local day (so the seam is compared too), or null when nothing changed. */
export async function dirtyFrom(marks: ServedMarks<number>, pdl: string, direction: Direction): Promise<number | null> {
  const midnight = await marks.read(dirtyKey(pdl, direction));
  return midnight === null ? null : midnight - HOUR_MS;
}

export async function readStatisticCursor(store: Store, id: string): Promise<StatisticCursor | null> {
  const text = await store.getCursor(CURSOR_OWNER, statKey(id));
  return text ? (JSON.parse(text) as StatisticCursor) : null;
}

export function writeStatisticCursor(store: Store, id: string, cursor: StatisticCursor): Promise<void> {
  return store.setCursor(CURSOR_OWNER, statKey(id), JSON.stringify(cursor));
}
