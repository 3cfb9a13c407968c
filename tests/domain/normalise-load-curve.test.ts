import { intervalMinutes, looksEndLabelled, normaliseLoadCurve } from '../../src/domain/normalise-load-curve.js';
import { dayIntervals, sortedByLabel, toRows } from './curve-fixtures.js';

const iso = (ms: number) => new Date(ms).toISOString();
const byStart = <T extends { start: number }>(xs: T[]) => [...xs].sort((a, b) => a.start - b.start);

describe('normaliseLoadCurve', () => {
  it('turns interval-start labels of an ordinary winter day into UTC starts', () => {
    const { readings, endLabelled } = normaliseLoadCurve([
      { value: 1344, date: '2026-02-09 00:00:00', intervalLength: 'PT30M' },
      { value: 1248, date: '2026-02-09 00:30:00', intervalLength: 'PT30M' },
      { value: 900, date: '2026-02-09 23:30:00', intervalLength: 'PT30M' },
    ]);
    expect(endLabelled).toBe(false);
    expect(readings.map((r) => [iso(r.start), r.minutes, r.w])).toEqual([
      ['2026-02-08T23:00:00.000Z', 30, 1344],
      ['2026-02-08T23:30:00.000Z', 30, 1248],
      ['2026-02-09T22:30:00.000Z', 30, 900],
    ]);
  });

  it('keeps the 46 half-hours of the spring-forward day, including the non-existent 02:30 label', () => {
    const truth = dayIntervals('2026-03-29');
    const rows = sortedByLabel(toRows(truth, 'start'));
    expect(rows.map((r) => r.date)).toContain('2026-03-29 02:30:00');
    const { readings } = normaliseLoadCurve(rows);
    expect(readings).toHaveLength(46);
    expect(byStart(readings)).toEqual(truth);
  });

  it('keeps the 50 half-hours of the fall-back day, telling repeated labels apart by order', () => {
    const truth = dayIntervals('2026-10-25');
    const rows = sortedByLabel(toRows(truth, 'start'));
    expect(rows.filter((r) => r.date === '2026-10-25 01:30:00')).toHaveLength(2);
    expect(rows.filter((r) => r.date === '2026-10-25 02:00:00')).toHaveLength(2);
    const { readings } = normaliseLoadCurve(rows);
    expect(readings).toHaveLength(50);
    expect(new Set(readings.map((r) => r.start)).size).toBe(50);
    expect(byStart(readings)).toEqual(truth);
    const repeated = readings.filter((_, i) => rows[i]!.date === '2026-10-25 01:30:00').map((r) => iso(r.start));
    expect(repeated).toEqual(['2026-10-24T23:30:00.000Z', '2026-10-25T00:30:00.000Z']);
  });

  it('handles hourly readings on both DST days (23 and 25 readings)', () => {
    for (const [date, count] of [
      ['2026-03-29', 23],
      ['2026-10-25', 25],
    ] as const) {
      const truth = dayIntervals(date, 60);
      const { readings } = normaliseLoadCurve(sortedByLabel(toRows(truth, 'start')));
      expect(readings).toHaveLength(count);
      expect(byStart(readings)).toEqual(truth);
    }
  });

  it('reads end labels (v1, raw Enedis) when told, and detects them (00:30…24:00) in auto mode', () => {
    for (const date of ['2026-02-09', '2026-03-29', '2026-10-25']) {
      const truth = dayIntervals(date);
      const rows = toRows(truth, 'end');
      expect(rows[0]!.date).toBe(`${date} 00:30:00`);
      expect(byStart(normaliseLoadCurve(rows, 'end').readings)).toEqual(truth);
      const auto = normaliseLoadCurve(rows, 'auto');
      expect(auto.endLabelled).toBe(true);
      expect(byStart(auto.readings)).toEqual(truth);
    }
  });

  it('does not mistake start labels for end labels in auto mode', () => {
    const truth = dayIntervals('2026-02-09');
    const auto = normaliseLoadCurve(toRows(truth, 'start'), 'auto');
    expect(auto.endLabelled).toBe(false);
    expect(auto.readings).toEqual(truth);
    expect(looksEndLabelled(toRows(truth, 'start'))).toBe(false);
  });

  it('keeps holes as absent readings', () => {
    const truth = dayIntervals('2026-02-09').filter((_, i) => i % 7 !== 3);
    const { readings } = normaliseLoadCurve(toRows(truth, 'start'));
    expect(readings).toEqual(truth);
    expect(readings.length).toBeLessThan(48);
  });

  it('follows an interval length change within the range (PT60M then PT30M, PT15M, PT10M)', () => {
    const hourly = dayIntervals('2026-06-01', 60);
    const half = dayIntervals('2026-06-02', 30);
    const quarter = dayIntervals('2026-06-03', 15);
    const ten = dayIntervals('2026-06-04', 10);
    const truth = [...hourly, ...half, ...quarter, ...ten];
    const { readings } = normaliseLoadCurve(toRows(truth, 'start'));
    expect(readings).toEqual(truth);
    expect(readings.map((r) => r.minutes).filter((m, i, a) => a.indexOf(m) === i)).toEqual([60, 30, 15, 10]);
  });
});

describe('intervalMinutes', () => {
  it('reads ISO durations and defaults to 30 minutes', () => {
    expect(['PT30M', 'PT60M', 'PT15M', 'PT10M', 'PT1H', null].map(intervalMinutes)).toEqual([30, 60, 15, 10, 60, 30]);
  });

  it('rejects an unknown shape', () => {
    expect(() => intervalMinutes('30 minutes')).toThrow(/interval_length/);
  });
});

describe('normaliseLoadCurve fast path (ordinary days read without building strings)', () => {
  it('gives the same starts as resolving each end label in Paris, over three years of 30-, 15- and 60-minute labels', async () => {
    const { parisNaiveToUtc, addNaiveMinutes, eachDay } = await import('../../src/domain/time.js');
    for (const minutes of [15, 30, 60]) {
      const raw: { value: number; date: string; intervalLength: string }[] = [];
      for (const day of eachDay({ start: '2024-01-01', end: '2027-01-01' })) {
        for (let m = 0; m < 24 * 60; m += minutes * 7) {
          const label = `${day} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
          raw.push({ value: m, date: label, intervalLength: `PT${minutes}M` });
        }
      }
      const { readings } = normaliseLoadCurve(raw);
      const expected = raw.map((r) => parisNaiveToUtc(addNaiveMinutes(r.date, minutes)) - minutes * 60_000);
      const wrong = readings.map((r, i) => [raw[i]!.date, r.start, expected[i]]).filter(([, a, b]) => a !== b);
      expect(wrong).toEqual([]);
    }
  });

  it('leaves malformed labels to the general path, which refuses them', () => {
    expect(() => normaliseLoadCurve([{ value: 1, date: '2026-02-09 2x:00:00', intervalLength: 'PT30M' }])).toThrow();
  });
});
