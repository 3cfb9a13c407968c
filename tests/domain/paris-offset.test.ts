import { nextParisOffsetChange, parisOffsetMs } from '../../src/domain/paris-offset.js';
import { parisIso, parisNaiveToUtc } from '../../src/domain/time.js';

describe('Paris offset rules', () => {
  it('answers from 1977 on without creating an Intl.DateTimeFormat (about 8 MiB of ICU data), earlier ones through it', () => {
    const made = jest.spyOn(Intl, 'DateTimeFormat');
    expect(parisIso(Date.UTC(2026, 6, 1, 10))).toBe('2026-07-01T12:00:00+02:00');
    expect(parisNaiveToUtc('1977-04-03 03:00:00')).toBe(Date.UTC(1977, 3, 3, 1));
    expect(made).not.toHaveBeenCalled();
    expect(parisOffsetMs(Date.UTC(1960, 6, 1))).toBe(3_600_000);
    expect(made).toHaveBeenCalledTimes(1);
    made.mockRestore();
  });

  it('knows the exceptional years of the rules', () => {
    expect(parisOffsetMs(Date.UTC(1978, 9, 1, 0, 59))).toBe(7_200_000);
    expect(parisOffsetMs(Date.UTC(1978, 9, 1, 1))).toBe(3_600_000);
    expect(parisOffsetMs(Date.UTC(1995, 8, 24, 1))).toBe(3_600_000);
    expect(parisOffsetMs(Date.UTC(1996, 9, 27, 0, 59))).toBe(7_200_000);
  });

  it('gives the next offset change after an instant', () => {
    expect(nextParisOffsetChange(Date.UTC(2026, 11, 2))).toBe(Date.UTC(2027, 2, 28, 1));
    expect(nextParisOffsetChange(Date.UTC(2026, 2, 29, 1))).toBe(Date.UTC(2026, 9, 25, 1));
    expect(nextParisOffsetChange(Date.UTC(2026, 2, 29, 0, 59))).toBe(Date.UTC(2026, 2, 29, 1));
  });
});
