/**
 * Deterministic Tempo colours: per season (1 September → 31 August) 22 red days on November–March weekdays,
 * 43 white days (never Sunday), the rest blue, picked on a seeded "cold score" so they cluster in winter.
 */
import { addDays, dayNumber, eachDay } from '../../domain/time.js';
import type { LocalDate, TempoColor } from '../../domain/types.js';
import { parisIsoFast, parisLocalToUtcFast } from './paris-fast.js';
import { hash32, unit } from './rng.js';

export const TEMPO_HISTORY_START = '2016-09-01';

export interface TempoEntry {
  date: LocalDate;
  color: TempoColor;
  updated_at: string;
  rte_updated_date: string;
}

const weekday = (date: LocalDate): number => (((dayNumber(date) + 4) % 7) + 7) % 7; // 0 = Sunday

function coldScore(seed: number, date: LocalDate): number {
  const month = Number(date.slice(5, 7));
  const fromJan = (dayNumber(date) - dayNumber(`${date.slice(0, 4)}-01-15`) + 365) % 365;
  const winter = (1 + Math.cos((2 * Math.PI * fromJan) / 365)) / 2;
  const spell = unit(seed, Math.floor(dayNumber(date) / 5), 31);
  return winter * 1.5 + spell + 0.4 * unit(seed, dayNumber(date), 32) + (month >= 11 || month <= 3 ? 0.3 : 0);
}

export class TempoCalendar {
  private readonly seasons = new Map<number, Map<LocalDate, TempoColor>>();
  private readonly entries = new Map<string, TempoEntry>();

  constructor(
    private readonly seed: number,
    private readonly publicationTime: string,
  ) {}

  private season(startYear: number): Map<LocalDate, TempoColor> {
    let s = this.seasons.get(startYear);
    if (s) return s;
    const days = eachDay({ start: `${startYear}-09-01`, end: `${startYear + 1}-09-01` });
    const seed = hash32(this.seed, startYear);
    const score = new Map(days.map((d) => [d, coldScore(seed, d)]));
    const byScore = [...days].sort((a, b) => score.get(b)! - score.get(a)!);
    s = new Map(days.map((d) => [d, 'BLUE' as TempoColor]));
    const redOk = (d: LocalDate) => [11, 12, 1, 2, 3].includes(Number(d.slice(5, 7))) && ![0, 6].includes(weekday(d));
    for (const d of byScore.filter(redOk).slice(0, 22)) s.set(d, 'RED');
    for (const d of byScore.filter((d) => s!.get(d) === 'BLUE' && weekday(d) !== 0).slice(0, 43)) s.set(d, 'WHITE');
    this.seasons.set(startYear, s);
    return s;
  }

  color(date: LocalDate): TempoColor {
    const y = Number(date.slice(0, 4));
    return this.season(Number(date.slice(5, 7)) >= 9 ? y : y - 1).get(date)!;
  }

  /** Instant at which RTE publishes the colour of `date` (the day before, at the publication time). */
  publishedAt(date: LocalDate): number {
    const [hh, mm] = this.publicationTime.split(':').map(Number) as [number, number];
    return parisLocalToUtcFast(addDays(date, -1), hh, mm);
  }

  entry(date: LocalDate): TempoEntry {
    let e = this.entries.get(date);
    if (!e) {
      const rte = this.publishedAt(date);
      const fetched = rte + 60_000 + (hash32(this.seed, dayNumber(date)) % 120_000);
      e = {
        date,
        color: this.color(date),
        updated_at: `${new Date(fetched).toISOString().slice(0, 19)}+00:00`,
        rte_updated_date: parisIsoFast(rte),
      };
      this.entries.set(date, e);
    }
    return e;
  }

  /** Every known day up to today, plus tomorrow once published. */
  visible(today: LocalDate, nowMs: number): TempoEntry[] {
    const tomorrow = addDays(today, 1);
    const last = nowMs >= this.publishedAt(tomorrow) ? tomorrow : today;
    return eachDay({ start: TEMPO_HISTORY_START, end: addDays(last, 1) }).map((d) => this.entry(d));
  }
}
