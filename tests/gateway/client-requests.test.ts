import { USER_AGENT } from '../../src/gateway/user-agent.js';
import { caught, makeClient, PDL, SECRET } from './client-harness.js';
import { curve, daily, type FakeGateway, fail, json, ok, startFakeGateway } from './fake-gateway.js';

let gw: FakeGateway;
afterEach(async () => gw?.close());

describe('gateway client requests', () => {
  it('authenticates with Bearer <client_secret>, Accept and User-Agent; use_cache=true on /enedis', async () => {
    gw = await startFakeGateway((_req, res) => json(res, ok(daily([['2026-11-20', 10532]]))));
    const { client } = makeClient(gw.baseUrl);
    const res = await client.getDailyEnergy(PDL, 'consumption', { start: '2026-11-20', end: '2026-11-22' });
    expect(res).toEqual({ data: [{ date: '2026-11-20', wh: 10532 }], partial: false, calls: 1 });
    const [req] = gw.requests;
    expect(req?.path).toBe(`/api/enedis/consumption/daily/${PDL}`);
    expect(Object.fromEntries(req!.query)).toEqual({ start: '2026-11-20', end: '2026-11-22', use_cache: 'true' });
    expect(req?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(req?.headers.accept).toBe('application/json');
    expect(req?.headers['user-agent']).toBe(USER_AGENT);
  });

  it('fetches the load curve through the batch route and awaits onChunk before the next call', async () => {
    gw = await startFakeGateway((req, res) => {
      const day = req.query.get('start')!;
      json(
        res,
        ok(
          curve([
            [`${day} 00:00:00`, 1000],
            [`${day} 00:30:00`, 2000],
          ]),
        ),
      );
    });
    const { client } = makeClient(gw.baseUrl);
    const events: string[] = [];
    const res = await client.getLoadCurve(
      PDL,
      'production',
      { start: '2026-11-25', end: '2026-11-27' },
      {
        onChunk: async (chunk) => {
          events.push(
            `chunk ${chunk.range.start}..${chunk.range.end} (${chunk.data.length}) after ${gw.requests.length}`,
          );
          await new Promise((r) => setTimeout(r, 5));
        },
      },
    );
    expect(gw.requests.map((r) => [r.path, r.query.get('start'), r.query.get('end')])).toEqual([
      [`/api/enedis/production/detail/batch/${PDL}`, '2026-11-25', '2026-11-26'],
    ]);
    expect(events).toEqual(['chunk 2026-11-25..2026-11-27 (2) after 1']);
    expect(res.data).toEqual([
      { start: Date.parse('2026-11-24T23:00:00Z'), minutes: 30, w: 1000 },
      { start: Date.parse('2026-11-24T23:30:00Z'), minutes: 30, w: 2000 },
    ]);
  });

  it('delivers several windows newest first, each chunk before the next call', async () => {
    gw = await startFakeGateway((req, res) => json(res, ok(daily([[req.query.get('start')!, 1]]))));
    const { client } = makeClient(gw.baseUrl);
    const seen: string[] = [];
    const res = await client.getMaxPower(
      PDL,
      { start: '2025-01-01', end: '2026-11-27' },
      {
        onChunk: (c) => {
          seen.push(`${c.range.start} after ${gw.requests.length}`);
        },
      },
    );
    expect(seen).toEqual(['2025-12-14 after 1', '2025-01-01 after 2']);
    expect(res.calls).toBe(2);
    expect(res.data.map((p) => p.date)).toEqual(['2025-01-01', '2025-12-14']);
  });

  it('keeps nothing once onChunk has had it with collect: false, and still delivers every window', async () => {
    gw = await startFakeGateway((req, res) => json(res, ok(daily([[req.query.get('start')!, 7]]))));
    const { client } = makeClient(gw.baseUrl);
    const delivered: string[] = [];
    const res = await client.getMaxPower(
      PDL,
      { start: '2025-01-01', end: '2026-11-27' },
      { collect: false, onChunk: (c) => void delivered.push(...c.data.map((p) => `${p.date}=${p.va}`)) },
    );
    expect(delivered).toEqual(['2025-12-14=7', '2025-01-01=7']);
    expect(res).toEqual({ data: [], partial: false, calls: 2 });
  });

  it('treats NO_DATA on a range as a chunk without data', async () => {
    gw = await startFakeGateway((_req, res) => json(res, fail('NO_DATA', 'No data')));
    const { client } = makeClient(gw.baseUrl);
    const chunks: unknown[] = [];
    const res = await client.getLoadCurve(
      PDL,
      'consumption',
      { start: '2026-11-01', end: '2026-11-27' },
      {
        onChunk: (c) => {
          chunks.push(c);
        },
      },
    );
    expect(res).toEqual({ data: [], partial: false, calls: 1 });
    expect(chunks).toEqual([{ range: { start: '2026-11-01', end: '2026-11-27' }, data: [], partial: false }]);
  });

  it('surfaces PARTIAL_DATA as partial on the chunk and the result', async () => {
    gw = await startFakeGateway((_req, res) =>
      json(
        res,
        ok(curve([['2026-11-20 00:00:00', 500]]), { code: 'PARTIAL_DATA', message: '2 chunks failed', field: null }),
      ),
    );
    const { client } = makeClient(gw.baseUrl);
    const partials: boolean[] = [];
    const res = await client.getLoadCurve(
      PDL,
      'consumption',
      { start: '2026-11-20', end: '2026-11-27' },
      {
        onChunk: (c) => {
          partials.push(c.partial);
        },
      },
    );
    expect(partials).toEqual([true]);
    expect(res.partial).toBe(true);
    expect(res.data).toHaveLength(1);
  });

  it('keeps only the requested days of Tempo, asking one day earlier (start_date is exclusive)', async () => {
    gw = await startFakeGateway((_req, res) =>
      json(
        res,
        ok([
          { date: '2026-11-19', color: 'BLUE' },
          { date: '2026-11-20', color: 'WHITE' },
          { date: '2026-11-21', color: 'RED' },
        ]),
      ),
    );
    const { client } = makeClient(gw.baseUrl);
    const days = await client.getTempoDays({ start: '2026-11-20', end: '2026-11-22' });
    expect(Object.fromEntries(gw.requests[0]!.query)).toEqual({ start_date: '2026-11-19', end_date: '2026-11-21' });
    expect(days).toEqual([
      { date: '2026-11-20', color: 'WHITE' },
      { date: '2026-11-21', color: 'RED' },
    ]);
  });

  it('reads /pdl, contract, address, EcoWatt and usage stats', async () => {
    const customer = {
      customer: {
        usage_points: [
          {
            usage_point: { usage_point_id: PDL, usage_point_addresses: { city: 'Lyon', postal_code: '69001' } },
            contracts: { subscribed_power: '6 kVA', offpeak_hours: 'HC (22H00-6H00)' },
          },
        ],
      },
    };
    gw = await startFakeGateway((req, res) => {
      if (req.path === '/api/pdl') json(res, ok([{ id: 'u-1', usage_point_id: PDL, offpeak_hours: ['22:00-06:00'] }]));
      else if (req.path.startsWith('/api/enedis/')) json(res, ok(customer));
      else if (req.path === '/api/ecowatt/forecast')
        json(res, ok([{ periode: '2026-11-27T23:00:00', dvalue: 1, message: 'ok', values: Array(24).fill(1) }]));
      else
        json(
          res,
          ok({ cached_requests: 3, no_cache_requests: 1, cached_limit: 1000, no_cache_limit: 50, date: '2026-11-27' }),
        );
    });
    const { client } = makeClient(gw.baseUrl);
    const [up] = await client.listUsagePoints();
    expect([up?.pdl, up?.offpeakHours]).toEqual([PDL, [{ start: '22:00', end: '06:00' }]]);
    expect((await client.getContract(PDL)).subscribedPowerKva).toBe(6);
    expect((await client.getAddress(PDL)).city).toBe('Lyon');
    expect((await client.getEcoWattForecast(3)).map((s) => s.date)).toEqual(['2026-11-28']);
    expect(await client.getUsageStats()).toEqual({
      cachedRequests: 3,
      noCacheRequests: 1,
      cachedLimit: 1000,
      noCacheLimit: 50,
      date: '2026-11-27',
    });
    expect(gw.requests.map((r) => `${r.path}?${r.query}`)).toEqual([
      '/api/pdl?',
      `/api/enedis/contract/${PDL}?use_cache=true`,
      `/api/enedis/address/${PDL}?use_cache=true`,
      '/api/ecowatt/forecast?days=3',
      '/api/accounts/usage-stats?',
    ]);
  });

  it('makes no call when nothing of the range is reachable, and rejects a malformed PDL', async () => {
    gw = await startFakeGateway((_req, res) => json(res, ok(daily([]))));
    const { client } = makeClient(gw.baseUrl);
    const res = await client.getDailyEnergy(PDL, 'consumption', { start: '2026-11-26', end: '2026-11-28' });
    expect(res).toEqual({ data: [], partial: false, calls: 0 });
    expect((await caught(() => client.getContract('123'))).code).toBe('INVALID_PDL');
    expect(gw.requests).toHaveLength(0);
  });

  it('stops between calls once the caller aborts', async () => {
    gw = await startFakeGateway((req, res) => json(res, ok(daily([[req.query.get('start')!, 1]]))));
    const { client } = makeClient(gw.baseUrl);
    const controller = new AbortController();
    const err = await caught(() =>
      client.getMaxPower(
        PDL,
        { start: '2025-01-01', end: '2026-11-27' },
        {
          signal: controller.signal,
          onChunk: () => controller.abort(),
        },
      ),
    );
    expect(err.name).toBe('AbortError');
    expect(gw.requests).toHaveLength(1);
  });

  it('accepts a fetch-like function as the fetcher seam', async () => {
    const seen: string[] = [];
    const { client } = makeClient('http://gateway.invalid/api', {
      fetcher: async (url, init) => {
        seen.push(`${init.method} ${url}`);
        return { status: 200, text: async () => JSON.stringify(ok([])) };
      },
    });
    expect(await client.listUsagePoints()).toEqual([]);
    expect(seen).toEqual(['GET http://gateway.invalid/api/pdl']);
  });
});
