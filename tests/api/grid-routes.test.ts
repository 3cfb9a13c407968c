import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.store.upsertTempo([
    { date: '2026-11-01', color: 'BLUE' },
    { date: '2026-11-02', color: 'RED' },
    { date: '2026-11-20', color: 'WHITE' },
  ]);
  const hourly = Array.from({ length: 24 }, (_, i) => (i >= 8 && i < 10 ? 2 : 1));
  await h.store.upsertEcoWatt([{ date: '2026-11-26', level: 2, message: 'Tensions, "prudence" ce matin', hourly }]);
});
afterAll(() => h.close());

describe('GET /api/tempo', () => {
  it('returns the stored colours of the range, end exclusive', async () => {
    const res = await h.api.inject('/api/tempo?start=2026-11-01&end=2026-11-20');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { date: '2026-11-01', color: 'BLUE' },
      { date: '2026-11-02', color: 'RED' },
    ]);
  });

  it('answers CSV with a header line for ?format=csv', async () => {
    const res = await h.api.inject('/api/tempo?start=2026-11-01&end=2026-11-21&format=csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body).toBe('date,color\r\n2026-11-01,BLUE\r\n2026-11-02,RED\r\n2026-11-20,WHITE\r\n');
  });

  it('refuses an unknown parameter with 400 naming it', async () => {
    const res = await h.api.inject('/api/tempo?day=2026-11-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('unknown query parameter "day"');
  });
});

describe('GET /api/ecowatt', () => {
  it('returns the day level, message and hourly levels', async () => {
    const res = await h.api.inject('/api/ecowatt?start=2026-11-26&end=2026-11-27');
    const [day] = res.json();
    expect(day).toEqual(
      expect.objectContaining({ date: '2026-11-26', level: 2, message: 'Tensions, "prudence" ce matin' }),
    );
    expect(day.hourly).toHaveLength(24);
    expect(day.hourly[8]).toBe(2);
  });

  it('quotes a CSV text with commas and quotes (RFC 4180)', async () => {
    const res = await h.api.inject({
      url: '/api/ecowatt?start=2026-11-26&end=2026-11-27',
      headers: { accept: 'text/csv' },
    });
    const [header, row] = res.body.split('\r\n');
    expect(header).toBe('date,level,message,hourly');
    expect(row).toBe(`2026-11-26,2,"Tensions, ""prudence"" ce matin",1 1 1 1 1 1 1 1 2 2 ${'1 '.repeat(13)}1`);
  });

  it('refuses a reversed range', async () => {
    const res = await h.api.inject('/api/ecowatt?start=2026-11-27&end=2026-11-26');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('must not be after end');
  });
});
