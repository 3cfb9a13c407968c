import { currentPeriods, tempoQuota, tempoSeason, weekStart } from '../../../src/sensors/snapshot/calendar-periods.js';
import { periodEnergy } from '../../../src/sensors/snapshot/period-energy.js';

describe('calendar periods (Paris local days)', () => {
  test('weeks start on Monday, across a year boundary', () => {
    expect(weekStart('2026-11-27')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2027-01-02')).toBe('2026-12-28');
  });
  test('current periods end today (exclusive): empty on the first day', () => {
    const p = currentPeriods('2026-11-01');
    expect(p.month).toEqual({ start: '2026-11-01', end: '2026-11-01' });
    expect(p.yesterday).toEqual({ start: '2026-10-31', end: '2026-11-01' });
    expect(p.year).toEqual({ start: '2026-01-01', end: '2026-11-01' });
  });
  test('Tempo season runs 1 Sep → 31 Aug; blue quota 301 when it holds a 29 February', () => {
    expect(tempoSeason('2026-08-31')).toEqual({ start: '2025-09-01', end: '2026-09-01' });
    expect(tempoSeason('2026-09-01')).toEqual({ start: '2026-09-01', end: '2027-09-01' });
    expect(tempoQuota(tempoSeason('2026-11-27'))).toEqual({ BLUE: 300, WHITE: 43, RED: 22 });
    expect(tempoQuota(tempoSeason('2028-01-10'))).toEqual({ BLUE: 301, WHITE: 43, RED: 22 });
  });
});

describe('period energy', () => {
  const range = { start: '2026-03-28', end: '2026-03-31' }; // 29 Mar is the 23-hour DST day
  test('daily values first, the curve where the daily value is missing, exact to the Wh', () => {
    const curve = Array.from({ length: 46 }, () => ({ w: 333, minutes: 30 }));
    const p = periodEnergy(range, {
      daily: new Map([['2026-03-28', 1_001]]),
      fullCurveDays: new Map([['2026-03-29', curve]]),
    });
    expect(p).toEqual({
      range,
      wh: 1_001 + (46 * 333 * 30) / 60,
      daysFromDaily: 1,
      daysFromCurve: 1,
      daysMissing: 1,
      quality: 'partial',
    });
  });
  test('no data at all → null and "missing"; an empty period → 0 and "complete"', () => {
    const empty = { daily: new Map(), fullCurveDays: new Map() };
    expect(periodEnergy(range, empty)).toMatchObject({ wh: null, quality: 'missing', daysMissing: 3 });
    expect(periodEnergy({ start: '2026-03-28', end: '2026-03-28' }, empty)).toMatchObject({
      wh: 0,
      quality: 'complete',
    });
  });
});
