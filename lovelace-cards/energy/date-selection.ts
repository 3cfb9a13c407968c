/**
 * Following the Energy Dashboard's date picker (`energy-date-selection` card): the frontend keeps the
 * selected range in a collection on the websocket connection (`hass.connection._energy`) that anyone
 * may subscribe to. When absent (not on an energy dashboard) the card uses its own navigation.
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

export function subscribeEnergyRange(hass: Hass, onRange: (r: EnergyRange) => void): (() => void) | null {
  const collection = hass.connection?._energy as EnergyCollection | undefined;
  if (!collection || typeof collection.subscribe !== 'function') return null;
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
