import { registerSecret } from '../../src/log/redact.js';
import { idleStatus, NOW, PDL_HOME } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';
import { openApiValidator } from './openapi-validator.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('GET /api/status', () => {
  it('returns the sync status with Paris ISO instants and the version', async () => {
    const res = await h.api.inject('/api/status');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      version: '1.2.3',
      now: '2026-11-27T12:00:00+01:00',
      running: false,
      progress: null,
      lastRun: { startedAt: '2026-11-27T10:59:00+01:00', finishedAt: '2026-11-27T11:00:00+01:00', ok: true, calls: 4 },
      lastError: null,
      quota: { cachedUsed: 12, cachedLimit: 500, noCacheUsed: 2, noCacheLimit: 50, pausedUntil: null },
      schedule: {
        nextDailySync: '2026-11-27T18:00:00+01:00',
        nextTempo: null,
        nextEcoWatt: '2026-11-27T13:00:00+01:00',
      },
      global: [],
      pdls: [
        {
          pdl: PDL_HOME,
          name: 'Maison',
          isActive: true,
          hasConsumption: true,
          hasProduction: false,
          selected: true,
          streams: [
            {
              stream: 'consumption_daily',
              lastSuccessAt: '2026-11-27T10:00:00+01:00',
              lastAttemptAt: '2026-11-27T10:00:00+01:00',
              lastError: null,
              dataRange: { start: '2026-11-01', end: '2026-11-04' },
              missingDays: 0,
              givenUpDays: 0,
            },
            {
              stream: 'contract',
              lastSuccessAt: '2026-11-27T10:00:00+01:00',
              lastAttemptAt: '2026-11-27T10:00:00+01:00',
              lastError: null,
              dataRange: null,
              missingDays: 0,
              givenUpDays: 0,
            },
          ],
        },
      ],
      warnings: [],
      exporters: [],
      history: [],
    });
  });

  it('lists the last runs, newest first, their error redacted', async () => {
    const secret = 'sk-live-history-0123456789';
    registerSecret(secret);
    const history = [
      {
        startedAt: NOW - 120_000,
        finishedAt: NOW - 60_000,
        scope: `PDL ${PDL_HOME}`,
        outcome: 'failed' as const,
        calls: 1,
        failedTasks: 1,
        error: { code: 'GATEWAY_AUTH', message: `the gateway refused ${secret}` },
      },
      {
        startedAt: NOW - 3_660_000,
        finishedAt: NOW - 3_600_000,
        scope: 'full',
        outcome: 'ok' as const,
        calls: 4,
        failedTasks: 0,
        error: null,
      },
    ];
    h.setStatus(idleStatus({ history }));
    const res = await h.api.inject('/api/status');
    expect(res.body).not.toContain(secret);
    const validator = openApiValidator((await h.api.inject('/api/openapi.json')).json());
    expect(() => validator.check('GET', '/api/status', res)).not.toThrow();
    const wrong = { ...res, json: () => ({ ...res.json(), history: [{ ...res.json().history[0], outcome: 'fine' }] }) };
    expect(() => validator.check('GET', '/api/status', wrong as never)).toThrow(/outcome|allowed/);
    expect(res.json().history).toEqual([
      {
        startedAt: '2026-11-27T11:58:00+01:00',
        finishedAt: '2026-11-27T11:59:00+01:00',
        scope: `PDL ${PDL_HOME}`,
        outcome: 'failed',
        calls: 1,
        failedTasks: 1,
        error: { code: 'GATEWAY_AUTH', message: 'the gateway refused ***' },
      },
      {
        startedAt: '2026-11-27T10:59:00+01:00',
        finishedAt: '2026-11-27T11:00:00+01:00',
        scope: 'full',
        outcome: 'ok',
        calls: 4,
        failedTasks: 0,
        error: null,
      },
    ]);
  });

  it('shows the progress of a running sync', async () => {
    h.setStatus(
      idleStatus({
        running: true,
        progress: {
          startedAt: NOW - 60_000,
          done: 3,
          total: 12,
          percent: 25,
          etaMs: 180_000,
          pdl: PDL_HOME,
          stream: 'consumption_curve',
          message: 'consumption curve 2026-11-01 to 2026-11-08',
        },
      }),
    );
    const body = (await h.api.inject('/api/status')).json();
    expect(body.running).toBe(true);
    expect(body.progress).toEqual({
      startedAt: '2026-11-27T11:59:00+01:00',
      done: 3,
      total: 12,
      percent: 25,
      etaMs: 180_000,
      pdl: PDL_HOME,
      stream: 'consumption_curve',
      message: 'consumption curve 2026-11-01 to 2026-11-08',
    });
  });

  it('never shows a secret, even inside an error message', async () => {
    const secret = 'sk-live-0123456789abcdef';
    registerSecret(secret);
    const status = idleStatus({
      lastRunOk: false,
      lastError: { code: 'gateway_auth', message: `the gateway refused ${secret}`, at: NOW - 1000 },
    });
    status.pdls[0]!.streams[0]!.lastError = `token ${secret} rejected`;
    h.setStatus(status);
    const res = await h.api.inject('/api/status');
    expect(res.body).not.toContain(secret);
    expect(res.json().lastError).toEqual({
      code: 'gateway_auth',
      message: 'the gateway refused ***',
      at: '2026-11-27T11:59:59+01:00',
    });
    expect(res.json().pdls[0].streams[0].lastError).toBe('token *** rejected');
  });

  it('answers 500 without a stack trace when the status provider fails, and logs it', async () => {
    // A snapshot the server cannot read: the route throws a TypeError.
    h.setStatus(null as never);
    const res = await h.api.inject('/api/status');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: {
        status: 500,
        code: 'internal_error',
        message: 'the server failed to answer this request: see the client log for details',
      },
    });
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    expect(h.logger.lines.some((l) => l.level === 'error' && l.msg === 'API request failed')).toBe(true);
  });
});

describe('GET /api/health', () => {
  it('answers 200 ok while the store answers', async () => {
    const res = await h.api.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the store is unreachable', async () => {
    await h.store.close();
    const res = await h.api.inject('/api/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      status: 'unavailable',
      error: {
        status: 503,
        code: 'store_unavailable',
        message: 'the database cannot be read: check the data directory or database URL and the log',
      },
    });
  });
});

describe('GET /api/health log', () => {
  it('logs a failure when it starts or its cause changes, and the recovery once, not at every probe', async () => {
    let failure: Error | null = null;
    const flaky = await startHarness(undefined, (store) =>
      Object.assign(Object.create(store) as typeof store, {
        listStreamStates: () => (failure ? Promise.reject(failure) : store.listStreamStates()),
      }),
    );
    const probe = async () => (await flaky.api.inject('/api/health')).statusCode;
    const health = () => flaky.logger.lines.filter((l) => l.msg.startsWith('health check'));
    try {
      failure = new Error('database is locked');
      expect([await probe(), await probe(), await probe()]).toEqual([503, 503, 503]);
      failure = new Error('disk I/O error');
      expect([await probe(), await probe()]).toEqual([503, 503]);
      failure = null;
      expect([await probe(), await probe()]).toEqual([200, 200]);
      failure = new Error('disk I/O error');
      expect(await probe()).toBe(503);
      expect(health().map((l) => [l.level, l.msg, l.fields.err])).toEqual([
        ['error', 'health check: the database cannot be read', 'database is locked'],
        ['error', 'health check: the database cannot be read', 'disk I/O error'],
        ['info', 'health check: the database answers again', undefined],
        ['error', 'health check: the database cannot be read', 'disk I/O error'],
      ]);
    } finally {
      await flaky.close();
    }
  });
});

describe('GET /api/health with a store that hangs', () => {
  it('answers 503 after the timeout instead of hanging', async () => {
    const hanging = await startHarness(undefined, (store) =>
      Object.assign(Object.create(store) as typeof store, { listStreamStates: () => new Promise<never>(() => {}) }),
    );
    try {
      const res = await hanging.api.inject('/api/health');
      expect(res.statusCode).toBe(503);
      expect(hanging.logger.lines.map((l) => l.fields.err)).toContain('no answer within 100 ms');
    } finally {
      await hanging.close();
    }
  });
});

describe('POST /api/sync', () => {
  const post = () =>
    h.api.inject({ method: 'POST', url: '/api/sync', headers: { 'content-type': 'application/json' }, payload: '' });

  it('answers 202 when a sync starts, then 429 with Retry-After during the cool-down', async () => {
    const first = await post();
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ status: 'started' });
    h.trigger.running = false;
    const second = await post();
    expect(second.statusCode).toBe(429);
    expect(second.headers['retry-after']).toBe('600');
    expect(second.json().error).toEqual({
      status: 429,
      code: 'sync_cooldown',
      message:
        "a sync was started from the API less than 10 minutes ago: try again in 600 s (this keeps the gateway's daily quota safe)",
    });
    expect(h.trigger.calls).toBe(1);
  });

  it('answers 409 while a sync runs', async () => {
    h.trigger.running = true;
    const res = await post();
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: {
        status: 409,
        code: 'sync_running',
        message: 'a sync is already running: wait for it to finish (follow it on GET /api/status)',
      },
    });
  });

  it('does not start a sync on GET: 405 naming the method to use', async () => {
    const res = await h.api.inject('/api/sync');
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.json().error.code).toBe('method_not_allowed');
    expect(h.trigger.calls).toBe(0);
  });
});

describe('unknown endpoints', () => {
  it('answer 404 in JSON', async () => {
    const res = await h.api.inject('/api/nope?x=1');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        status: 404,
        code: 'not_found',
        message: 'no such endpoint: GET /api/nope; see docs/api.md for the list of endpoints',
      },
    });
  });
});
