import { ingressPrefix, normaliseAddress } from '../../src/api/ingress.js';
import { type Harness, startHarness } from './harness.js';

describe('ingress mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ enabled: true, allowedAddresses: ['172.30.32.2'] });
  });
  afterAll(() => h.close());

  it('answers the Supervisor, also as an IPv4-mapped IPv6 address', async () => {
    for (const remoteAddress of ['172.30.32.2', '::ffff:172.30.32.2']) {
      const res = await h.api.inject({ url: '/api/pdls', remoteAddress });
      expect(res.statusCode).toBe(200);
    }
  });

  it.each([
    ['GET', '/'],
    ['GET', '/api/status'],
    ['GET', '/api/pdls'],
    ['POST', '/api/sync'],
  ] as const)('refuses %s %s from any other address with 403', async (method, url) => {
    const res = await h.api.inject({ method, url, remoteAddress: '192.168.1.20' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect(h.trigger.calls).toBe(0);
  });

  it('keeps /api/health open so the container health check works', async () => {
    const res = await h.api.inject({ url: '/api/health', remoteAddress: '127.0.0.1' });
    expect(res.statusCode).toBe(200);
  });
});

describe('ingress disabled', () => {
  it('answers every address', async () => {
    const h = await startHarness();
    try {
      const res = await h.api.inject({ url: '/api/pdls', remoteAddress: '192.168.1.20' });
      expect(res.statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('defaults the allowed address to the Supervisor when the list is empty', async () => {
    const h = await startHarness({ enabled: true, allowedAddresses: [] });
    try {
      expect((await h.api.inject({ url: '/', remoteAddress: '172.30.32.2' })).statusCode).toBe(200);
      expect((await h.api.inject({ url: '/', remoteAddress: '172.30.32.3' })).statusCode).toBe(403);
    } finally {
      await h.close();
    }
  });
});

describe('X-Ingress-Path', () => {
  it.each([
    ['/api/hassio_ingress/AbC-123_x', '/api/hassio_ingress/AbC-123_x'],
    ['/api/hassio_ingress/tok/', '/api/hassio_ingress/tok'],
    ['', ''],
    [undefined, ''],
    ['"><script>alert(1)</script>', ''],
    ['//evil.example/x', ''],
    ['https://evil.example/', ''],
  ])('%p gives the prefix %p', (header, prefix) => {
    expect(ingressPrefix(header)).toBe(prefix);
  });

  it('normalises IPv4-mapped addresses only', () => {
    expect(normaliseAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(normaliseAddress('::1')).toBe('::1');
    expect(normaliseAddress(undefined)).toBe('');
  });
});
