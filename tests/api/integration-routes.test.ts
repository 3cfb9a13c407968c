/**
 * `GET /api/sensors` and `GET /api/events` (the Home Assistant integration's feed) on a real filled
 * SQLite store: the same entities as the catalog renders for MQTT, the values of the REST states, the
 * diagnostics from the status, and a `sensors` event pushed after a sync.
 */

import { buildRestStates } from '../../src/exporters/ha-rest-states/build-rest-states.js';
import { integrationActive } from '../../src/exporters/kit/integration-presence.js';
import type { Exporter } from '../../src/exporters/types.js';
import { readSnapshot } from '../../src/sensors/snapshot/read-snapshot.js';
import { SyncEvents } from '../../src/sync/events.js';
import { idleStatus, NOW, PDL_HOME } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

interface SensorsBody {
  devices: { id: string; name: string; model: string; pdl: string | null }[];
  sensors: { unique_id: string; device_id: string; value: unknown; key: string }[];
  diagnostics: {
    newest_day: Record<string, string | null>;
    problem: boolean;
    problem_message: string | null;
    credentials_refused: boolean;
  };
}

let h: Harness;
const events = new SyncEvents();
afterEach(() => h.close());

describe('GET /api/sensors', () => {
  beforeEach(async () => {
    h = await startHarness(undefined, undefined, { events });
  });

  it('lists the catalog entities with the values the REST states show', async () => {
    const res = await h.api.inject('/api/sensors');
    expect(res.statusCode).toBe(200);
    const body = res.json() as SensorsBody;
    const rest = buildRestStates(await readSnapshot(h.store, NOW));
    expect(body.sensors).toHaveLength(rest.length);
    const restValue = new Map(rest.map((r) => [r.entityId, r.body.state]));
    for (const [i, s] of body.sensors.entries()) {
      const expected = rest[i]!.body.state;
      expect([s.key, s.value === null ? 'unknown' : String(s.value)]).toEqual([s.key, expected]);
    }
    expect(restValue.size).toBe(rest.length);
    const linky = body.devices.find((d) => d.pdl === PDL_HOME);
    expect(linky).toMatchObject({ id: PDL_HOME, name: 'Linky Maison', model: 'Linky' });
    expect(body.devices.map((d) => d.id)).toEqual(expect.arrayContaining(['rte_tempo', 'rte_ecowatt']));
    expect(new Set(body.sensors.map((s) => s.unique_id)).size).toBe(body.sensors.length);
    expect(body.sensors.every((s) => body.devices.some((d) => d.id === s.device_id))).toBe(true);
  });

  it('carries the diagnostics: newest day held (end exclusive minus one) and the credentials problem', async () => {
    h.setStatus(idleStatus({ lastRunOk: false, lastError: { code: 'GATEWAY_AUTH', message: 'refused', at: NOW } }));
    const body = (await h.api.inject('/api/sensors')).json() as SensorsBody;
    expect(body.diagnostics.newest_day[PDL_HOME]).toBe('2026-11-03');
    expect(body.diagnostics.problem).toBe(true);
    expect(body.diagnostics.credentials_refused).toBe(true);
  });
});

describe('GET /api/events', () => {
  it('needs the token like every data route', async () => {
    h = await startHarness(undefined, undefined, { events, token: 'secret-token-1' });
    const res = await h.api.inject('/api/sensors');
    expect(res.statusCode).toBe(401);
    const ok = await h.api.inject({ url: '/api/sensors', headers: { authorization: 'Bearer secret-token-1' } });
    expect(ok.statusCode).toBe(200);
  });

  /** Opens the event stream; `next(n)` reads until `n` sensors events arrived and returns the last one. */
  async function openEvents(url: string, controller: AbortController) {
    const res = await fetch(`${url}/api/events`, {
      signal: controller.signal,
      headers: { 'x-myelectricaldata-integration': 'home-assistant' },
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const stream = { text: '' };
    const next = async (n: number) => {
      while ((stream.text.match(/^event: sensors$/gm) ?? []).length < n) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended after:\n${stream.text}`);
        stream.text += decoder.decode(value);
      }
      const last = stream.text.trim().split('\n\n').at(-1)!;
      return JSON.parse(
        last
          .split('\n')
          .find((l) => l.startsWith('data: '))!
          .slice(6),
      ) as SensorsBody & {
        reason: string;
      };
    };
    return { stream, next };
  }

  it('announces an exporter state change without any sync', async () => {
    h = await startHarness(undefined, undefined, { events, exporterCheckMs: 50 });
    const url = await h.api.listen(0, '127.0.0.1');
    const controller = new AbortController();
    const { next } = await openEvents(url, controller);
    expect((await next(1)).reason).toBe('connected');
    const failing = {
      name: 'mqtt',
      state: 'error' as const,
      lastRunAt: NOW,
      lastSuccessAt: null,
      lastResult: null,
      lastError: 'the broker refused the connection',
    };
    h.setStatus({ ...idleStatus(), exporters: [failing] });
    const changed = await next(2);
    expect(changed.reason).toBe('exporters-changed');
    expect(changed.diagnostics.problem).toBe(true);
    expect(changed.diagnostics.problem_message).toBe('exporter mqtt: the broker refused the connection');
    controller.abort();
  });

  it('sends the sensors on connect and again after a sync finished', async () => {
    h = await startHarness(undefined, undefined, { events });
    const url = await h.api.listen(0, '127.0.0.1');
    const controller = new AbortController();
    const { stream, next } = await openEvents(url, controller);
    const text = () => stream.text;
    await next(1);
    expect(text()).toContain('"reason":"connected"');
    // The integration's stream: MQTT discovery and REST states step aside.
    expect(await integrationActive(h.store, NOW)).toBe(true);
    events.emit('sync-finished', { startedAt: NOW, finishedAt: NOW, calls: 1, changed: [] });
    const data = await next(2);
    expect(data.reason).toBe('sync-finished');
    expect(data.sensors.length).toBeGreaterThan(10);
    controller.abort();
  });
});

describe('POST /api/statistics/reimport', () => {
  const runs: string[] = [];
  const exporter = (name: string) => ({ name, run: async (reason: string) => void runs.push(`${name}:${reason}`) });
  beforeEach(async () => {
    runs.length = 0;
    const started = [exporter('home-assistant'), exporter('victoriametrics')] as unknown as Exporter[];
    h = await startHarness(undefined, undefined, { events, exporters: { started } });
  });

  it('marks the energy of the PDL changed over the range and runs every exporter, without a sync', async () => {
    const seen: { pdl: string; stream: string; start: string }[] = [];
    const listener = (e: { pdl: string; stream: string; range: { start: string } }) =>
      seen.push({ pdl: e.pdl, stream: e.stream, start: e.range.start });
    events.on('data-changed', listener);
    const res = await h.api.inject({
      method: 'POST',
      url: '/api/statistics/reimport?start=2026-11-01&end=2026-11-04',
      payload: { pdl: PDL_HOME },
    });
    events.off('data-changed', listener);
    expect(res.statusCode).toBe(202);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => e.pdl === PDL_HOME && e.start === '2026-11-01')).toBe(true);
    expect(res.json()).toEqual({
      status: 'accepted',
      pdl: PDL_HOME,
      start: '2026-11-01',
      end: '2026-11-04',
      exporters: ['home-assistant', 'victoriametrics'],
    });
    expect(runs).toEqual(['home-assistant:reimport', 'victoriametrics:reimport']);
    expect(h.trigger.calls).toBe(0);
  });

  it('answers 409 when no exporter runs, and 400 for an unknown body field', async () => {
    const none = await startHarness(undefined, undefined, { events });
    try {
      const res = await none.api.inject({
        method: 'POST',
        url: '/api/statistics/reimport',
        payload: { pdl: PDL_HOME },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/no exporter is running/);
    } finally {
      await none.close();
    }
    const extra = await h.api.inject({
      method: 'POST',
      url: '/api/statistics/reimport',
      payload: { pdl: PDL_HOME, from: '2026-01-01' },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toMatch(/no other field/);
    expect(runs).toEqual([]);
  });

  it('answers 400 naming the field for a bad PDL and 404 for an unknown one', async () => {
    const bad = await h.api.inject({ method: 'POST', url: '/api/statistics/reimport', payload: { pdl: 12 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/pdl/);
    const unknown = await h.api.inject({
      method: 'POST',
      url: '/api/statistics/reimport',
      payload: { pdl: '11112222333344' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('ingress mode and the integration token', () => {
  it('lets the integration reach the API from its own address with the announced token, and nobody else', async () => {
    h = await startHarness({
      enabled: true,
      allowedAddresses: ['172.30.32.2'],
      integrationToken: 'announced-token-42',
    });
    const anonymous = await h.api.inject('/api/sensors');
    expect(anonymous.statusCode).toBe(403);
    const wrong = await h.api.inject({ url: '/api/sensors', headers: { authorization: 'Bearer other' } });
    expect(wrong.statusCode).toBe(403);
    const ok = await h.api.inject({ url: '/api/sensors', headers: { authorization: 'Bearer announced-token-42' } });
    expect(ok.statusCode).toBe(200);
  });
});
