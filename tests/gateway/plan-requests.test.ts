import { daysBetween, maxDate, minDate } from '../../src/domain/time.js';
import {
  balancedWindowSizes,
  CURVE_HISTORY,
  DAILY_HISTORY,
  ENDPOINT_RULES,
  planRequests,
  type RangeEndpoint,
  reachableRange,
} from '../../src/gateway/plan-requests.js';

const PDL = '12345678901234';
const TODAY = '2026-11-27';
const ALL = { start: '2000-01-01', end: '2030-01-01' };
const q = (endpoint: RangeEndpoint, range = ALL) =>
  planRequests(endpoint, PDL, range, TODAY).map((c) => [c.path, c.query.start, c.query.end, c.query.use_cache]);

describe('planRequests: full history with the fewest calls, newest first', () => {
  it('daily consumption: 3 years in three 365-day windows, end exclusive, J-2 newest, oldest first', () => {
    const path = `/enedis/consumption/daily/${PDL}`;
    expect(q('consumptionDaily')).toEqual([
      [path, '2023-11-27', '2024-11-26', 'true'],
      [path, '2024-11-26', '2025-11-26', 'true'],
      [path, '2025-11-26', '2026-11-26', 'true'],
    ]);
    expect(DAILY_HISTORY.start(TODAY)).toBe('2023-11-27');
  });

  it('load curve: the 729 days the batch route serves, in one call, inclusive end = J-1', () => {
    expect(q('consumptionCurveBatch')).toEqual([
      [`/enedis/consumption/detail/batch/${PDL}`, '2024-11-28', '2026-11-26', 'true'],
    ]);
    expect(q('productionCurveBatch')).toEqual([
      [`/enedis/production/detail/batch/${PDL}`, '2024-11-28', '2026-11-26', 'true'],
    ]);
    expect(CURVE_HISTORY.start(TODAY)).toBe('2024-11-28');
  });

  it('production daily and max power: 36 months + 15 days in four balanced windows, end = today', () => {
    const windows = [
      ['2026-02-22', '2026-11-27'],
      ['2025-05-20', '2026-02-22'],
      ['2024-08-15', '2025-05-20'],
      ['2023-11-12', '2024-08-15'],
    ];
    expect(q('productionDaily')).toEqual(windows.map(([s, e]) => [`/enedis/production/daily/${PDL}`, s, e, 'true']));
    expect(q('maxPower')).toEqual(windows.map(([s, e]) => [`/enedis/power/${PDL}`, s, e, 'true']));
  });

  it('single-window load curve: ≤ 7-day windows, balanced; oldest first for consumption only', () => {
    const windows = [
      ['2026-11-01', '2026-11-07'],
      ['2026-11-07', '2026-11-13'],
      ['2026-11-13', '2026-11-19'],
      ['2026-11-19', '2026-11-26'],
    ];
    expect(q('consumptionCurveDetail', { start: '2026-11-01', end: '2026-11-28' }).map((c) => [c[1], c[2]])).toEqual(
      windows,
    );
    expect(q('productionCurveDetail', { start: '2026-11-01', end: '2026-11-27' }).map((c) => [c[1], c[2]])).toEqual([
      ['2026-11-20', '2026-11-27'],
      ['2026-11-13', '2026-11-20'],
      ['2026-11-07', '2026-11-13'],
      ['2026-11-01', '2026-11-07'],
    ]);
  });
});

describe('planRequests: clamping', () => {
  it('keeps a recent daily window to one call, capped at J-1 exclusive', () => {
    expect(q('consumptionDaily', { start: '2026-11-20', end: '2026-11-28' }).map((c) => [c[1], c[2]])).toEqual([
      ['2026-11-20', '2026-11-26'],
    ]);
  });

  it('asks a lone daily day together with the day before (a one-day window answers nothing)', () => {
    const [call] = planRequests('consumptionDaily', PDL, { start: '2026-11-25', end: '2026-11-28' }, TODAY);
    expect(call?.query).toEqual({ start: '2026-11-24', end: '2026-11-26', use_cache: 'true' });
    expect(call?.range).toEqual({ start: '2026-11-25', end: '2026-11-26' });
  });

  it('plans nothing when nothing of the range is reachable', () => {
    expect(q('consumptionDaily', { start: '2026-11-26', end: '2026-11-28' })).toEqual([]);
    expect(q('consumptionCurveBatch', { start: '2020-01-01', end: '2021-01-01' })).toEqual([]);
    expect(q('productionDaily', { start: '2026-11-27', end: '2026-12-05' })).toEqual([]);
  });

  it('caps passthrough routes at end = today (returns J-1)', () => {
    expect(q('productionDaily', { start: '2026-11-20', end: '2026-12-10' }).map((c) => [c[1], c[2]])).toEqual([
      ['2026-11-20', '2026-11-27'],
    ]);
  });

  it('asks J-1 from the batch for a one-day range (inclusive start = end)', () => {
    expect(q('consumptionCurveBatch', { start: '2026-11-26', end: '2026-11-27' }).map((c) => [c[1], c[2]])).toEqual([
      ['2026-11-26', '2026-11-26'],
    ]);
  });
});

describe('planRequests: minimal, gapless, balanced for any range', () => {
  const endpoints = Object.keys(ENDPOINT_RULES) as RangeEndpoint[];
  const starts = ['2019-05-01', '2023-11-20', '2024-02-28', '2025-06-15', '2026-11-10', '2026-11-24'];
  const lengths = [1, 2, 3, 8, 14, 366, 731, 1200];

  it.each(endpoints)('%s', (endpoint) => {
    const rule = ENDPOINT_RULES[endpoint];
    const reach = reachableRange(endpoint, TODAY);
    for (const start of starts) {
      for (const length of lengths) {
        const end = new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
        const calls = planRequests(endpoint, PDL, { start, end }, TODAY);
        const from = maxDate(start, reach.start);
        const to = minDate(end, reach.end);
        const days = Math.max(0, daysBetween(from, to));
        expect(calls).toHaveLength(Math.ceil(days / rule.maxDays));
        const sizes = calls.map((c) => daysBetween(c.range.start, c.range.end));
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(days);
        if (days > 1) expect(Math.min(...sizes)).toBeGreaterThan(1);
        if (sizes.length) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        const newestFirst = rule.oldestFirst ? [...calls].reverse() : calls;
        newestFirst.forEach((c, i) => {
          if (i > 0) expect(c.range.end).toBe(newestFirst[i - 1]!.range.start);
        });
        if (calls.length) expect([newestFirst.at(-1)!.range.start, newestFirst[0]!.range.end]).toEqual([from, to]);
      }
    }
  });

  it('balances window sizes', () => {
    expect(balancedWindowSizes(1095, 365)).toEqual([365, 365, 365]);
    expect(balancedWindowSizes(366, 365)).toEqual([183, 183]);
    expect(balancedWindowSizes(8, 7)).toEqual([4, 4]);
    expect(balancedWindowSizes(0, 7)).toEqual([]);
  });
});
