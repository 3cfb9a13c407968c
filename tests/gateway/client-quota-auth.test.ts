import { GatewayAuthError, GatewayQuotaError } from '../../src/gateway/errors.js';
import { nextUtcMidnight } from '../../src/gateway/quota.js';
import { caught, makeClient, NOW, PDL, SECRET } from './client-harness.js';
import { daily, type FakeGateway, fail, json, ok, startFakeGateway } from './fake-gateway.js';

let gw: FakeGateway;
afterEach(async () => gw?.close());

const MIDNIGHT = Date.parse('2026-11-28T00:00:00Z');
const range = { start: '2026-11-20', end: '2026-11-22' };

describe('quota pause until the next 00:00 UTC', () => {
  it('computes the next UTC midnight', () => {
    expect(nextUtcMidnight(NOW)).toBe(MIDNIGHT);
    expect(nextUtcMidnight(Date.parse('2026-11-27T23:59:59Z'))).toBe(MIDNIGHT);
    expect(nextUtcMidnight(MIDNIGHT)).toBe(Date.parse('2026-11-29T00:00:00Z'));
  });

  it('pauses the cached bucket on RATE_LIMIT_EXCEEDED and fails fast while paused', async () => {
    let exhausted = true;
    gw = await startFakeGateway((req, res) => {
      if (req.path.startsWith('/api/ecowatt')) return json(res, ok([]));
      json(res, exhausted ? fail('RATE_LIMIT_EXCEEDED', 'Daily rate limit exceeded (1000/1000).') : ok(daily([])));
    });
    const { client, clock } = makeClient(gw.baseUrl);
    const err = await caught(() => client.getDailyEnergy(PDL, 'consumption', range));
    expect(err).toBeInstanceOf(GatewayQuotaError);
    expect([err.bucket, err.pausedUntil]).toEqual(['cached', MIDNIGHT]);
    expect(client.quotaPausedUntil('cached')).toBe(MIDNIGHT);
    expect(client.quotaPausedUntil('noCache')).toBeNull();

    const again = await caught(() => client.getContract(PDL));
    expect(again).toBeInstanceOf(GatewayQuotaError);
    expect(gw.requests).toHaveLength(1);
    await client.getEcoWattForecast();
    expect(gw.requests).toHaveLength(2);

    exhausted = false;
    clock.set(MIDNIGHT + 1000);
    expect(client.quotaPausedUntil('cached')).toBeNull();
    await client.getDailyEnergy(PDL, 'consumption', range);
    expect(gw.requests).toHaveLength(3);
  });

  it('pauses the no-cache bucket on an EcoWatt HTTP 429, leaving the cached bucket alone', async () => {
    gw = await startFakeGateway((req, res) => {
      if (req.path.startsWith('/api/ecowatt'))
        return json(res, { detail: 'Rate limit exceeded: 50/50 requests today' }, 429);
      json(res, ok(daily([])));
    });
    const { client } = makeClient(gw.baseUrl);
    const err = await caught(() => client.getEcoWattForecast());
    expect([err.constructor, err.bucket]).toEqual([GatewayQuotaError, 'noCache']);
    expect(client.quotaPausedUntil('noCache')).toBe(MIDNIGHT);
    expect(client.quotaPausedUntil('cached')).toBeNull();
    await caught(() => client.getEcoWattForecast());
    await client.getDailyEnergy(PDL, 'consumption', range);
    expect(gw.requests.map((r) => r.path)).toEqual(['/api/ecowatt/forecast', `/api/enedis/consumption/daily/${PDL}`]);
  });
});

describe('token mode', () => {
  const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.sig-one';
  const JWT2 = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.sig-two';

  async function tokenGateway(valid: () => string) {
    let issued = 0;
    gw = await startFakeGateway((req, res) => {
      if (req.path === '/api/accounts/token') {
        issued++;
        return json(res, { access_token: issued === 1 ? JWT : JWT2, token_type: 'bearer' });
      }
      if (req.headers.authorization !== `Bearer ${valid()}`)
        return json(res, { detail: 'Invalid authentication credentials' }, 401);
      json(res, ok([]));
    });
  }

  it('exchanges the secret for a JWT once and reuses it', async () => {
    await tokenGateway(() => JWT);
    const { client } = makeClient(gw.baseUrl, { authMode: 'token', clientId: 'cid-1' });
    await client.listUsagePoints();
    await client.listUsagePoints();
    const [tokenReq, ...rest] = gw.requests;
    expect(tokenReq?.method).toBe('POST');
    expect(tokenReq?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenReq!.body))).toEqual({
      client_id: 'cid-1',
      client_secret: SECRET,
    });
    expect(rest.map((r) => r.headers.authorization)).toEqual([`Bearer ${JWT}`, `Bearer ${JWT}`]);
  });

  it('renews the token once on a 401, and never logs it', async () => {
    let current = JWT;
    await tokenGateway(() => current);
    const { client, logger } = makeClient(gw.baseUrl, { authMode: 'token', clientId: 'cid-1' });
    await client.listUsagePoints();
    current = JWT2;
    await client.listUsagePoints();
    expect(gw.requests.map((r) => r.path)).toEqual([
      '/api/accounts/token',
      '/api/pdl',
      '/api/pdl',
      '/api/accounts/token',
      '/api/pdl',
    ]);
    const text = JSON.stringify(logger.lines);
    expect(text).not.toContain(JWT);
    expect(text).not.toContain(SECRET);
  });

  it('renews a token older than 29 days before using it', async () => {
    await tokenGateway(() => JWT2);
    const { client, clock } = makeClient(gw.baseUrl, { authMode: 'token', clientId: 'cid-1' });
    await client.listUsagePoints();
    const before = gw.requests.filter((r) => r.path === '/api/accounts/token').length;
    clock.advance(29 * 86_400_000);
    await client.listUsagePoints();
    expect(gw.requests.filter((r) => r.path === '/api/accounts/token').length).toBe(before + 1);
  });

  it('a refused exchange is a GatewayAuthError', async () => {
    gw = await startFakeGateway((_req, res) => json(res, { detail: 'Invalid client credentials' }, 401));
    const { client } = makeClient(gw.baseUrl, { authMode: 'token', clientId: 'cid-1' });
    expect(await caught(() => client.listUsagePoints())).toBeInstanceOf(GatewayAuthError);
  });

  it('needs a client id', () => {
    expect(() => makeClient('http://127.0.0.1:9/api', { authMode: 'token' })).toThrow(/CLIENT_ID/);
  });
});

describe('secrets stay out of errors', () => {
  it('redacts a secret echoed by the gateway in an error body', async () => {
    gw = await startFakeGateway((_req, res) => json(res, { detail: `bad header Bearer ${SECRET}` }, 400));
    const { client, logger } = makeClient(gw.baseUrl);
    const err = await caught(() => client.listUsagePoints());
    expect(err.message).toMatch(/HTTP 400/);
    expect(err.message).not.toContain(SECRET);
    expect(JSON.stringify(logger.lines)).not.toContain(SECRET);
  });
});
