import {
  addDays,
  addYears,
  daysBetween,
  eachDay,
  isAmbiguousParis,
  parisDayHours,
  parisIso,
  parisNaiveToUtc,
  parisToday,
} from '../../src/domain/time.js';

describe('Paris time helpers', () => {
  it('does calendar arithmetic on local dates', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(eachDay({ start: '2026-12-30', end: '2027-01-02' })).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    expect(addYears('2024-02-29', -3)).toBe('2021-02-28');
  });

  it('knows the length of DST days', () => {
    expect(parisDayHours('2026-03-29')).toBe(23);
    expect(parisDayHours('2026-10-25')).toBe(25);
    expect(parisDayHours('2026-06-01')).toBe(24);
  });

  it('tells apart the two occurrences of the repeated hour', () => {
    const first = parisNaiveToUtc('2026-10-25 02:30:00', 'earlier');
    const second = parisNaiveToUtc('2026-10-25 02:30:00', 'later');
    expect(new Date(first).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(second).toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(isAmbiguousParis('2026-10-25 02:30:00')).toBe(true);
    expect(isAmbiguousParis('2026-10-25 03:30:00')).toBe(false);
  });

  it('computes today in Paris whatever the process time zone', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Paris.
    expect(parisToday(Date.UTC(2026, 11, 31, 23, 30))).toBe('2027-01-01');
    expect(parisIso(Date.UTC(2026, 6, 1, 22, 0))).toBe('2026-07-02T00:00:00+02:00');
  });
});
