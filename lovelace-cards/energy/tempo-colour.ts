/** The Tempo colour of a day, read from which Tempo buckets hold its energy. */
import type { Series } from './stacking.js';

export type TempoColour = 'blue' | 'white' | 'red';

/** The colour whose buckets hold the most energy in bar `i`; null when no Tempo bucket has any. */
export function tempoColourAt(series: readonly Series[], i: number): TempoColour | null {
  const sums: Record<TempoColour, number> = { blue: 0, white: 0, red: 0 };
  let seen = false;
  for (const s of series) {
    const v = s.values[i];
    if (s.key === 'total' || s.key === 'hp' || s.key === 'hc' || v == null || v <= 0) continue;
    sums[s.key.split('_')[0] as TempoColour] += v;
    seen = true;
  }
  if (!seen) return null;
  return (Object.keys(sums) as TempoColour[]).reduce((a, b) => (sums[b] > sums[a] ? b : a));
}
