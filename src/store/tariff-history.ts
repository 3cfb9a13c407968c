/**
 * What prices depend on besides the settings, kept in and read from the store: the dated off-peak
 * schedules of each PDL (the store keeps only the latest contract, so every schedule change the sync sees
 * is recorded here, in the cursor table under `tariff` / `offpeak:<pdl>`) and the Tempo colours.
 */
import { type OffpeakSchedule, withObserved } from '../domain/offpeak-schedule.js';
import type { TariffContext } from '../domain/tariff.js';
import { parisToday } from '../domain/time.js';
import type { LocalDate, OffpeakRange, TempoColor } from '../domain/types.js';
import type { Store } from './repository.js';

const OWNER = 'tariff';
const key = (pdl: string) => `offpeak:${pdl}`;

export async function readOffpeakSchedules(store: Store, pdl: string): Promise<OffpeakSchedule[]> {
  const text = await store.getCursor(OWNER, key(pdl));
  return text ? (JSON.parse(text) as OffpeakSchedule[]) : [];
}

/**
 * Records the off-peak ranges a contract read at `nowMs` shows: a change starts a new schedule on that
 * Paris day (the first schedule ever applies from the beginning). Returns true when the history changed.
 */
export async function recordOffpeakSchedule(
  store: Store,
  pdl: string,
  ranges: readonly OffpeakRange[],
  nowMs: number,
): Promise<boolean> {
  const before = await readOffpeakSchedules(store, pdl);
  const after = withObserved(before, ranges, parisToday(nowMs));
  if (JSON.stringify(after) === JSON.stringify(before)) return false;
  await store.setCursor(OWNER, key(pdl), JSON.stringify(after));
  return true;
}

/** Every stored Tempo colour by Tempo day. */
export async function readTempoColours(store: Store): Promise<Record<LocalDate, TempoColor>> {
  const days = await store.listTempo({ start: '2000-01-01', end: '2100-01-01' });
  return Object.fromEntries(days.map((d) => [d.date, d.color]));
}

/** The tariff context of a PDL: its dated off-peak schedules and the Tempo colours. */
export async function loadTariffContext(store: Store, pdl: string): Promise<TariffContext> {
  return { schedules: await readOffpeakSchedules(store, pdl), tempo: await readTempoColours(store) };
}
