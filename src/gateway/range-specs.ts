/** How each ranged endpoint's payload becomes domain items, kept to the days of the call. */
import type * as v from 'valibot';
import { normaliseLoadCurve } from '../domain/normalise-load-curve.js';
import { normaliseDaily, normaliseMaxPower } from '../domain/normalise-readings.js';
import { parisDateQuick } from '../domain/paris-fast-path.js';
import type { CurveReading, DailyEnergy, DateRange, LocalDate, MaxPower } from '../domain/types.js';
import type { Logger } from '../log/logger.js';
import type { RangeSpec } from './fetch-range.js';
import { CurvePayloadSchema, DailyPayloadSchema } from './schemas.js';

type CurvePayload = v.InferOutput<typeof CurvePayloadSchema>;
type DailyPayload = v.InferOutput<typeof DailyPayloadSchema>;

const inRange = (date: LocalDate, range: DateRange): boolean => date >= range.start && date < range.end;

export function dailySpec(timeoutMs: number): RangeSpec<DailyPayload, DailyEnergy> {
  return {
    schema: DailyPayloadSchema,
    timeoutMs,
    normalise: (raw, range) =>
      normaliseDaily(raw.meter_reading.interval_reading ?? []).filter((d) => inRange(d.date, range)),
    sortKey: (d) => d.date,
  };
}

export function maxPowerSpec(timeoutMs: number): RangeSpec<DailyPayload, MaxPower> {
  return {
    schema: DailyPayloadSchema,
    timeoutMs,
    normalise: (raw, range) =>
      normaliseMaxPower(raw.meter_reading.interval_reading ?? []).filter((d) => inRange(d.date, range)),
    sortKey: (d) => d.date,
  };
}

export function curveSpec(timeoutMs: number, logger: Logger, endpoint: string): RangeSpec<CurvePayload, CurveReading> {
  return {
    schema: CurvePayloadSchema,
    timeoutMs,
    normalise: (raw, range) => {
      // Stable sort: the single-window route answers unsorted; repeated DST labels keep their order.
      const rows = [...(raw.meter_reading.interval_reading ?? [])]
        .map((r) => ({ value: r.value, date: r.date.replace('T', ' '), intervalLength: r.interval_length ?? null }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const curve = normaliseLoadCurve(rows, 'auto');
      if (curve.endLabelled) {
        logger.warn(
          { endpoint, range },
          'load-curve labels look like interval ends (00:30…24:00): treating them as ends',
        );
      }
      return curve.readings.filter((r) => inRange(parisDateQuick(r.start), range));
    },
    sortKey: (r) => r.start,
  };
}
