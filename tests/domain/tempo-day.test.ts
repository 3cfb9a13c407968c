/** The Tempo calendar in Paris time, whatever the process time zone (the suite runs in New York). */
import {
  tempoDayOf,
  tempoDayStart,
  tempoPeriodAt,
  tempoPeriodEnd,
  tempoPublishedEnd,
} from '../../src/domain/tempo-day.js';
import { parisIso, parisNaiveToUtc } from '../../src/domain/time.js';

const at = (naive: string) => parisNaiveToUtc(naive);

describe('the Tempo day in force (06:00 → 06:00 Paris)', () => {
  test.each([
    ['2026-11-27 00:00:00', '2026-11-26'],
    ['2026-11-27 05:59:59', '2026-11-26'],
    ['2026-11-27 06:00:00', '2026-11-27'],
    ['2026-11-27 23:59:59', '2026-11-27'],
    // Season boundary: the night of 31 August → 1 September still belongs to 31 August.
    ['2026-09-01 03:00:00', '2026-08-31'],
    ['2026-09-01 06:00:00', '2026-09-01'],
    // DST: the 23-hour and 25-hour nights.
    ['2026-03-29 03:30:00', '2026-03-28'],
    ['2026-10-25 02:30:00', '2026-10-24'],
  ])('at %s Paris the Tempo day is %s', (naive, day) => {
    expect(tempoDayOf(at(naive))).toBe(day);
  });

  test('the second 02:30 of the fall-back night is still the previous Tempo day', () => {
    expect(tempoDayOf(parisNaiveToUtc('2026-10-25 02:30:00', 'later'))).toBe('2026-10-24');
  });

  test('a Tempo day starts at 06:00 Paris, summer or winter', () => {
    expect(parisIso(tempoDayStart('2026-07-01'))).toBe('2026-07-01T06:00:00+02:00');
    expect(parisIso(tempoDayStart('2026-10-25'))).toBe('2026-10-25T06:00:00+01:00');
    expect(tempoDayStart('2026-10-25') - tempoDayStart('2026-10-24')).toBe(25 * 3_600_000);
    expect(tempoDayStart('2026-03-29') - tempoDayStart('2026-03-28')).toBe(23 * 3_600_000);
  });
});

describe('HC 22:00–06:00, HP 06:00–22:00', () => {
  test.each([
    ['2026-11-27 05:59:00', 'HC', '2026-11-27T06:00:00+01:00'],
    ['2026-11-27 06:00:00', 'HP', '2026-11-27T22:00:00+01:00'],
    ['2026-11-27 21:59:00', 'HP', '2026-11-27T22:00:00+01:00'],
    ['2026-11-27 22:00:00', 'HC', '2026-11-28T06:00:00+01:00'],
    ['2026-03-28 23:00:00', 'HC', '2026-03-29T06:00:00+02:00'],
    ['2026-10-25 01:00:00', 'HC', '2026-10-25T06:00:00+01:00'],
  ])('at %s Paris: %s until %s', (naive, period, end) => {
    expect(tempoPeriodAt(at(naive))).toBe(period);
    expect(parisIso(tempoPeriodEnd(at(naive)))).toBe(end);
  });

  test('the HC of the 25-hour night lasts 9 hours, of the 23-hour night 7', () => {
    const start = at('2026-10-24 22:00:00');
    expect(tempoPeriodEnd(start) - start).toBe(9 * 3_600_000);
    const spring = at('2026-03-28 22:00:00');
    expect(tempoPeriodEnd(spring) - spring).toBe(7 * 3_600_000);
  });
});

describe('which colours can be published (RTE at 10:30 Paris for the next Tempo day)', () => {
  test.each([
    ['2026-11-27 00:30:00', '2026-11-28'],
    ['2026-11-27 10:29:00', '2026-11-28'],
    ['2026-11-27 10:30:00', '2026-11-29'],
    ['2026-11-27 23:30:00', '2026-11-29'],
    ['2026-07-14 10:45:00', '2026-07-16'],
  ])('at %s Paris the published days end (exclusive) at %s', (naive, end) => {
    expect(tempoPublishedEnd(at(naive))).toBe(end);
  });
});
