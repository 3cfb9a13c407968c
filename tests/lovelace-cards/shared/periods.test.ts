import { lastYearWindow, shiftWindow, windowBetween, windowEndingAt } from '../../../lovelace-cards/shared/periods.js';
import { localDate, localParts } from '../../../lovelace-cards/shared/zoned-time.js';

const PARIS = 'Europe/Paris';
const at = (iso: string) => Date.parse(iso);
const dates = (starts: number[]) => starts.map((s) => localDate(s, PARIS));

describe('card periods in the Home Assistant time zone', () => {
  it('days start at Paris midnight, whatever the process zone', () => {
    const w = windowEndingAt(at('2026-03-02T10:00:00Z'), 'day', 3, PARIS);
    expect(dates(w.starts)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
    expect(w.starts[0]).toBe(at('2026-02-27T23:00:00Z'));
    expect(w.end).toBe(at('2026-03-02T23:00:00Z'));
  });

  it('the spring DST day lasts 23 hours and the autumn one 25', () => {
    const spring = windowBetween(at('2026-03-28T23:00:00Z'), at('2026-03-30T22:00:00Z'), 'day', PARIS);
    expect(spring.starts[1]! - spring.starts[0]!).toBe(23 * 3_600_000);
    const autumn = windowBetween(at('2026-10-24T22:00:00Z'), at('2026-10-26T23:00:00Z'), 'day', PARIS);
    expect(autumn.starts[1]! - autumn.starts[0]!).toBe(25 * 3_600_000);
    expect(windowBetween(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'), 'hour', PARIS).starts).toHaveLength(
      25,
    );
  });

  it('weeks start on Monday, months on the 1st, years on 1 January', () => {
    const week = windowEndingAt(at('2026-12-03T12:00:00Z'), 'week', 2, PARIS);
    expect(dates(week.starts)).toEqual(['2026-11-23', '2026-11-30']);
    expect(localParts(week.starts[1]!, PARIS).weekday).toBe(0);
    expect(dates(windowEndingAt(at('2026-01-15T12:00:00Z'), 'month', 3, PARIS).starts)).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
    ]);
    expect(dates(windowEndingAt(at('2026-06-15T12:00:00Z'), 'year', 2, PARIS).starts)).toEqual([
      '2025-01-01',
      '2026-01-01',
    ]);
  });

  it('the previous period is the window moved by its own length', () => {
    const w = windowEndingAt(at('2026-03-10T12:00:00Z'), 'day', 7, PARIS);
    const prev = shiftWindow(w, -1, PARIS);
    expect(dates(prev.starts)).toEqual([
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
    ]);
    expect(prev.end).toBe(w.starts[0]);
  });

  it('last year is aligned by weekday for days and by calendar for months', () => {
    const w = windowEndingAt(at('2026-03-10T12:00:00Z'), 'day', 7, PARIS);
    const ly = lastYearWindow(w, PARIS);
    ly.starts.forEach((s, i) => {
      expect(localParts(s, PARIS).weekday).toBe(localParts(w.starts[i]!, PARIS).weekday);
    });
    expect(localDate(ly.starts[6]!, PARIS)).toBe('2025-03-11');
    const months = lastYearWindow(windowEndingAt(at('2026-03-10T12:00:00Z'), 'month', 2, PARIS), PARIS);
    expect(dates(months.starts)).toEqual(['2025-02-01', '2025-03-01']);
  });
});
