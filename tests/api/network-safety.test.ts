/**
 * The API on a home network: cross-site requests, DNS rebinding (Host), the optional token, security
 * headers, 405 and the JSON shape of errors raised before routing. Each case is a request a browser or a
 * neighbour could really send.
 */
import { request as httpRequest } from 'node:http';
import { memoryLogger } from '../../src/log/logger.js';
import { PDL_HOME } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
afterEach(() => h?.close());

const json = { 'content-type': 'application/json' };

describe('mutating requests from another site', () => {
  beforeEach(async () => {
    h = await startHarness();
  });

  it.each([
    ['a text/plain form post marked cross-site', { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' }],
    ['a JSON post marked same-site (another port or subdomain)', { ...json, 'sec-fetch-site': 'same-site' }],
    ['a JSON post whose Origin is another site', { ...json, origin: 'http://evil.example' }],
    ['a JSON post from a sandboxed frame (Origin null)', { ...json, origin: 'null' }],
  ])('refuses %s with 403 and starts nothing', async (_what, headers) => {
    const res = await h.api.inject({ method: 'POST', url: '/api/sync', headers, payload: '{}' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('cross_site');
    expect(h.trigger.calls).toBe(0);
  });

  it('refuses a body that is not JSON with 415 naming the header to send', async () => {
    const res = await h.api.inject({
      method: 'POST',
      url: '/api/sync',
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toMatch(/Content-Type: application\/json/);
    expect(h.trigger.calls).toBe(0);
  });

  it('accepts the status page own request (same origin, JSON) and a script without browser headers', async () => {
    const page = await h.api.inject({
      method: 'POST',
      url: '/api/sync',
      headers: { ...json, 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80', host: 'localhost:80' },
      payload: '{}',
    });
    expect(page.statusCode).toBe(202);
  });

  it('accepts an empty JSON body (curl -X POST -H Content-Type: application/json)', async () => {
    const res = await h.api.inject({ method: 'POST', url: '/api/sync', headers: json });
    expect(res.statusCode).toBe(202);
  });
});

describe('Host header (DNS rebinding)', () => {
  it.each(['evil.example', 'evil.example:8080', 'rebind.127.0.0.1.nip.io'])(
    'refuses Host %s with 403',
    async (host) => {
      h = await startHarness();
      const res = await h.api.inject({ url: '/api/pdls', headers: { host } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'host_not_allowed' });
      expect(res.json().error.message).toMatch(/api_allowed_hosts/);
      expect(res.body).not.toContain(PDL_HOME);
    },
  );

  it.each(['127.0.0.1:8080', '192.168.1.10', '[::1]:8080', 'localhost', 'LOCALHOST:80', 'nas.local:8080'])(
    'answers Host %s (IP literal, localhost or a listed name)',
    async (host) => {
      h = await startHarness(undefined, undefined, { allowedHosts: ['nas.local'] });
      const res = await h.api.inject({ url: '/api/pdls', headers: { host } });
      expect(res.statusCode).toBe(200);
    },
  );

  it('does not check the host behind the add-on ingress proxy (only the Supervisor reaches the server)', async () => {
    h = await startHarness({ enabled: true, allowedAddresses: ['172.30.32.2'] });
    const res = await h.api.inject({
      url: '/api/pdls',
      headers: { host: 'homeassistant.local:8123' },
      remoteAddress: '172.30.32.2',
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('api_token', () => {
  const TOKEN = 'a-long-random-token-0123456789';
  beforeEach(async () => {
    h = await startHarness(undefined, undefined, { token: TOKEN });
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer nope' }],
    ['Basic instead of Bearer', { authorization: `Basic ${TOKEN}` }],
  ])('refuses %s with 401 and WWW-Authenticate', async (_what, headers) => {
    for (const url of ['/api/status', `/api/pdls/${PDL_HOME}/consumption/daily`]) {
      const res = await h.api.inject({ url, headers });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.json().error.code).toBe('unauthorized');
      expect(res.body).not.toContain(TOKEN);
    }
    const post = await h.api.inject({ method: 'POST', url: '/api/sync', headers: { ...headers, ...json } });
    expect(post.statusCode).toBe(401);
    expect(h.trigger.calls).toBe(0);
  });

  it('answers the right token, and the health check and the page shell without one', async () => {
    const ok = await h.api.inject({ url: '/api/pdls', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.statusCode).toBe(200);
    expect((await h.api.inject('/api/health')).statusCode).toBe(200);
    const page = await h.api.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(PDL_HOME);
  });
});

describe('security headers and methods', () => {
  it('sends nosniff, no-referrer and forbids framing on the page and the API', async () => {
    h = await startHarness();
    for (const url of ['/', '/api/status']) {
      const res = await h.api.inject(url);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
    expect(String((await h.api.inject('/')).headers['content-security-policy'])).toMatch(/script-src 'nonce-/);
  });

  it("lets Home Assistant's ingress frame the page in add-on mode (same origin only)", async () => {
    h = await startHarness({ enabled: true, allowedAddresses: ['172.30.32.2'] });
    const res = await h.api.inject({ url: '/', remoteAddress: '172.30.32.2' });
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers a known path asked with the wrong method with 405 and Allow', async () => {
    h = await startHarness();
    const res = await h.api.inject({ method: 'PUT', url: `/api/pdls/${PDL_HOME}`, headers: json });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('DELETE, GET, HEAD');
    expect(res.json().error).toMatchObject({ status: 405, code: 'method_not_allowed' });
  });

  it.each(['TRACE', 'QUERY', 'DELETE'])(
    'answers %s without a JSON body type on a known path with 405, not a body-type error',
    async (method) => {
      h = await startHarness();
      const res = await h.api.inject({ method: method as 'DELETE', url: '/api/status' });
      expect(res.statusCode).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    },
  );

  it('still refuses a POST without a JSON body type on a route with 415', async () => {
    h = await startHarness();
    const res = await h.api.inject({ method: 'POST', url: '/api/sync' });
    expect(res.statusCode).toBe(415);
    expect(h.trigger.calls).toBe(0);
  });
});

describe('on a real socket', () => {
  async function send(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { headers }, (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('answers headers that are too large with 431 in the JSON error shape', async () => {
    h = await startHarness();
    const url = await h.api.listen(0, '127.0.0.1');
    const res = await send(`${url}/api/status`, { 'x-big': 'x'.repeat(20_000) });
    expect(res.status).toBe(431);
    expect(JSON.parse(res.body)).toEqual({
      error: { status: 431, code: 'headers_too_large', message: expect.stringMatching(/headers are too large/) },
    });
  });

  it('warns at start when listening beyond loopback without a token, and not with one', async () => {
    const open = memoryLogger();
    h = await startHarness(undefined, undefined, { logger: open });
    await h.api.listen(0, '0.0.0.0');
    expect(
      open.lines
        .filter((l) => l.level === 'warn')
        .map((l) => l.msg)
        .join('\n'),
    ).toMatch(/reachable from your network, without a token: set api_token/);
    await h.close();
    const guarded = memoryLogger();
    h = await startHarness(undefined, undefined, { logger: guarded, token: 'secret-token-123456' });
    await h.api.listen(0, '0.0.0.0');
    expect(guarded.lines.map((l) => l.msg).join('\n')).not.toMatch(/without a token/);
  });
});
