import { request } from 'undici';
import type { RunningSimulator } from '../../../src/gateway/simulator/index.js';
import { PRM } from '../../../src/gateway/simulator/index.js';
import { call, NOW, start } from './helpers.js';

describe('simulator transport, paths and auth', () => {
  let sim: RunningSimulator;
  let clock: Awaited<ReturnType<typeof start>>['clock'];
  beforeAll(async () => {
    ({ sim, clock } = await start({ jwtExpirySeconds: 3600 }));
  });
  afterAll(() => sim.close());
  beforeEach(() => clock.set(NOW));

  it('serves /ping without auth and the envelope with a naive UTC timestamp', async () => {
    const ping = await call(sim, '/ping', { token: null });
    expect(ping.body).toEqual({ status: 'ok', version: '1.5.15', timestamp: '2026-11-27T09:00:00.000000' });
    const pdl = await call(sim, '/pdl');
    expect(pdl.status).toBe(200);
    expect(pdl.body.success).toBe(true);
    expect(pdl.body.error).toBeNull();
    expect(pdl.body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
  });

  it('answers 404 {"detail":"Not Found"} on trailing slashes and on routes that do not exist', async () => {
    for (const p of [
      '/pdl/',
      '/accounts/me/',
      '/account',
      '/sync/status',
      `/contribute/${PRM.house}`,
      '/ecowatt',
      '/tempo/remaining',
    ]) {
      const r = await call(sim, p);
      expect([p, r.status, r.body]).toEqual([p, 404, { detail: 'Not Found' }]);
    }
    const tempoSlash = await call(sim, '/tempo/', { token: null });
    expect(tempoSlash.status).toBe(200);
    expect(tempoSlash.body.success).toBe(true);
  });

  it('answers 401 with detail for missing or bad credentials', async () => {
    expect(await call(sim, '/pdl', { token: null })).toMatchObject({
      status: 401,
      body: { detail: 'Not authenticated' },
    });
    const bad = await call(sim, '/pdl', { token: 'nope' });
    expect(bad).toMatchObject({ status: 401, body: { detail: 'Invalid authentication credentials' } });
  });

  it('issues JWTs from form fields and from HTTP Basic, without expires_in, and they expire', async () => {
    const form = new URLSearchParams({ client_id: sim.clientId, client_secret: sim.clientSecret, grant_type: 'x' });
    const viaForm = await call(sim, '/accounts/token', {
      method: 'POST',
      token: null,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(viaForm.status).toBe(200);
    expect(Object.keys(viaForm.body).sort()).toEqual(['access_token', 'token_type']);
    expect(viaForm.body.token_type).toBe('bearer');
    const basic = Buffer.from(`${sim.clientId}:${sim.clientSecret}`).toString('base64');
    const viaBasic = await call(sim, '/accounts/token', {
      method: 'POST',
      token: null,
      headers: { authorization: `Basic ${basic}` },
    });
    expect(viaBasic.status).toBe(200);
    const jwt = viaForm.body.access_token as string;
    expect(jwt.split('.')).toHaveLength(3);
    expect((await call(sim, '/accounts/me', { token: jwt })).body.data.client_id).toBe(sim.clientId);
    clock.advance(3601_000);
    expect((await call(sim, '/accounts/me', { token: jwt })).status).toBe(401);
    expect((await call(sim, '/accounts/me')).status).toBe(200);
  });

  it('refuses bad client credentials with 401 and missing ones with 422', async () => {
    const body = new URLSearchParams({ client_id: sim.clientId, client_secret: 'wrong' }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const bad = await call(sim, '/accounts/token', { method: 'POST', token: null, headers, body });
    expect(bad).toMatchObject({ status: 401, body: { detail: 'Invalid client credentials' } });
    const none = await call(sim, '/accounts/token', { method: 'POST', token: null, headers, body: '' });
    expect(none.status).toBe(422);
    expect(none.body.detail.map((d: { loc: string[] }) => d.loc[1])).toEqual(['client_id', 'client_secret']);
  });

  it('answers FastAPI 422 for missing query parameters, after authentication', async () => {
    const r = await call(sim, `/enedis/consumption/daily/${PRM.house}?start=2026-11-01`);
    expect(r.status).toBe(422);
    expect(r.body.detail).toEqual([{ type: 'missing', loc: ['query', 'end'], msg: 'Field required', input: null }]);
    expect((await call(sim, `/enedis/consumption/daily/${PRM.house}`, { token: null })).status).toBe(401);
    const badBool = await call(sim, `/enedis/contract/${PRM.house}?use_cache=maybe`);
    expect(badBool.body.detail[0].type).toBe('bool_parsing');
  });

  it('answers ACCESS_DENIED at HTTP 200 for unknown and inactive PDLs', async () => {
    for (const prm of ['12345678901234', PRM.oldFlat]) {
      const r = await call(sim, `/enedis/contract/${prm}?use_cache=true`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ success: false, data: null, error: { code: 'ACCESS_DENIED', field: null } });
    }
  });

  it('refuses foreign Host headers with 400', async () => {
    const res = await request(`${sim.baseUrl}/ping`, { headers: { host: 'evil.example.com' } });
    expect(res.statusCode).toBe(400);
    await res.body.text();
  });
});
