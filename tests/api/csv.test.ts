import { FALL_DAY, PDL_HOME } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const csv = async (url: string, headers: Record<string, string> = {}) => {
  const res = await h.api.inject({ url, headers });
  return { res, lines: res.body.split('\r\n').slice(0, -1) };
};

describe('CSV answers', () => {
  it('gives the fall-back day as 50 Paris-time rows, the repeated hour told apart by its offset', async () => {
    const { res, lines } = await csv(
      `/api/pdls/${PDL_HOME}/consumption/curve?start=${FALL_DAY}&end=2026-10-26&format=csv`,
    );
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${PDL_HOME}-consumption-curve-${FALL_DAY}-2026-10-26.csv"`,
    );
    expect(lines[0]).toBe('start,start_offset,minutes,w,wh');
    expect(lines).toHaveLength(51);
    expect(lines.filter((l) => l.startsWith(`${FALL_DAY} 02:00:00,`))).toEqual([
      `${FALL_DAY} 02:00:00,+02:00,30,309,154.5`,
      `${FALL_DAY} 02:00:00,+01:00,30,313,156.5`,
    ]);
  });

  it('holds the same energy as the JSON answer, to the mWh', async () => {
    const url = `/api/pdls/${PDL_HOME}/consumption/curve?start=2026-01-01&end=2026-12-01`;
    const json = (await h.api.inject(url)).json() as { wh: number }[];
    const { lines } = await csv(url, { accept: 'text/csv' });
    const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1000);
    expect(lines.length - 1).toBe(json.length);
    expect(sum(lines.slice(1).map((l) => Number(l.split(',')[4])))).toBe(sum(json.map((r) => r.wh)));
  });

  it('keeps JSON when format=json is asked, whatever Accept says', async () => {
    const res = await h.api.inject({
      url: `/api/pdls/${PDL_HOME}/consumption/daily?start=2026-11-01&end=2026-11-02&format=json`,
      headers: { accept: 'text/csv' },
    });
    expect(res.json()).toEqual([{ date: '2026-11-01', wh: 8123 }]);
  });

  it('writes the header alone for an empty range', async () => {
    const { lines } = await csv(`/api/pdls/${PDL_HOME}/max-power?start=2020-01-01&end=2020-01-02&format=csv`);
    expect(lines).toEqual(['date,va,at,at_offset']);
  });

  it('answers an empty range (start equal to end) with the header alone', async () => {
    const { lines } = await csv(`/api/pdls/${PDL_HOME}/consumption/daily?start=2026-11-02&end=2026-11-02&format=csv`);
    expect(lines).toEqual(['date,wh']);
    const json = await h.api.inject(
      `/api/pdls/${PDL_HOME}/consumption/aggregate?period=month&start=2026-11-02&end=2026-11-02`,
    );
    expect(json.json().buckets).toEqual([]);
  });

  it('refuses an unknown format with 400 naming it', async () => {
    const res = await h.api.inject(`/api/pdls/${PDL_HOME}/consumption/daily?format=xlsx`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('format must be given once, as json or csv');
  });

  it('serves the whole supported span of curve in one request (streamed, no day cap)', async () => {
    const res = await h.api.inject(`/api/pdls/${PDL_HOME}/consumption/curve?start=1970-01-01&end=2099-12-31`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as unknown[]).length).toBe(46 + 50 + 3);
  });
});
