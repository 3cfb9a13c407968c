/**
 * Following the Energy Dashboard's date picker (`energy-date-selection` card): the frontend keeps the
 * selected range in a collection on the websocket connection that anyone may subscribe to. Its key
 * (Home Assistant 2026.11, `getEnergyDataCollection`): `_<collection_key>` when the picker card sets
 * one, else `_energy_<panel url>` (one per dashboard), else `_energy` (older versions). The collection is
 * created by the first card that asks for it, so the card looks again at each update until it is there;
 * when absent (no picker on the dashboard) the card uses its own navigation.
 */
import type { Hass } from '../shared/hass.js';
import type { Period } from '../shared/periods.js';

export interface EnergyRange {
  start: number;
  end: number;
}

interface EnergyCollection {
  subscribe(cb: (data: { start?: Date; end?: Date }) => void): () => void;
}

/** The connection keys to look at, in Home Assistant's order. */
export function collectionKeys(hass: Hass, collectionKey?: string): string[] {
  if (collectionKey) return [`_${collectionKey}`];
  return hass.panelUrl ? [`_energy_${hass.panelUrl}`, '_energy'] : ['_energy'];
}

export function subscribeEnergyRange(
  hass: Hass,
  onRange: (r: EnergyRange) => void,
  collectionKey?: string,
): (() => void) | null {
  const collection = collectionKeys(hass, collectionKey)
    .map((k) => hass.connection?.[k] as EnergyCollection | undefined)
    .find((c) => c && typeof c.subscribe === 'function');
  if (!collection) return null;
  return collection.subscribe((data) => {
    if (!(data?.start instanceof Date)) return;
    const start = data.start.getTime();
    onRange({ start, end: data.end instanceof Date ? data.end.getTime() + 1 : Date.now() });
  });
}

/** The bar width for a selected range, like the Energy Dashboard: hours up to 2 days, days up to 35. */
export function periodForRange(r: EnergyRange): Period {
  const days = (r.end - r.start) / 86_400_000;
  if (days <= 2) return 'hour';
  if (days <= 35) return 'day';
  if (days <= 120) return 'week';
  return 'month';
}
