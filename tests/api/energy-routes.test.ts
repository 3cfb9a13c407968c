import { curveWatts, FALL_DAY, PDL_HOME, PDL_SOLAR, SPRING_DAY, TEN_MIN_DAY, UNKNOWN_PDL } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const get = async (url: string) => {
  const res = await h.api.inject(url);
  return { status: res.statusCode, body: res.json() };
};

/** Expected wall-clock starts of a DST day, written out independently of the time-zone library. */
function wallClock(from: [number, number], to: [number, number], offset: string, date: string): string[] {
  const out: string[] = [];
  for (let m = from[0] * 60 + from[1]; m <= to[0] * 60 + to[1]; m += 30) {
    const hh = String(Math.floor(m / 60)).padStart(2, '0');
    const mm = String(m % 60).padStart(2, '0');
    out.push(`${date}T${hh}:${mm}:00${offset}`);
  }
  return out;
}

describe('GET /api/pdls/{pdl}/consumption/daily', () => {
  it('returns the stored days of the range, end exclusive', async () => {
    const res = await get(`/api/pdls/${PDL_HOME}/consumption/daily?start=2026-11-01&end=2026-11-03`);
    expect(res).toEqual({
      status: 200,
      body: [
        { date: '2026-11-01', wh: 8123 },
        { date: '2026-11-02', wh: 9050 },
      ],
    });
  });

  it('defaults to the 30 days ending today (Paris) when start and end are missing', async () => {
    const res = await get(`/api/pdls/${PDL_HOME}/consumption/daily`);
    expect(res.body).toEqual([
      { date: '2026-11-01', wh: 8123 },
      { date: '2026-11-02', wh: 9050 },
      { date: '2026-11-03', wh: 7311 },
    ]);
  });
});

describe('GET /api/pdls/{pdl}/consumption/curve', () => {
  it('returns 46 half-hours with the right offsets on the spring-forward day', async () => {
    const res = await get(`/api/pdls/${PDL_HOME}/consumption/curve?start=${SPRING_DAY}&end=2026-03-30`);
    const starts = [
      ...wallClock([0, 0], [1, 30], '+01:00', SPRING_DAY),
      ...wallClock([3, 0], [23, 30], '+02:00', SPRING_DAY),
    ];
    expect(starts).toHaveLength(46);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(starts.map((start, i) => ({ start, minutes: 30, w: curveWatts(i), wh: 150.5 + i })));
  });

  it('returns 50 half-hours with the repeated hour at +02:00 then +01:00 on the fall-back day', async () => {
    const res = await get(`/api/pdls/${PDL_HOME}/consumption/curve?start=${FALL_DAY}&end=2026-10-26`);
    const starts = [
      ...wallClock([0, 0], [2, 30], '+02:00', FALL_DAY),
      ...wallClock([2, 0], [23, 30], '+01:00', FALL_DAY),
    ];
    expect(starts).toHaveLength(50);
    expect(res.body).toEqual(starts.map((start, i) => ({ start, minutes: 30, w: curveWatts(i), wh: 150.5 + i })));
  });

  it('gives the exact energy of 10-minute readings, to the mWh', async () => {
    const res = await get(`/api/pdls/${PDL_HOME}/consumption/curve?start=${TEN_MIN_DAY}&end=2026-11-03`);
    expect(res.body).toEqual([
      { start: '2026-11-02T00:00:00+01:00', minutes: 10, w: 7, wh: 1.167 },
      { start: '2026-11-02T00:10:00+01:00', minutes: 10, w: 8, wh: 1.333 },
      { start: '2026-11-02T00:20:00+01:00', minutes: 10, w: 13, wh: 2.167 },
    ]);
  });

  it('stops at Paris midnight of the end day, not UTC midnight', async () => {
    const res = await get(`/api/pdls/${PDL_HOME}/consumption/curve?start=2026-10-24&end=${FALL_DAY}`);
    expect(res.body).toEqual([]);
  });
});

describe('production endpoints', () => {
  it('returns daily production and its curve', async () => {
    const daily = await get(`/api/pdls/${PDL_SOLAR}/production/daily?start=2026-06-21&end=2026-06-22`);
    expect(daily.body).toEqual([{ date: '2026-06-21', wh: 24500 }]);
    const curve = await get(`/api/pdls/${PDL_SOLAR}/production/curve?start=2026-06-21&end=2026-06-22`);
    expect(curve.body).toEqual([
      { start: '2026-06-21T12:00:00+02:00', minutes: 30, w: 2001, wh: 1000.5 },
      { start: '2026-06-21T12:30:00+02:00', minutes: 30, w: 2100, wh: 1050 },
    ]);
  });

  it('keeps directions apart: the home PDL has no production', async () => {
    const res = await get(`/api/pdls/${PDL_HOME}/production/daily?start=2026-11-01&end=2026-11-04`);
    expect(res).toEqual({ status: 200, body: [] });
  });
});

describe('GET /api/pdls/{pdl}/max-power', () => {
  it('returns the daily peaks with their instant in Paris time', async () => {
    const res = await get(`/api/pdls/${PDL_HOME}/max-power?start=2026-03-01&end=2026-11-28`);
    expect(res.body).toEqual([
      { date: '2026-03-29', va: 6120, at: '2026-03-29T09:12:00+02:00' },
      { date: '2026-11-02', va: 5030, at: '2026-11-02T19:40:05+01:00' },
    ]);
  });
});

describe('bad requests', () => {
  const base = `/api/pdls/${PDL_HOME}/consumption`;
  it.each([
    [`${base}/daily?start=2026-02-30&end=2026-03-02`, 'start must be a calendar date written YYYY-MM-DD'],
    [`${base}/daily?start=2026-11-01&end=27/11/2026`, 'end must be a calendar date written YYYY-MM-DD'],
    [`${base}/daily?start=2026-11-01&start=2026-11-02`, 'start must be given once'],
    [`${base}/daily?from=2026-11-01`, 'unknown query parameter "from": only start, end (YYYY-MM-DD) and format'],
    [`${base}/daily?start=2026-11-06&end=2026-11-05`, 'start (2026-11-06) must not be after end (2026-11-05)'],
    [
      `${base}/curve?start=1969-12-31&end=2026-02-06`,
      'start must be a calendar date written YYYY-MM-DD, from 1970 to 2099',
    ],
    [
      `/api/pdls/${PDL_HOME}/max-power?end=2100-01-01`,
      'end must be a calendar date written YYYY-MM-DD, from 1970 to 2099',
    ],
    ['/api/pdls/1234/consumption/daily', 'is not a PDL: use the 14-digit number'],
  ])('%s → 400 naming the problem', async (url, message) => {
    const res = await get(url);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ status: 400, code: 'bad_request', message: expect.stringContaining(message) });
  });

  it.each(['consumption/daily', 'consumption/curve', 'production/daily', 'production/curve', 'max-power'])(
    'unknown PDL on %s → 404',
    async (path) => {
      const res = await get(`/api/pdls/${UNKNOWN_PDL}/${path}?start=2026-11-01&end=2026-11-02`);
      expect(res).toEqual({
        status: 404,
        body: {
          error: {
            status: 404,
            code: 'not_found',
            message: `unknown PDL ${UNKNOWN_PDL}: GET /api/pdls lists the PDLs known to this client`,
          },
        },
      });
    },
  );
});
