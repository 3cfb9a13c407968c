/**
 * Energy of a period of local days, pure: the daily value of each day, or the day's load curve when the
 * daily value is missing and the curve covers the whole day. Sums stay exact (integer watt-minutes for
 * curve days, integer Wh for daily values).
 */
import { wattMinutes, whFromWattMinutes } from '../../domain/energy.js';
import { eachDay } from '../../domain/time.js';
import type { CurveReading, DateRange, LocalDate } from '../../domain/types.js';

export type PeriodQuality = 'complete' | 'partial' | 'missing';

export interface PeriodEnergy {
  range: DateRange;
  /** Null when no day of the period has data. */
  wh: number | null;
  daysFromDaily: number;
  daysFromCurve: number;
  daysMissing: number;
  quality: PeriodQuality;
}

export interface EnergySources {
  daily: ReadonlyMap<LocalDate, number>;
  /** Readings of days whose curve covers the whole day, keyed by local day. */
  fullCurveDays: ReadonlyMap<LocalDate, readonly Pick<CurveReading, 'w' | 'minutes'>[]>;
}

export function periodEnergy(range: DateRange, sources: EnergySources): PeriodEnergy {
  let dailyWh = 0;
  let curveWattMin = 0;
  let fromDaily = 0;
  let fromCurve = 0;
  let missing = 0;
  for (const day of eachDay(range)) {
    const wh = sources.daily.get(day);
    const curve = sources.fullCurveDays.get(day);
    if (wh !== undefined) {
      dailyWh += wh;
      fromDaily++;
    } else if (curve) {
      for (const r of curve) curveWattMin += wattMinutes(r);
      fromCurve++;
    } else {
      missing++;
    }
  }
  const withData = fromDaily + fromCurve;
  return {
    range,
    wh: withData === 0 && missing > 0 ? null : dailyWh + whFromWattMinutes(curveWattMin),
    daysFromDaily: fromDaily,
    daysFromCurve: fromCurve,
    daysMissing: missing,
    quality: missing === 0 ? 'complete' : withData === 0 ? 'missing' : 'partial',
  };
}
