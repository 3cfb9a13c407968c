import type { ServerResponse } from 'node:http';
import { GatewayHttpError, GatewayNetworkError, GatewayPayloadError } from '../../src/gateway/errors.js';
import { caught, makeClient, PDL, SECRET } from './client-harness.js';
import { daily, type FakeGateway, json, ok, startFakeGateway } from './fake-gateway.js';

let gw: FakeGateway;
afterEach(async () => gw?.close());

/** Answers with the scripted failures first, then with a valid daily payload. */
async function scripted(failures: ((res: ServerResponse) => void)[]) {
  let n = 0;
  gw = await startFakeGateway((_req, res) => {
    const step = failures[n++];
    if (step) step(res);
    else json(res, ok(daily([['2026-11-20', 7000]])));
  });
  return gw;
}

const range = { start: '2026-11-20', end: '2026-11-22' };
const status500 = (res: ServerResponse) =>
  json(res, { success: false, error: { code: 'INTERNAL_ERROR', message: 'boom' } }, 500);
const reset = (res: ServerResponse) => res.socket?.destroy();
const truncated = (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
  res.write('{"success":true,"data":{"meter_rea');
  setTimeout(() => res.socket?.destroy(), 5);
};

describe('retries with exponential back-off and jitter', () => {
  it('retries 5xx and succeeds, counting every call and logging each retry at warn', async () => {
    await scripted([status500, status500]);
    const { client, sleeps, logger } = makeClient(gw.baseUrl, {
      retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000 },
    });
    const res = await client.getDailyEnergy(PDL, 'consumption', range);
    expect(res.calls).toBe(3);
    expect(res.data).toEqual([{ date: '2026-11-20', wh: 7000 }]);
    // random() = 0.5 → delay = cap * 0.75, cap doubling from 100 ms.
    expect(sleeps).toEqual([75, 150]);
    const warns = logger.lines.filter((l) => l.level === 'warn');
    expect(warns).toHaveLength(2);
    expect(warns[0]?.fields).toMatchObject({
      endpoint: 'GET /enedis/consumption/daily/{pdl}',
      attempt: 1,
      delayMs: 75,
    });
    expect(JSON.stringify(logger.lines)).not.toContain(SECRET);
  });

  it('caps the back-off at maxDelayMs and spreads it with the injected random', async () => {
    await scripted([status500, status500, status500]);
    const { client, sleeps } = makeClient(gw.baseUrl, {
      retry: { attempts: 4, baseDelayMs: 400, maxDelayMs: 1000 },
      random: () => 1,
    });
    await client.getDailyEnergy(PDL, 'consumption', range);
    expect(sleeps).toEqual([400, 800, 1000]);
  });

  it('gives up after the configured attempts with the last error', async () => {
    await scripted([status500, status500, status500, status500]);
    const { client } = makeClient(gw.baseUrl);
    const err = await caught(() => client.getDailyEnergy(PDL, 'consumption', range));
    expect(err).toBeInstanceOf(GatewayHttpError);
    expect(err.status).toBe(500);
    expect(err.calls).toBe(3);
    expect(gw.requests).toHaveLength(3);
  });

  it('retries a reset connection', async () => {
    await scripted([reset]);
    const { client } = makeClient(gw.baseUrl);
    expect((await client.getDailyEnergy(PDL, 'consumption', range)).calls).toBe(2);
  });

  it('retries a truncated body, saying it was cut off (not "could not be reached")', async () => {
    await scripted([truncated]);
    const { client, logger } = makeClient(gw.baseUrl);
    expect((await client.getDailyEnergy(PDL, 'consumption', range)).calls).toBe(2);
    const retry = logger.lines.find((l) => l.msg === 'gateway call failed, retrying');
    expect(retry?.fields.reason).toMatch(
      /answer on GET \/enedis\/consumption\/daily\/\{pdl\} was cut off before its end/,
    );
    expect(retry?.fields.reason).not.toMatch(/could not be reached/);
  });

  it('times out a silent gateway and reports a network error', async () => {
    gw = await startFakeGateway(() => undefined);
    const { client } = makeClient(gw.baseUrl, { timeoutMs: 40, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const err = await caught(() => client.getDailyEnergy(PDL, 'consumption', range));
    expect(err).toBeInstanceOf(GatewayNetworkError);
    expect(err.message).toMatch(/no answer within 40 ms/);
    expect(gw.requests).toHaveLength(2);
  });

  it('retries bad JSON a couple of times, then names the endpoint', async () => {
    gw = await startFakeGateway((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>502 Bad Gateway</html>');
    });
    const { client } = makeClient(gw.baseUrl, { retry: { attempts: 6, baseDelayMs: 1, maxDelayMs: 1 } });
    const err = await caught(() => client.getDailyEnergy(PDL, 'consumption', range));
    expect(err).toBeInstanceOf(GatewayPayloadError);
    expect(err.message).toMatch(/GET \/enedis\/consumption\/daily\/\{pdl\}.*not valid JSON/);
    expect(gw.requests).toHaveLength(3);
  });

  it('names the field path of a wrong shape', async () => {
    gw = await startFakeGateway((_req, res) =>
      json(
        res,
        ok({
          meter_reading: {
            interval_reading: [
              { value: '12', date: '2026-11-20' },
              { value: 'n/a', date: '2026-11-21' },
            ],
          },
        }),
      ),
    );
    const { client } = makeClient(gw.baseUrl);
    const err = await caught(() => client.getDailyEnergy(PDL, 'consumption', range));
    expect(err).toBeInstanceOf(GatewayPayloadError);
    expect(err.path).toBe('data.meter_reading.interval_reading.1.value');
    expect(err.message).toContain('data.meter_reading.interval_reading.1.value');
    // The same call gets the same answer: asked once, and the error shows what came.
    expect(gw.requests).toHaveLength(1);
    expect(err.message).toContain('it came as "n/a"');
  });

  it('reports an unknown interval length and an impossible date as payload errors, not crashes', async () => {
    gw = await startFakeGateway((req, res) =>
      req.path.includes('/batch/')
        ? json(
            res,
            ok({
              meter_reading: {
                interval_reading: [{ value: '1', date: '2026-11-20 00:00:00', interval_length: 'P1D' }],
              },
            }),
          )
        : json(res, ok(daily([['2026-02-30', 5]]))),
    );
    const { client } = makeClient(gw.baseUrl);
    const curveErr = await caught(() => client.getLoadCurve(PDL, 'consumption', range));
    expect([curveErr.constructor, curveErr.path]).toEqual([
      GatewayPayloadError,
      'data.meter_reading.interval_reading.0.interval_length',
    ]);
    const dailyErr = await caught(() => client.getDailyEnergy(PDL, 'consumption', range));
    expect(dailyErr).toBeInstanceOf(GatewayPayloadError);
    expect(dailyErr.message).toMatch(/GET \/enedis\/consumption\/daily\/\{pdl\}.*2026-02-30/);
  });

  it('does not retry business errors', async () => {
    gw = await startFakeGateway((_req, res) =>
      json(res, { success: false, data: null, error: { code: 'ACCESS_DENIED', message: 'no' } }),
    );
    const { client, sleeps } = makeClient(gw.baseUrl);
    await caught(() => client.getDailyEnergy(PDL, 'consumption', range));
    expect(gw.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe('LOG_LEVEL=trace', () => {
  it('logs every HTTP exchange at trace level, without the credential', async () => {
    await scripted([status500]);
    const { client, logger } = makeClient(gw.baseUrl);
    await client.getDailyEnergy(PDL, 'consumption', range);
    const traces = logger.lines.filter((l) => l.level === 'trace').map((l) => l.msg);
    expect(traces).toEqual([
      expect.stringMatching(/^GET \/enedis\/consumption\/daily\/\d{14} → HTTP 500$/),
      expect.stringMatching(/^GET \/enedis\/consumption\/daily\/\d{14} → HTTP 200$/),
    ]);
    expect(JSON.stringify(logger.lines)).not.toContain(SECRET);
  });
});
