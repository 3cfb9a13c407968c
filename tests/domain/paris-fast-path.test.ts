import { parisMinuteOfDay } from '../../src/domain/offpeak-time.js';
import {
  parisDateQuick,
  parisDayHoursQuick,
  parisIsoQuick,
  parisNaiveToUtcQuick,
  parisOffsetMinutesQuick,
  steadyParisOffsetMs,
} from '../../src/domain/paris-fast-path.js';
import {
  addNaiveMinutes,
  eachDay,
  parisDate,
  parisDayHours,
  parisIso,
  parisNaive,
  parisNaiveToUtc,
  parisOffsetMinutes,
} from '../../src/domain/time.js';

describe('Paris fast paths agree with time.ts', () => {
  it('knows which days keep one offset', () => {
    expect([steadyParisOffsetMs('2026-01-15'), steadyParisOffsetMs('2026-07-15')]).toEqual([3_600_000, 7_200_000]);
    expect([steadyParisOffsetMs('2026-03-29'), steadyParisOffsetMs('2026-10-25')]).toEqual([null, null]);
  });

  it('gives the length of every day from 1975 to 2100 like parisDayHours (23 and 25 on change days)', () => {
    const days = eachDay({ start: '1975-01-01', end: '2101-01-01' });
    const differ = days.filter((d) => parisDayHoursQuick(d) !== parisDayHours(d));
    expect(differ).toEqual([]);
    expect([parisDayHoursQuick('2026-03-29'), parisDayHoursQuick('2026-10-25')]).toEqual([23, 25]);
  });

  it('converts every quarter-hour label around both DST changes like parisNaiveToUtc', () => {
    for (const first of ['2026-03-27 00:00:00', '2026-10-23 00:00:00', '2026-12-30 12:00:00']) {
      let label = first;
      for (let i = 0; i < 4 * 24 * 4; i++, label = addNaiveMinutes(label, 15)) {
        expect(parisNaiveToUtcQuick(label)).toBe(parisNaiveToUtc(label));
      }
    }
  });

  it('finds the Paris day of instants around midnight like parisDate', () => {
    for (const day of ['2026-03-28', '2026-03-29', '2026-10-25', '2026-12-31']) {
      const base = Date.parse(`${day}T20:00:00Z`);
      for (let m = 0; m < 6 * 60; m += 10) {
        expect(parisDateQuick(base + m * 60_000)).toBe(parisDate(base + m * 60_000));
      }
    }
  });

  it('gives the offset, ISO text and local minute of every 10 minutes of both DST-change days like time.ts', () => {
    for (const day of ['2026-03-28', '2026-03-29', '2026-10-25', '2026-07-14']) {
      const base = Date.parse(`${day}T18:00:00Z`) - 86_400_000;
      for (let m = 0; m < 36 * 60; m += 10) {
        const ms = base + m * 60_000;
        const naive = parisNaive(ms);
        expect([parisOffsetMinutesQuick(ms), parisIsoQuick(ms), parisDateQuick(ms)]).toEqual([
          parisOffsetMinutes(ms),
          parisIso(ms),
          parisDate(ms),
        ]);
        expect(parisIsoQuick(ms)).toBe(parisIso(ms)); // the second ask of an hour's top is answered from the cache
        expect(parisMinuteOfDay(ms)).toBe(Number(naive.slice(11, 13)) * 60 + Number(naive.slice(14, 16)));
      }
    }
  });
});

describe('Paris fast paths over the years', () => {
  it('agree with time.ts on instants from 1975 to 2099, in and out of order, whole hours or not', () => {
    let seed = 17;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const from = Date.UTC(1975, 0, 1);
    const span = Date.UTC(2100, 0, 1) - from;
    for (let i = 0; i < 5000; i++) {
      const ms = from + Math.floor(next() * span);
      const top = ms - (ms % 3_600_000);
      for (const t of [ms, top]) {
        expect([parisDateQuick(t), parisIsoQuick(t), parisOffsetMinutesQuick(t)]).toEqual([
          parisDate(t),
          parisIso(t),
          parisOffsetMinutes(t),
        ]);
      }
    }
  });
});
