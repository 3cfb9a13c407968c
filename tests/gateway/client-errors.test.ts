import {
  GatewayAccessDeniedError,
  GatewayAuthError,
  GatewayDateTooOldError,
  GatewayEnedisError,
  GatewayEnedisUnavailableError,
  GatewayError,
  GatewayHttpError,
  GatewayInvalidDateError,
  GatewayNoDataError,
  GatewayNotActivatedError,
  GatewayUnknownError,
} from '../../src/gateway/errors.js';
import { caught, makeClient, PDL, SECRET } from './client-harness.js';
import { daily, type FakeGateway, fail, json, ok, startFakeGateway } from './fake-gateway.js';

let gw: FakeGateway;
afterEach(async () => gw?.close());

async function failureFor(body: unknown, status = 200, call: 'contract' | 'daily' | 'power' = 'contract') {
  gw = await startFakeGateway((_req, res) => json(res, body, status));
  const { client, logger } = makeClient(gw.baseUrl);
  const range = { start: '2026-11-01', end: '2026-11-20' };
  const err = await caught(() =>
    call === 'contract'
      ? client.getContract(PDL)
      : call === 'daily'
        ? client.getDailyEnergy(PDL, 'consumption', range)
        : client.getMaxPower(PDL, range),
  );
  return { err, requests: gw.requests.length, logger };
}

describe('envelope and HTTP errors become typed errors', () => {
  it.each([
    ['ACCESS_DENIED', GatewayAccessDeniedError, 1],
    ['ENEDIS_ERROR', GatewayEnedisError, 1],
    ['DATE_TOO_OLD', GatewayDateTooOldError, 1],
    ['ADAM-ERR0123', GatewayNotActivatedError, 1],
    ['INVALID_DATE_FORMAT', GatewayInvalidDateError, 1],
    ['NO_DATA', GatewayNoDataError, 1],
    ['SOMETHING_NEW', GatewayUnknownError, 1],
    ['ENEDIS_UNAVAILABLE', GatewayEnedisUnavailableError, 3],
  ] as const)('success:false %s → %p after %i call(s)', async (code, type, calls) => {
    const { err, requests } = await failureFor(fail(code, `details of ${code}`));
    expect(err).toBeInstanceOf(type);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err.code).toBe(code);
    expect(err.endpoint).toBe('GET /enedis/contract/{pdl}');
    expect(requests).toBe(calls);
  });

  it('401 is a fatal GatewayAuthError with the fix, never retried', async () => {
    const { err, requests } = await failureFor({ detail: 'Invalid authentication credentials' }, 401);
    expect(err).toBeInstanceOf(GatewayAuthError);
    expect(err.message).toMatch(
      /the gateway refused the client secret: check CLIENT_SECRET on your MyElectricalData account page/,
    );
    expect(err.message).not.toContain(SECRET);
    expect(requests).toBe(1);
  });

  it('403 is a GatewayAuthError too', async () => {
    const { err } = await failureFor({ detail: 'Email not verified.' }, 403);
    expect(err).toBeInstanceOf(GatewayAuthError);
  });

  it('404 names the URL problem and is not retried', async () => {
    const { err, requests } = await failureFor({ detail: 'Not Found' }, 404);
    expect(err).toBeInstanceOf(GatewayHttpError);
    expect(err.message).toMatch(/HTTP 404.*must end in \/api/);
    expect(requests).toBe(1);
  });

  it('a range fetch stops on ACCESS_DENIED and reports the calls made', async () => {
    const { err, requests } = await failureFor(fail('ACCESS_DENIED', 'Access denied'), 200, 'daily');
    expect(err).toBeInstanceOf(GatewayAccessDeniedError);
    expect(err.calls).toBe(1);
    expect(requests).toBe(1);
  });

  it('a range fetch reports ADAM-ERR0123 with the refused window', async () => {
    const { err } = await failureFor(fail('ADAM-ERR0123', 'before activation'), 200, 'daily');
    expect(err).toBeInstanceOf(GatewayNotActivatedError);
    expect(err.range).toEqual({ start: '2026-11-01', end: '2026-11-20' });
  });

  it('a window refused before activation does not stop the next windows; the error comes at the end', async () => {
    gw = await startFakeGateway((req, res) =>
      req.query.get('start')! < '2025-01-01'
        ? json(res, fail('ENEDIS_ERROR', 'Failed to fetch: ADAM-ERR0123: before the last activation'))
        : json(res, ok(daily([[req.query.get('start')!, 42]]))),
    );
    const { client } = makeClient(gw.baseUrl);
    const chunks: string[] = [];
    const err = await caught(() =>
      client.getDailyEnergy(
        PDL,
        'consumption',
        { start: '2024-06-01', end: '2025-11-01' },
        {
          onChunk: (c) => {
            chunks.push(`${c.range.start}:${c.data.length}`);
          },
        },
      ),
    );
    expect(err).toBeInstanceOf(GatewayNotActivatedError);
    expect(err.range).toEqual({ start: '2024-06-01', end: '2025-02-15' });
    expect(err.calls).toBe(2);
    expect(chunks).toEqual(['2025-02-15:1']);
  });

  it('the passthrough quirk success:true + data.error ADAM-ERR0123 is a GatewayNotActivatedError', async () => {
    const body = ok({
      error: 'ADAM-ERR0123',
      error_description: 'The requested period cannot be anterior to the meter last activation date',
    });
    const { err } = await failureFor(body, 200, 'power');
    expect(err).toBeInstanceOf(GatewayNotActivatedError);
  });

  it('another Enedis error inside data on a passthrough route is a GatewayEnedisError', async () => {
    const { err } = await failureFor(ok({ error: 'ADAM-ERR0069', error_description: 'wrong direction' }), 200, 'power');
    expect(err).toBeInstanceOf(GatewayEnedisError);
  });
});
