/**
 * The simulated meters' data, generated lazily per day and cached. Tests read it to compute expected values
 * (`dailyWh`, `readings`, `maxPower`, `publishedAt`). Invariant: `dailyWh` is the exact sum of the day's full
 * curve; holes only remove (or zero) served readings, or remove whole days.
 */
import { addDays, dayNumber, parisNaiveToUtc } from '../../domain/time.js';
import type { LocalDate } from '../../domain/types.js';
import { generateDayWh } from './curve-model.js';
import { type DayFrame, dayFrame, endLabel, intervalStartUtc, naiveInDay, shiftedStartLabel } from './day-frame.js';
import { parisLocalToUtcFast } from './paris-fast.js';
import { hash32, hashString, unit } from './rng.js';
import type { HoleOptions, IntervalMinutes, PdlSpec } from './types.js';

export interface ServedReading {
  /** Naive Paris label (interval start, or end with `endLabels`). */
  label: string;
  /** Average power, W (integer). */
  w: number;
  /** Energy, Wh (integer). */
  wh: number;
  minutes: IntervalMinutes;
}

export const NO_HOLES: HoleOptions = { missingReadingRate: 0, missingDayRate: 0, zeroReadingRate: 0, missingDays: {} };

/** A few realistic holes, for demo mode and sync tests that want them. */
export const REALISTIC_HOLES: HoleOptions = {
  missingReadingRate: 0.0008,
  missingDayRate: 0.002,
  zeroReadingRate: 0.0003,
  missingDays: {},
};

export class SimulatedDataset {
  private readonly curves = new Map<string, number[]>();
  private readonly frames = new Map<string, DayFrame>();
  private readonly byPrm: Map<string, PdlSpec>;
  /** Set by the gateway after Enedis answered `ADAM-ERR0123` (as the real gateway does). */
  readonly oldestAvailableDataDate = new Map<string, LocalDate>();

  constructor(
    readonly seed: number,
    readonly pdls: PdlSpec[],
    readonly holes: HoleOptions,
    readonly publicationHour: number,
  ) {
    this.byPrm = new Map(pdls.map((p) => [p.usagePointId, p]));
  }

  pdl(prm: string): PdlSpec | undefined {
    return this.byPrm.get(prm);
  }

  private spec(prm: string): PdlSpec {
    const s = this.byPrm.get(prm);
    if (!s) throw new RangeError(`unknown simulated PRM ${prm}`);
    return s;
  }

  intervalMinutes(prm: string, date: LocalDate): IntervalMinutes {
    const spec = this.spec(prm);
    let minutes = spec.intervalMinutes;
    for (const change of spec.intervalChanges) if (change.from <= date) minutes = change.minutes;
    return minutes;
  }

  frame(prm: string, date: LocalDate): DayFrame {
    const minutes = this.intervalMinutes(prm, date);
    const key = `${date}|${minutes}`;
    let f = this.frames.get(key);
    if (!f) {
      f = dayFrame(date, minutes);
      this.frames.set(key, f);
    }
    return f;
  }

  /** Energy of every interval of the day (integer Wh), before holes. */
  fullCurveWh(prm: string, date: LocalDate): number[] {
    const key = `${prm}|${date}`;
    let wh = this.curves.get(key);
    if (!wh) {
      wh = generateDayWh(this.seed, this.spec(prm), this.frame(prm, date));
      this.curves.set(key, wh);
    }
    return wh;
  }

  /** Daily energy in Wh: exactly the sum of the full curve. */
  dailyWh(prm: string, date: LocalDate): number {
    let sum = 0;
    for (const v of this.fullCurveWh(prm, date)) sum += v;
    return sum;
  }

  isMissingDay(prm: string, date: LocalDate): boolean {
    if (this.holes.missingDays[prm]?.includes(date)) return true;
    return (
      this.holes.missingDayRate > 0 && unit(this.seed, hashString(prm), dayNumber(date), 11) < this.holes.missingDayRate
    );
  }

  /** Served load-curve readings of the day (holes applied), in time order. */
  readings(prm: string, date: LocalDate, endLabels = false): ServedReading[] {
    if (this.isMissingDay(prm, date)) return [];
    const frame = this.frame(prm, date);
    const wh = this.fullCurveWh(prm, date);
    const factor = 60 / frame.minutes;
    const prmHash = hashString(prm);
    const dayN = dayNumber(date);
    const { missingReadingRate, zeroReadingRate } = this.holes;
    const out: ServedReading[] = [];
    for (let i = 0; i < wh.length; i++) {
      if (missingReadingRate > 0 && unit(this.seed, prmHash, dayN, i, 12) < missingReadingRate) continue;
      const zero = zeroReadingRate > 0 && unit(this.seed, prmHash, dayN, i, 13) < zeroReadingRate;
      const v = zero ? 0 : wh[i]!;
      const label = endLabels ? endLabel(frame, i) : shiftedStartLabel(frame, i);
      out.push({ label, wh: v, w: v * factor, minutes: frame.minutes as IntervalMinutes });
    }
    return out;
  }

  /** Max power of the day in VA with the naive Paris time of the peak (consumption points only). */
  maxPower(prm: string, date: LocalDate): { va: number; label: string } {
    const frame = this.frame(prm, date);
    const wh = this.fullCurveWh(prm, date);
    let best = 0;
    for (let i = 1; i < wh.length; i++) if (wh[i]! > wh[best]!) best = i;
    const h = hash32(this.seed, hashString(prm), dayNumber(date), 14);
    const meanW = (wh[best]! * 60) / frame.minutes;
    const kva = this.spec(prm).subscribedPowerKva ?? 12;
    const va = Math.min(Math.round(meanW * (1.15 + (h % 400) / 1000)), kva * 1000 + (h % 300));
    const second = (h >>> 9) % (frame.minutes * 60);
    return { va, label: naiveInDay(frame, intervalStartUtc(frame, best) + second * 1000) };
  }

  /** UTC instant from which Enedis serves day `date` of this meter. */
  publishedAt(prm: string, date: LocalDate): number {
    const day = addDays(date, 1 + this.spec(prm).publicationDelayDays);
    if (this.publicationHour >= 4) return parisLocalToUtcFast(day, this.publicationHour);
    return parisNaiveToUtc(`${day} ${String(this.publicationHour).padStart(2, '0')}:00:00`);
  }

  isPublished(prm: string, date: LocalDate, nowMs: number): boolean {
    return nowMs >= this.publishedAt(prm, date);
  }
}
