/**
 * Recomputing past costs when the tariff changes (a price, a period, the kind, an off-peak schedule, a
 * Tempo colour): the tariff each direction was last exported with is kept in the cursor table
 * (`tariff:<pdl>:<direction>`); when today's differs, the comparison with Home Assistant starts at the
 * first Paris day they price differently and re-imports from the first hour whose values changed, in
 * one pass. Nothing needs marking: until an export succeeds, the stored tariff stays the old one.
 */
import type { Tariff } from '../../domain/pricing.js';
import { buildTariff, firstChangedDay, type TariffSpec } from '../../domain/tariff-build.js';
import { addDays, parisToday } from '../../domain/time.js';
import type { Direction, LocalDate } from '../../domain/types.js';
import type { Store } from '../../store/repository.js';
import { CURSOR_OWNER } from './cursors.js';

const key = (pdl: string, direction: Direction) => `tariff:${pdl}:${direction}`;

async function firstStoredDay(store: Store, pdl: string, direction: Direction, today: string): Promise<string> {
  const range = { start: '2000-01-01', end: addDays(today, 2) };
  const daily = await store.listDaily(pdl, direction, range);
  const curve = await store.curveCoverage(pdl, direction, range);
  const days = [daily[0]?.date, curve[0]?.date].filter((d): d is string => d !== undefined).sort();
  return days[0] ?? today;
}

/** The first day the last exported tariff and `tariff` price differently, or null. */
export async function tariffChangedFrom(
  store: Store,
  pdl: string,
  direction: Direction,
  tariff: Tariff | null,
  nowMs: number,
): Promise<LocalDate | null> {
  const text = await store.getCursor(CURSOR_OWNER, key(pdl, direction));
  if (!text || !tariff || text === JSON.stringify(tariff.spec)) return null;
  const today = parisToday(nowMs);
  const from = await firstStoredDay(store, pdl, direction, today);
  return firstChangedDay(buildTariff(JSON.parse(text) as TariffSpec), tariff, from, addDays(today, 2)) ?? null;
}

/** Remembers the tariff a direction was exported with (after a successful export). */
export async function saveExportedTariff(
  store: Store,
  pdl: string,
  direction: Direction,
  tariff: Tariff | null,
): Promise<void> {
  if (tariff) await store.setCursor(CURSOR_OWNER, key(pdl, direction), JSON.stringify(tariff.spec));
  else await store.deleteCursor(CURSOR_OWNER, key(pdl, direction));
}
