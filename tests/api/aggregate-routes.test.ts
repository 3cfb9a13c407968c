import { curveWatts, FALL_DAY, PDL_HOME, UNKNOWN_PDL } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const base = `/api/pdls/${PDL_HOME}/consumption/aggregate`;
const get = async (query: string) => {
  const res = await h.api.inject(`${base}?${query}`);
  return { status: res.statusCode, body: res.json() };
};
/** Energy of a whole day of the fixture's half-hour curve: n readings of curveWatts(i) W for 30 minutes. */
const curveDayWh = (n: number) => Array.from({ length: n }, (_, i) => curveWatts(i) / 2).reduce((a, b) => a + b, 0);

describe('GET /api/pdls/{pdl}/consumption/aggregate', () => {
  it('sums a month of daily values, counting the missing days', async () => {
    const { status, body } = await get('period=month&start=2026-11-01&end=2026-12-01');
    expect(status).toBe(200);
    expect(body.buckets).toEqual([
      { start: '2026-11-01', end: '2026-12-01', wh: 8123 + 9050 + 7311, quality: { daily: 3, curve: 0, missing: 27 } },
    ]);
    expect(body.wh).toBe(8123 + 9050 + 7311);
  });

  it('derives a day without a daily value from its complete curve (the 25-hour fall-back day)', async () => {
    const { body } = await get(`period=day&start=${FALL_DAY}&end=2026-10-26`);
    expect(body.buckets).toEqual([
      {
        start: FALL_DAY,
        end: '2026-10-26',
        wh: Math.round(curveDayWh(50)),
        quality: { daily: 0, curve: 1, missing: 0 },
      },
    ]);
  });

  it('cuts ISO weeks on Monday and clips the first and last bucket to the range', async () => {
    // 2026-03-29 (spring-forward day) is a Sunday.
    const { body } = await get('period=week&start=2026-03-28&end=2026-04-01');
    expect(body.buckets.map((b: { start: string; end: string }) => [b.start, b.end])).toEqual([
      ['2026-03-28', '2026-03-30'],
      ['2026-03-30', '2026-04-01'],
    ]);
    expect(body.buckets[0].wh).toBe(Math.round(curveDayWh(46)));
    expect(body.buckets[0].quality).toEqual({ daily: 0, curve: 1, missing: 1 });
  });

  it('gives a year the sum of its days, to the Wh', async () => {
    const { body } = await get('period=year&start=2026-01-01&end=2027-01-01');
    const expected = 8123 + 9050 + 7311 + Math.round(curveDayWh(46)) + Math.round(curveDayWh(50));
    expect(body.buckets).toHaveLength(1);
    expect(body.wh).toBe(expected);
    expect(body.quality).toEqual({ daily: 3, curve: 2, missing: 365 - 5 });
  });

  it('answers CSV, one line per bucket', async () => {
    const res = await h.api.inject(`${base}?period=month&start=2026-10-01&end=2026-12-01&format=csv`);
    expect(res.body).toBe(
      'start,end,wh,daily_days,curve_days,missing_days\r\n' +
        `2026-10-01,2026-11-01,${Math.round(curveDayWh(50))},0,1,30\r\n` +
        `2026-11-01,2026-12-01,${8123 + 9050 + 7311},3,0,27\r\n`,
    );
  });

  it.each([
    ['start=2026-11-01', 'period must be given once, as day, week, month or year'],
    ['period=quarter', 'period must be given once, as day, week, month or year'],
    ['period=day&start=2026-13-01', 'start must be a calendar date'],
    ['period=day&granularity=1', 'unknown query parameter "granularity"'],
  ])('?%s → 400 naming the problem', async (query, message) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.message).toContain(message);
  });

  it('answers 404 for an unknown PDL', async () => {
    const res = await h.api.inject(`/api/pdls/${UNKNOWN_PDL}/production/aggregate?period=day`);
    expect(res.statusCode).toBe(404);
  });
});
