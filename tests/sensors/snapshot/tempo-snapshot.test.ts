/** The Tempo part of a snapshot: stored colours at a given instant (Paris time, any process zone). */
import { addDays, eachDay, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { TempoColor, TempoDay } from '../../../src/domain/types.js';
import { tempoRange, tempoSnapshot } from '../../../src/sensors/snapshot/tempo-snapshot.js';

const at = (naive: string) => parisNaiveToUtc(naive);

/** Every day of [start, end) blue, except the given ones. */
function days(start: string, end: string, special: Record<string, TempoColor> = {}): TempoDay[] {
  return eachDay({ start, end }).map((date) => ({ date, color: special[date] ?? 'BLUE' }));
}

const NOV = days('2026-09-01', '2026-11-28', { '2026-11-26': 'RED', '2026-11-27': 'WHITE' });

describe('today and tomorrow relative to the Tempo day in force', () => {
  test('at 08:00 before publication: today known, tomorrow not yet', () => {
    const t = tempoSnapshot(NOV, at('2026-11-27 08:00:00'));
    expect([t.day, t.today, t.tomorrow, t.period]).toEqual(['2026-11-27', 'WHITE', null, 'HP']);
  });

  test('between 00:00 and 06:00 "today" is the previous calendar day and "tomorrow" the calendar day', () => {
    const t = tempoSnapshot(NOV, at('2026-11-27 03:00:00'));
    expect([t.day, t.today, t.tomorrow, t.period]).toEqual(['2026-11-26', 'RED', 'WHITE', 'HC']);
    expect(t.periodEndsAt).toBe(at('2026-11-27 06:00:00'));
  });

  test('published tomorrow after 10:30', () => {
    const withTomorrow = [...NOV, { date: '2026-11-28', color: 'RED' as const }];
    const t = tempoSnapshot(withTomorrow, at('2026-11-27 11:00:00'));
    expect([t.today, t.tomorrow]).toEqual(['WHITE', 'RED']);
  });
});

describe('days left in the season (1 September → 31 August; 300/43/22, 301 blue with a 29 February)', () => {
  test('counts every held colour of the season, tomorrow included once published', () => {
    const t = tempoSnapshot(NOV, at('2026-11-27 08:00:00'));
    // 1 Sep → 27 Nov = 88 days: 86 blue, 1 white, 1 red.
    expect(t.used).toEqual({ BLUE: 86, WHITE: 1, RED: 1 });
    expect(t.remaining).toEqual({ BLUE: 214, WHITE: 42, RED: 21 });
    expect(t.daysUnknown).toBe(0);
    const later = tempoSnapshot([...NOV, { date: '2026-11-28', color: 'RED' }], at('2026-11-27 11:00:00'));
    expect(later.remaining.RED).toBe(20);
  });

  test('colours of the previous season and beyond tomorrow do not count', () => {
    const store = [...days('2026-08-20', '2026-09-01', { '2026-08-31': 'WHITE' }), ...NOV];
    const t = tempoSnapshot(store, at('2026-11-27 08:00:00'));
    expect(t.remaining).toEqual({ BLUE: 214, WHITE: 42, RED: 21 });
  });

  test('the night of 31 August → 1 September still counts in the ending season; 06:00 starts a new one', () => {
    const store = days('2025-09-01', '2026-09-02', { '2026-08-31': 'WHITE' });
    const night = tempoSnapshot(store, at('2026-09-01 02:00:00'));
    expect(night.season).toEqual({ start: '2025-09-01', end: '2026-09-01' });
    expect([night.day, night.today, night.tomorrow]).toEqual(['2026-08-31', 'WHITE', 'BLUE']);
    // The whole season 2025-2026 held (365 days: 364 blue + 1 white); 1 Sep 2026 belongs to the next season.
    expect(night.used).toEqual({ BLUE: 364, WHITE: 1, RED: 0 });
    expect(night.remaining).toEqual({ BLUE: 0, WHITE: 42, RED: 22 });
    const morning = tempoSnapshot(store, at('2026-09-01 06:00:00'));
    expect(morning.season).toEqual({ start: '2026-09-01', end: '2027-09-01' });
    expect([morning.used, morning.remaining]).toEqual([
      { BLUE: 1, WHITE: 0, RED: 0 },
      { BLUE: 299, WHITE: 43, RED: 22 },
    ]);
  });

  test('a season holding a 29 February has 301 blue days', () => {
    const t = tempoSnapshot(days('2027-09-01', '2027-09-02'), at('2027-09-01 12:00:00'));
    expect(t.quota).toEqual({ BLUE: 301, WHITE: 43, RED: 22 });
    expect(t.remaining.BLUE).toBe(300);
  });

  test('days the store lacks are reported, so the counts are known to be too high', () => {
    const holes = NOV.filter((d) => d.date !== '2026-10-01' && d.date !== '2026-10-02');
    const t = tempoSnapshot(holes, at('2026-11-27 08:00:00'));
    expect(t.daysUnknown).toBe(2);
    expect(tempoSnapshot([], at('2026-09-01 07:00:00')).daysUnknown).toBe(1);
  });

  test('the store range read: the season of the day in force through the next Tempo day', () => {
    expect(tempoRange(at('2026-09-01 05:00:00'))).toEqual({ start: '2025-09-01', end: '2026-09-02' });
    expect(tempoRange(at('2026-11-27 08:00:00'))).toEqual({ start: '2026-09-01', end: addDays('2026-11-27', 2) });
  });
});
