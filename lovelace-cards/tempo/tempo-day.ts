/** Tempo facts computed from the clock: the current period (HP/HC) and the colour's key. */
import type { TempoColour } from '../energy/tempo-colour.js';
import { localParts } from '../shared/zoned-time.js';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** `hc` when the local time at `ms` falls in one of the `from-to` ranges (which may cross midnight). */
export function tempoPeriodAt(ms: number, zone: string, offpeak: readonly string[]): 'hp' | 'hc' {
  const p = localParts(ms, zone);
  const m = p.hour * 60 + new Date(ms).getUTCMinutes();
  for (const range of offpeak) {
    const [from, to] = range.split('-').map(minutes) as [number, number];
    const inside = from <= to ? m >= from && m < to : m >= from || m < to;
    if (inside) return 'hc';
  }
  return 'hp';
}

/** `BLUE` / `WHITE` / `RED` (the sensors' states) as a colour; null for unknown or unpublished. */
export function colourOfState(state: string | undefined): TempoColour | null {
  const s = (state ?? '').toLowerCase();
  return s === 'blue' || s === 'white' || s === 'red' ? s : null;
}
