/**
 * One usage point's series for one run, read as little as the run needs: a daily run appends the new
 * samples after each series' cursor (or re-checks a changed day), so it reads only a recent window,
 * from `WINDOW_DAYS` before now or the earliest changed day, whichever is older; the whole history is
 * read only for a series that needs it (first push, interrupted or replaced series, a cursor older than
 * the window). The oldest stored instant (for the retention warning) is kept in a cursor by each whole
 * read, so windowed runs need not read the history to know it.
 */
import type { Prices } from '../../domain/tariff.js';
import { addDays, minDate, parisToday } from '../../domain/time.js';
import type { LocalDate } from '../../domain/types.js';
import type { Store, StoredUsagePoint } from '../../store/repository.js';
import type { Series } from './build-import-lines.js';
import { loadSeries } from './load-series.js';

/** Days before today a daily run reads at least. */
export const WINDOW_DAYS = 31;

/** First Paris day of a run's window: `WINDOW_DAYS` before `nowMs`, or the earliest change when older. */
export function windowStart(nowMs: number, dirtyMarks: Iterable<number | null>): LocalDate {
  let day = addDays(parisToday(nowMs), -WINDOW_DAYS);
  for (const mark of dirtyMarks) if (mark !== null) day = minDate(day, parisToday(mark));
  return day;
}

export interface PointSeriesInput {
  store: Store;
  point: StoredUsagePoint;
  nowMs: number;
  extra: Record<string, string>;
  prices?: Prices;
  /** Cursor owner for the oldest-instant record. */
  owner: string;
}

export class PointSeries {
  private whole: Promise<Series[]> | null = null;

  constructor(
    private readonly input: PointSeriesInput,
    /** First Paris day of the window. */
    readonly fromDay: LocalDate,
  ) {}

  /** The series over the window only. */
  windowed(): Promise<Series[]> {
    const { store, point, nowMs, extra, prices } = this.input;
    return loadSeries(store, point, nowMs, extra, prices, this.fromDay);
  }

  /** The whole history of the series `key` names (read once per run, for every series of the point). */
  async full(key: (s: Series) => string, windowed: Series): Promise<Series> {
    const all = await this.loadWhole();
    return all.find((s) => key(s) === key(windowed)) ?? windowed;
  }

  /** The oldest stored sample of the point: from this run's whole read, else the recorded one. */
  async oldest(): Promise<number | null> {
    const { store, owner, point } = this.input;
    if (!this.whole) {
      const recorded = await store.getCursor(owner, oldestKey(point.pdl));
      if (recorded !== null) return recorded === '' ? null : Number(recorded);
    }
    return oldestOf(await this.loadWhole());
  }

  private loadWhole(): Promise<Series[]> {
    if (!this.whole) {
      const { store, point, nowMs, extra, prices, owner } = this.input;
      this.whole = loadSeries(store, point, nowMs, extra, prices).then(async (all) => {
        const oldest = oldestOf(all);
        await store.setCursor(owner, oldestKey(point.pdl), oldest === null ? '' : String(oldest));
        return all;
      });
    }
    return this.whole;
  }
}

const oldestKey = (pdl: string) => `oldest:${pdl}`;

function oldestOf(series: Series[]): number | null {
  const firsts = series.map((s) => s.samples[0]?.t).filter((t): t is number => t !== undefined);
  return firsts.length ? Math.min(...firsts) : null;
}
