/**
 * Recomputing past costs when the tariff changes (a price, a period, the kind, an off-peak schedule, a
 * Tempo colour): the tariff each direction was last exported with is kept in the cursor table
 * (`tariff:<pdl>:<direction>`); when today's differs, the first Paris day they price differently is
 * marked dirty, so the next comparison with Home Assistant starts there and re-imports from the first
 * hour whose values changed, in one pass.
 */
import type { Tariff } from '../../domain/pricing.js';
import { buildTariff, firstChangedDay, type TariffSpec } from '../../domain/tariff-build.js';
import { addDays, parisToday } from '../../domain/time.js';
import type { Direction } from '../../domain/types.js';
import type { Store } from '../../store/repository.js';
import { CURSOR_OWNER, recordDirty } from './cursors.js';

const key = (pdl: string, direction: Direction) => `tariff:${pdl}:${direction}`;

async function firstStoredDay(store: Store, pdl: string, direction: Direction, today: string): Promise<string> {
  const range = { start: '2000-01-01', end: addDays(today, 2) };
  const daily = await store.listDaily(pdl, direction, range);
  const curve = await store.curveCoverage(pdl, direction, range);
  const days = [daily[0]?.date, curve[0]?.date].filter((d): d is string => d !== undefined).sort();
  return days[0] ?? today;
}

/** Marks the direction dirty from the first day the stored tariff and `tariff` price differently. */
export async function markTariffChange(
  store: Store,
  pdl: string,
  direction: Direction,
  tariff: Tariff | null,
  nowMs: number,
): Promise<void> {
  const text = await store.getCursor(CURSOR_OWNER, key(pdl, direction));
  if (!text || !tariff || text === JSON.stringify(tariff.spec)) return;
  const today = parisToday(nowMs);
  const from = await firstStoredDay(store, pdl, direction, today);
  const changed = firstChangedDay(buildTariff(JSON.parse(text) as TariffSpec), tariff, from, addDays(today, 2));
  if (changed) await recordDirty(store, pdl, direction, changed);
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
